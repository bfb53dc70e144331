"""`mockint practice` in a real terminal: type a solution, submit, read the verdict."""

import os
import stat
import time

import pytest
import sqlite_utils

from mockint.paths import bundled_dir
from tests.tmux import Tmux

pytestmark = pytest.mark.tmux

SOLUTION = (bundled_dir("solutions") / "moving-average.py").read_text()


def same_code(a: str, b: str) -> bool:
    """Equal but for trailing spaces (auto-indent leaves them on blank lines)."""
    return [line.rstrip() for line in a.strip().splitlines()] == [
        line.rstrip() for line in b.strip().splitlines()
    ]


@pytest.fixture
def term(tmux):
    return tmux(100, 30)


def type_code(term: Tmux, code: str) -> None:
    """Type line by line as a person would, relying on the editor's auto-indent: after Enter
    the new line starts at the previous indentation (one level more after a colon), and
    Backspace in leading spaces goes back one level."""
    auto = 0
    for i, line in enumerate(code.rstrip("\n").split("\n")):
        stripped = line.strip(" ")
        if i:
            term.send("Enter")
        if not stripped:
            continue
        want = len(line) - len(line.lstrip(" "))
        if want > auto:
            term.type(" " * (want - auto))
        for _ in range(max(0, auto - want) // 4):
            term.send("BSpace")
        term.type(stripped)
        auto = want + (4 if stripped.endswith(":") else 0)


def test_type_a_solution_submit_and_find_it_in_sqlite(term):
    term.start("practice", "moving-average")
    term.wait_for(r"Practice: Moving average of a stream")
    term.send("Enter")
    term.wait_for(r"Runs: 0")  # set once the starter code is in the editor
    term.send("F7")  # select all of the starter code, then delete it
    time.sleep(0.5)  # keys sent right after a function key's escape sequence can be dropped
    term.send("BSpace")
    time.sleep(0.3)
    type_code(term, SOLUTION)
    time.sleep(1.5)
    term.send("C-s")
    term.wait_for(r"✓ Accepted: (\d+) of \1 tests passed", timeout=90)
    term.wait_for(r"accepted at", timeout=30)  # under the 8-second "Accepted" toast at first

    db = sqlite_utils.Database(os.environ["MOCKINT_DB"])
    [submit] = list(db["grading_runs"].rows_where("kind = 'submit'"))
    assert submit["verdict"] == "accepted" and submit["problem"] == "moving-average"
    assert same_code(submit["code"], SOLUTION)
    snaps = list(db["code_snapshots"].rows_where(order_by="id"))
    assert len(snaps) >= 3, "the timeline should hold the typing, not only the end"
    assert same_code(snaps[-1]["code"], SOLUTION)
    assert [s["at"] for s in snaps] == sorted(s["at"] for s in snaps)
    # The timeline replays the round: the code grows from the first snapshot to the last.
    assert len(snaps[0]["code"]) < len(snaps[-1]["code"])


def test_external_editor_round_trip(term, tmp_path):
    editor = tmp_path / "fake-editor.sh"
    editor.write_text('#!/bin/sh\nprintf "\\n# written in the external editor\\n" >> "$1"\n')
    editor.chmod(editor.stat().st_mode | stat.S_IEXEC)
    os.environ["EDITOR"] = str(editor)
    try:
        term.start("practice", "moving-average")
        term.wait_for(r"Practice: Moving average")
        term.send("Enter")
        term.wait_for(r"Runs: 0")  # set once the starter code is in the editor
        term.send("C-e")
        # The app suspends, the editor runs and appends a line, the app takes the file back.
        time.sleep(2.0)
        term.send("PageDown")  # the new last line may be below a small editor's view
        term.wait_for(r"# written in the external editor")
    finally:
        del os.environ["EDITOR"]
    time.sleep(1.5)
    db = sqlite_utils.Database(os.environ["MOCKINT_DB"])
    last = next(iter(db["code_snapshots"].rows_where(order_by="id desc", limit=1)))
    assert last["code"].rstrip().endswith("# written in the external editor")


def test_kill_9_during_the_round_then_resume(term):
    term.start("practice", "moving-average", "--minutes", "20")
    term.wait_for(r"Practice: Moving average")
    term.send("Enter")
    term.wait_for(r"Runs: 0")
    term.send("F7")
    time.sleep(0.5)
    term.send("BSpace")
    time.sleep(0.3)
    type_code(
        term, "class MovingAverage:\n    def __init__(self, window):\n        self.window = window"
    )
    time.sleep(1.5)  # the promise: at most a second or two of typing lost
    db = sqlite_utils.Database(os.environ["MOCKINT_DB"])
    [snap] = list(db["code_snapshots"].rows_where(order_by="id desc", limit=1))
    assert snap["code"].rstrip().endswith("self.window = window")
    assert (snap["cursor_row"], snap["cursor_col"]) == (2, len("        self.window = window"))
    stage = db["stages"].get((1, 0))
    os.kill(term.pid(), 9)

    time.sleep(2)
    term.start()
    term.wait_for(r"Resume: Practice: Moving average of a stream")
    term.send("Enter")
    m = term.wait_for(r"(\d\d):(\d\d) left of 20:00  PAUSED")
    shown_elapsed = 20 * 60 - (int(m.group(1)) * 60 + int(m.group(2)))
    assert abs(shown_elapsed - stage["elapsed_s"]) <= 1.5
    screen = term.screen()
    assert "self.window = window" in screen and "raise NotImplementedError" not in screen
    # The cursor is where it was: typing goes on at the end of the last line.
    term.type("  # resumed")
    term.wait_for(r"self\.window = window  # resumed")
