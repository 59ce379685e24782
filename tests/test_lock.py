"""The lock files (`make lock`) agree with pyproject.toml, and this environment is the lock.

A dependency added to or narrowed in pyproject.toml without `make lock` fails here, and so
does an environment that pip resolved by itself instead of installing the lock.
"""

from __future__ import annotations

import importlib.metadata
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent
APP_LOCK = ROOT / "requirements.lock"
BUILD_LOCK = ROOT / "packaging" / "requirements-build.lock"


def pins(lock: Path) -> dict[str, Version]:
    """name -> pinned version; every line that is not a comment must be `name==version`."""
    found: dict[str, Version] = {}
    for number, line in enumerate(lock.read_text(encoding="utf-8").splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        name, sep, version = line.partition("==")
        assert sep and name and version, f"{lock.name}, line {number}: not an exact pin: {line!r}"
        found[canonicalize_name(name)] = Version(version)
    return found


def declared(*groups: str) -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    found = [Requirement(text) for text in project["dependencies"]]
    for group in groups:
        found += [Requirement(text) for text in project["optional-dependencies"][group]]
    return found


def unmet(requirements: list[Requirement], locked: dict[str, Version]) -> list[str]:
    problems = []
    for requirement in requirements:
        version = locked.get(canonicalize_name(requirement.name))
        if version is None:
            problems.append(f"{requirement} is not in the lock")
        elif not requirement.specifier.contains(version, prereleases=True):
            problems.append(f"{requirement} but the lock has {version}")
    return problems


def test_the_app_lock_satisfies_every_declared_dependency():
    assert unmet(declared("test"), pins(APP_LOCK)) == []


def test_the_build_lock_satisfies_the_app_and_its_build_tools():
    build_tools = [Requirement(line) for line in (ROOT / "packaging" / "requirements-build.txt").read_text().splitlines()
                   if line.strip() and not line.startswith("#")]
    assert unmet(declared() + build_tools, pins(BUILD_LOCK)) == []


def test_the_installer_ships_the_versions_the_tests_ran():
    app, build = pins(APP_LOCK), pins(BUILD_LOCK)
    assert {name: (app[name], version) for name, version in build.items() if name in app and app[name] != version} == {}


def test_torch_is_the_cpu_build_in_both_locks():
    for lock in (APP_LOCK, BUILD_LOCK):
        torch = pins(lock)["torch"]
        assert torch.public == "2.13.0" and torch.local in (None, "cpu"), f"{lock.name}: torch {torch}"
        assert not any(name.startswith(("nvidia-", "triton")) for name in pins(lock)), f"{lock.name} has GPU packages"


def test_a_requirement_missing_from_the_lock_or_outside_its_range_is_reported():
    locked = {"sqlalchemy": Version("2.1.9")}
    assert unmet([Requirement("SQLAlchemy>=2.0,<2.2"), Requirement("keyring>=25")], locked) == [
        "keyring>=25 is not in the lock"]
    assert unmet([Requirement("SQLAlchemy>=2.2")], locked) == ["SQLAlchemy>=2.2 but the lock has 2.1.9"]


@pytest.mark.parametrize("name", sorted(pins(APP_LOCK)))
def test_this_environment_is_the_lock(name):
    assert Version(importlib.metadata.version(name)) == pins(APP_LOCK)[name]
