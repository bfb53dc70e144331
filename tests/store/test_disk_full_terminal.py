"""A full disk in the real terminal: what is typed while the database refuses writes is
shown as not saved, saved once space comes back, and survives a kill -9 and a resume."""

from __future__ import annotations

import os
import re
import subprocess
import time
from pathlib import Path

import pytest
import sqlite_utils

from tests.tmux import Tmux

pytestmark = pytest.mark.tmux


@pytest.fixture
def small_disk(tmp_path):
    """A 3 MB tmpfs of our own (mounting needs root, which CI and this project's test
    machines have); unmounted afterwards."""
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root; the Flaky-store unit tests cover the rest")
    mnt = tmp_path / "small"
    mnt.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mnt)], check=True)
    yield mnt
    subprocess.run(["umount", "-l", str(mnt)], check=False)


def fill(disk: Path) -> Path:
    filler = disk / "filler"
    # Unbuffered: a buffered file could keep the bytes the disk refused and raise again when
    # it is closed.
    with open(filler, "wb", buffering=0) as f:
        try:
            while True:
                f.write(b"\0" * 65536)
        except OSError:
            pass
    return filler


def test_typing_on_a_full_disk_is_saved_when_space_returns_and_survives_kill_9(
    small_disk, monkeypatch
):
    db = small_disk / "mockint.db"
    monkeypatch.setenv("MOCKINT_DB", str(db))
    term = Tmux(100, 30)
    try:
        term.start("practice", "moving-average", "--minutes", "20")
        term.wait_for(r"Practice: Moving average")
        term.send("Enter")
        term.wait_for(r"Runs: 0")
        filler = fill(small_disk)
        lines = [f"# typed while the disk was full {i}" for i in range(6)]
        for line in lines:  # above the starter code, where the cursor starts
            term.type(line)
            term.send("Enter")
        term.wait_for(r"NOT SAVED YET: your code", timeout=20)
        # Nothing of it reached the file yet.
        codes = [r["code"] for r in sqlite_utils.Database(db)["code_snapshots"].rows]
        assert not any(lines[-1] in c for c in codes)
        filler.unlink()
        deadline = time.monotonic() + 20
        while "NOT SAVED YET" in term.screen():
            assert time.monotonic() < deadline, term.screen()
            time.sleep(0.2)
        time.sleep(1.5)  # the editor's timeline is at most a second behind the typing
        last = next(
            iter(
                sqlite_utils.Database(db)["code_snapshots"].rows_where(order_by="id desc", limit=1)
            )
        )
        assert all(line in last["code"] for line in lines), last["code"]
        os.kill(term.pid(), 9)
        time.sleep(1)
        term.start("resume")
        term.wait_for(r"(\d\d):(\d\d) left of 20:00")
        term.wait_for(r"7  class MovingAverage")  # six typed lines above, the cursor after them
        term.send("PageUp")
        screen = term.wait_for(re.escape(lines[0])).string
        assert all(line in screen for line in lines), screen
    finally:
        term.close()
