"""`make` uses this project's own virtual environment, whatever VENV the shell exports."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def dry_run(env: dict[str, str], target: str = "run") -> str:
    if shutil.which("make") is None:
        pytest.fail("make is not installed (.ci/run installs it)")
    # -B: every recipe, as if .venv were missing; -n: printed, never run.
    res = subprocess.run(
        ["make", "-n", "-B", target], cwd=REPO, env=env, capture_output=True, text=True
    )
    assert res.returncode == 0, res.stderr
    return res.stdout


def test_an_unrelated_venv_in_the_environment_is_not_used(tmp_path):
    other = str(tmp_path / "someone-elses-venv")
    out = dry_run({**os.environ, "VENV": other})
    assert other not in out
    assert "-m venv .venv" in out and ".venv/bin/mockint" in out
    mine = str(tmp_path / "mine")
    assert f"{mine}/bin/mockint" in dry_run({**os.environ, "MOCKINT_VENV": mine})
