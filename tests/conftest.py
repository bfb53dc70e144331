import asyncio
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
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
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


async def wait_for(pilot, predicate, timeout=10.0):
    """Let the app run until `predicate()` holds (for state with no message to wait on)."""
    loop = asyncio.get_running_loop()
    end = loop.time() + timeout
    while not predicate():
        assert loop.time() < end, "timed out waiting"
        await pilot.pause(0.05)


async def graded(pilot, app, timeout=120.0):
    """Wait for the run being graded: its Textual worker ends once the final event is
    posted, then the screen handles the messages it posted."""
    await asyncio.wait_for(app.workers.wait_for_complete(), timeout)
    await pilot.pause()
    await wait_for(pilot, lambda: app.screen.run_handle is None, timeout=10)


@pytest.fixture
def tmux():
    """Open real terminals in tmux (tests/tmux.py) of a given size; all closed afterwards."""
    from tests.tmux import Tmux

    opened: list[Tmux] = []

    def open_terminal(width: int = 80, height: int = 24) -> Tmux:
        t = Tmux(width, height)
        opened.append(t)
        return t

    yield open_terminal
    for t in opened:
        t.close()
