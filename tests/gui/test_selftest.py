import subprocess
import sys

from moderator.gui.selftest import run_self_test
from moderator.scoring.packs import install_pack
from tests.tinymodels import build_tiny_model


def test_self_test_checks_window_demo_a_decision_and_every_model(qapp, paths, tmp_path):
    tiny = build_tiny_model(tmp_path / "tiny", "bert")
    install_pack(paths.models, tiny.checkpoint, tiny.config)
    lines: list[str] = []
    assert run_self_test(paths.models, lines.append) == 0, lines
    assert lines[0].startswith("ok: main window opened")
    assert "6 articles, 54 comments" in lines[1]
    assert lines[2] == "ok: scored in the background by quick-screen, in its own process"
    assert lines[3] == "ok: queue opened: 43 pending, counted off the window's thread"
    assert "approved comment" in lines[4] and "undid it" in lines[4]
    assert lines[5] == "ok: Insight window drew its charts and the calibration curve"
    assert lines[6].startswith("ok: quick-screen scored 5") and "(offensive)" in lines[6]
    assert lines[7].startswith("ok: bert-tiny scored 5") and "toxicity" in lines[7]
    assert lines[-1].startswith("self-test passed")


def test_self_test_from_the_command_line_checks_the_models_of_the_data_folder_it_is_given(paths, tmp_path):
    """On the test's own data folder (never the user's): the model installed there is checked."""
    tiny = build_tiny_model(tmp_path / "tiny", "bert")
    install_pack(paths.models, tiny.checkpoint, tiny.config)
    command = [sys.executable, "-m", "moderator", "--home", str(paths.home), "--self-test"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ok: bert-tiny scored" in result.stdout and "self-test passed" in result.stdout
