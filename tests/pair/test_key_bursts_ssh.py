"""Bursts of keys over the real `ssh` client reach the pair candidate's fields in order:
Enter + Backspace + text after a colon and 60 characters at once in the code editor (the
STAR form's Tab + text burst is in test_room.py)."""

from __future__ import annotations

import re

import pytest

from tests.pair.sshterm import Panes, Server, open_room

pytestmark = [pytest.mark.tmux, pytest.mark.slow]

SIXTY = "total = sum(self.values[-self.window:]) / len(self.values) #"


def burst(panes: Panes, name: str, *keys: str) -> None:
    """Named keys and characters in one send-keys: one write, one packet on the wire."""
    panes._tmux("send-keys", "-t", name, *keys)


def chars(text: str) -> list[str]:
    return [c if c != ";" else "\\;" for c in text]


def test_bursts_reach_the_candidates_editor_in_order(server: Server, panes: Panes) -> None:
    code = open_room(server, panes, server.alice, stages=(1,))  # coding
    panes.open("cand", server.ssh_args(code), width=120, height=40)
    panes.wait_for("cand", r"Stage 1 of \d")
    panes.wait_for("int", r"Candidate · .* · line 1, col 1")
    # A new first line to work on, typed at a person's pace.
    panes.send("cand", "Enter")
    panes.send("cand", "Up")
    panes.type("cand", "if x:")
    panes.wait_for("cand", r"1\s+if x:")
    burst(panes, "cand", "Enter", "BSpace", *chars("w = 3"))
    burst(panes, "cand", "Enter", *chars("return order"))
    burst(panes, "cand", "Enter", *chars(SIXTY))
    # The gutter is the line number and two spaces: an indent left behind would show.
    want = [r"\b1  if x:", r"\b2  w = 3 ", r"\b3  return order ", r"\b4  " + re.escape(SIXTY)]
    for pattern in want:
        panes.wait_for("cand", pattern)
        panes.wait_for("int", pattern)  # the hub has the same text
