import subprocess
import sys

from moderator.gui.selftest import run_self_test


def test_self_test_checks_window_demo_and_a_decision(qapp):
    lines: list[str] = []
    assert run_self_test(lines.append) == 0
    assert lines[0].startswith("ok: main window opened")
    assert "6 articles, 54 comments" in lines[1]
    assert "approved comment" in lines[2] and "undid it" in lines[2]
    assert lines[-1].startswith("self-test passed")


def test_self_test_from_the_command_line(tmp_path):
    result = subprocess.run([sys.executable, "-m", "moderator", "--self-test"], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "self-test passed" in result.stdout
