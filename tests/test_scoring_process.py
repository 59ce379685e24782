"""Scoring in a child process (what the window uses): the same scores as in process, the
app's own process never loading the model's libraries, errors as one sentence, and a
stop that ends the child at once."""

import subprocess
import sys

import pytest

from moderator.errors import ModeratorError
from moderator.scoring.packs import install_pack
from moderator.scoring.process import ScoringProcess, ScoringProcessStopped
from moderator.scoring.quick import QUICK_SCREEN
from moderator.scoring.registry import load_scorer
from tests.tinymodels import build_tiny_model

TEXTS = ["You are an idiot, the troll", "Thanks, good article", "x " * 700, "", "Ça va? Non. 🙂"] * 3


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    return build_tiny_model(tmp_path_factory.mktemp("tiny") / "bert", "bert")


@pytest.fixture
def installed(tiny, paths):
    install_pack(paths.models, tiny.checkpoint, tiny.config, name="tiny")
    return paths.models


@pytest.mark.parametrize("name", ["tiny", QUICK_SCREEN])
def test_the_child_scores_as_the_model_does_in_process(installed, name):
    here = load_scorer(installed, name)
    process = ScoringProcess(installed, name)
    try:
        child = process.load()
        assert child.identity == here.identity and child.window == here.window
        assert child.batches(TEXTS) == here.batches(TEXTS)
        for got, expected in zip(child.score(TEXTS), here.score(TEXTS)):
            assert got.keys() == expected.keys()
            assert all(abs(got[label] - expected[label]) < 1e-6 for label in got)
    finally:
        process.close()
    assert process._child.exitcode is not None


def test_the_app_process_never_imports_the_model_libraries(installed):
    probe = ("import sys; from pathlib import Path; from moderator.scoring.process import ScoringProcess\n"
             "if __name__ == '__main__':\n"
             f"    process = ScoringProcess(Path({str(installed)!r}), 'tiny')\n"
             "    rows = process.load().score(['you idiot', 'thanks'])\n"
             "    process.close()\n"
             "    print(len(rows), sorted(m for m in ('torch', 'transformers', 'detoxify', 'sklearn') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=300)
    assert result.stdout.strip() == "2 []", result.stderr


def test_a_model_that_cannot_load_is_one_sentence(installed):
    (installed / "tiny" / "model.ckpt").write_bytes(b"not a checkpoint")
    process = ScoringProcess(installed, "tiny")
    with pytest.raises(ModeratorError, match="could not be loaded"):
        process.load()
    process.close()


def test_stop_ends_the_child_at_once_even_while_it_loads(installed):
    process = ScoringProcess(installed, "tiny")
    process.stop()
    with pytest.raises(ScoringProcessStopped):  # rather than the model, once loaded
        process.load()
    process.close()
    assert process._child.exitcode is not None
