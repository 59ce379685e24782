"""The import fuzzer, a few seconds a format: every hostile file (tests/fuzzformats.py) is
imported or refused with one sentence naming it, never anything else, and a refused
file leaves the database exactly as it was (`outcome` checks). bench/fuzz.py runs the
same for minutes."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from moderator.importing import import_files
from tests.fuzzformats import FORMATS, hostile_file, outcome
from tests.samples import TESTDATA

SAMPLES = ("wxr_isso-tests.xml", "disqus_isso-tests.xml", "isso_generic-import.json", "commento_remark42-migrator.json",
           "remark42_native-backup_from-native_test.jsonl", "toxic_jigsaw-train-dummy_detoxify.csv")
FUZZ = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                       HealthCheck.too_slow])


@pytest.fixture
def samples(session):
    """A database that holds the samples: a fuzzed file also meets comments already here."""
    import_files(session, [TESTDATA / name for name in SAMPLES], parallel=False)
    return session


@pytest.mark.parametrize("file_format", FORMATS)
def test_every_file_is_imported_or_refused_with_one_sentence(samples, tmp_path, file_format):
    path = tmp_path / f"fuzzed.{file_format}"
    seen = set()

    @FUZZ
    @given(data=hostile_file(file_format), auto=st.booleans())
    def one_file(data: bytes, auto: bool) -> None:
        path.write_bytes(data)
        # A crash fails here, and so does a refusal that changed the database.
        seen.add(outcome(samples, path, "auto" if auto else file_format))

    one_file()
    assert "refused" in seen
