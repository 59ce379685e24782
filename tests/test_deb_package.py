"""The Debian package (packaging/linux/build-deb.sh) recommends a colour emoji font (issue
18, point 11: 👍 showed as an empty box), built here from a tiny stand-in bundle."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TOOLS = ("dpkg-deb", "dpkg-shlibdeps", "desktop-file-validate")


@pytest.mark.skipif(not all(shutil.which(tool) for tool in TOOLS), reason="needs Debian's packaging tools")
def test_the_package_recommends_an_emoji_font(tmp_path):
    bundle = tmp_path / "bundle"
    bundle.mkdir()
    shutil.copy("/bin/true", bundle / "moderator")  # an ELF executable, as the frozen one is
    subprocess.run(["bash", str(ROOT / "packaging/linux/build-deb.sh"), str(bundle), str(tmp_path / "out"), "none"],
                   check=True, capture_output=True, timeout=120)
    deb = next((tmp_path / "out").glob("*.deb"))
    fields = subprocess.run(["dpkg-deb", "--field", str(deb), "Recommends", "Depends"], check=True,
                            capture_output=True, text=True).stdout
    assert "Recommends: fonts-noto-color-emoji | fonts-symbola" in fields
    assert "Depends: " in fields and "libc6" in fields
