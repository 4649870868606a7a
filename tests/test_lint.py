"""ruff keeps the code in one style (ruff.toml); a lint error fails the suite."""

import subprocess
import sys

from warddash import ROOT


def test_ruff_check_and_format():
    # ruff is pinned in requirements-dev.txt: run as a module, a missing install fails instead of skipping
    for args in (["check", "."], ["format", "--check", "."]):
        done = subprocess.run([sys.executable, "-m", "ruff", *args], cwd=ROOT, capture_output=True, text=True)
        assert done.returncode == 0, done.stdout + done.stderr
