"""ruff keeps the code in one style (ruff.toml); a lint error fails the suite."""

import shutil
import subprocess

import pytest

from warddash import ROOT


@pytest.mark.skipif(shutil.which("ruff") is None, reason="ruff is in requirements-dev.txt")
def test_ruff_check_and_format():
    for args in (["check", "."], ["format", "--check", "."]):
        done = subprocess.run(["ruff", *args], cwd=ROOT, capture_output=True, text=True)
        assert done.returncode == 0, done.stdout + done.stderr
