"""The real servers, each started once per test session on 127.0.0.1 and stopped after it.
A server that cannot start fails its tests with the sentence saying why (never a skip)."""

from __future__ import annotations

import pytest

from tests.siteservers import CuttingProxy, IssoServer, ServerUnavailable, WordPressServer


def running(server, name: str):
    """Start a test server for the session; one that cannot start fails the test, never skips it."""
    try:
        server.start()
    except ServerUnavailable as why:
        server.stop()
        pytest.fail(f"The {name} test server could not start: {why}", pytrace=False)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def wordpress_server(tmp_path_factory):
    yield from running(WordPressServer(tmp_path_factory.mktemp("wordpress")), "WordPress")


@pytest.fixture
def wordpress(wordpress_server):
    """The site with no comments: each test starts from an empty comment list."""
    wordpress_server.reset_comments()
    return wordpress_server


@pytest.fixture(scope="session")
def isso_server(tmp_path_factory):
    yield from running(IssoServer(tmp_path_factory.mktemp("isso")), "Isso")


@pytest.fixture
def isso(isso_server):
    isso_server.reset()
    return isso_server


@pytest.fixture
def proxy_to():
    """A cutting proxy in front of a server's port; closed after the test."""
    made = []

    def make(port: int) -> CuttingProxy:
        made.append(CuttingProxy(port))
        return made[-1]

    yield make
    for proxy in made:
        proxy.close()
