"""Keys that arrive together (a fast typist, a paste without bracketed paste, SSH) all land,
in order, where the focus was when each was sent: in the code editor after auto-indent and
Backspace, and across Tab in the STAR form. Each burst is one tmux send-keys: the app reads
it in one go."""

import json
import os
import time

import pytest
import sqlite_utils

from tests.tmux import Tmux

pytestmark = pytest.mark.tmux

SIXTY = "total = sum(self.values[-self.window:]) / len(self.values) #"
assert len(SIXTY) == 60


def burst(term: Tmux, *keys: str) -> None:
    """Named keys and single characters in one send-keys."""
    term._tmux("send-keys", "-t", term.session, *keys)


def chars(text: str) -> list[str]:
    return [c if c != ";" else "\\;" for c in text]  # tmux reads a lone ";" as a separator


def last_code() -> str:
    db = sqlite_utils.Database(os.environ["MOCKINT_DB"])
    rows = list(db["code_snapshots"].rows_where(order_by="id desc", limit=1))
    return rows[0]["code"] if rows else ""


def wait_for_code(want: str, timeout: float = 30.0) -> None:
    """The editor's text as saved (within a second of the last key): the screen may be
    narrower than the code, so the database is read rather than the screen."""
    end = time.monotonic() + timeout
    while last_code() != want:
        assert time.monotonic() < end, f"saved code is {last_code()!r}, not {want!r}"
        time.sleep(0.2)


def test_bursts_in_the_code_editor(tmux):
    term = tmux(100, 30)
    term.start("practice", "moving-average")
    term.wait_for(r"Practice: Moving average of a stream")
    term.send("Enter")
    term.wait_for(r"Runs: 0")
    term.send("F7")  # select all of the starter code, then delete it
    time.sleep(0.5)
    term.send("BSpace")
    time.sleep(0.3)
    term.type("if x:")
    term.wait_for(r"1  if x:")
    # Enter indents the new line; Backspace in the same burst takes the indent back.
    burst(term, "Enter", "BSpace", *chars("w = 3"))
    wait_for_code("if x:\nw = 3")
    burst(term, "Enter", *chars("return order"))
    wait_for_code("if x:\nw = 3\nreturn order")
    burst(term, "Enter", *chars(SIXTY))
    wait_for_code(f"if x:\nw = 3\nreturn order\n{SIXTY}")
    # Arrows and Delete are bindings too: Home, Delete, text and End in one burst.
    burst(term, "Home", "Delete", *chars("T"), "End", *chars(" 1"))
    wait_for_code(f"if x:\nw = 3\nreturn order\nT{SIXTY[1:]} 1")


def test_tab_and_text_in_one_burst_in_the_star_form(tmux):
    term = tmux(100, 30)
    term.start("run", "--stages", "behavioural")
    term.wait_for(r"Stage 1 of 1")
    term.send("Enter")
    term.wait_for(r"Situation")
    time.sleep(0.5)
    burst(term, *chars("sit words"), "Tab", *chars("task words"), "Tab", *chars(SIXTY))
    term.wait_for(r"len\(self\.values\) #")  # the end of the burst (wrapped in the field)
    time.sleep(1.5)  # saved within a second
    term.send("C-q")  # leave: the fields are saved on the way out
    time.sleep(1.0)
    db = sqlite_utils.Database(os.environ["MOCKINT_DB"])
    [row] = [r for r in db["answers"].rows if r["position"] == 0]
    fields = json.loads(row["fields"])
    assert fields["situation"] == "sit words"
    assert fields["task"] == "task words"
    assert fields["action"] == SIXTY
