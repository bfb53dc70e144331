import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def isolated_data(tmp_path, monkeypatch):
    """Every test gets its own data directory and database; the user's are never touched."""
    data_home = tmp_path / "xdg-data"
    monkeypatch.setenv("XDG_DATA_HOME", str(data_home))
    monkeypatch.setenv("MOCKINT_DB", str(tmp_path / "mockint.db"))
    return data_home


def run_cli(*args, cwd=None, env=None, timeout=60):
    """`python -m mockint ARGS` in a subprocess, as a user would run it."""
    return subprocess.run(
        [sys.executable, "-m", "mockint", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env or os.environ.copy(),
        timeout=timeout,
    )


@pytest.fixture
def cli():
    return run_cli
