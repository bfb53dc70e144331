"""What the interviewer's terminal shows of the candidate's work, with the real `ssh` client
on both sides: the cursor's place in the editor, the design outline and live scratchpad."""

from __future__ import annotations

import pytest

from tests.pair.sshterm import Panes, Server, open_room

pytestmark = [pytest.mark.tmux, pytest.mark.slow]


def join(server: Server, panes: Panes, code: str, name: str = "cand") -> None:
    panes.open(name, server.ssh_args(code), width=120, height=40)
    panes.wait_for(name, r"Stage 1 of \d")


def test_the_candidates_cursor_is_shown_on_the_interviewers_screen(server, panes):
    code = open_room(server, panes, server.alice, stages=(1,))  # coding
    join(server, panes, code)
    panes.wait_for("int", r"Candidate · .* · line 1, col 1")
    panes.send("cand", "Down")
    panes.send("cand", "Down")
    panes.send("cand", "End")
    panes.type("cand", "zz")
    col = int(panes.wait_for("int", r"Candidate · .* · line 3, col (\d+)").group(1))
    assert col >= 3  # after the two letters typed at the end of line 3
    assert "zz" in panes.screen("int")
    panes.send("cand", "Left")
    panes.send("cand", "Left")
    panes.wait_for("int", rf"Candidate · .* · line 3, col {col - 2}\b")
    panes.send("cand", "Up")
    panes.wait_for("int", r"Candidate · .* · line 2, col \d+")


def test_the_design_outline_and_scratchpad_are_live_on_both_screens(server, panes):
    code = open_room(server, panes, server.alice, stages=(3,))  # system design
    join(server, panes, code)
    # The solo outline: each phase with its time against its planned minutes; the
    # interviewer's with the words written in each.
    panes.wait_for("cand", r"▶ Requirements .*\n +\d\d:\d\d of 05:00-10:00")
    panes.type("cand", "DAU 50M, fresh recs")
    panes.wait_for("int", r"▶ Requirements · 4w")
    panes.send("cand", "Tab")
    panes.wait_for("cand", r"▶ Capacity estimation")
    panes.wait_for("int", r"▶ Capacity estimation")
    panes.send("cand", "F5")
    panes.type("cand", "qps = 50M * 20 / day")
    panes.wait_for("cand", r"qps = 11,574 /s")
    panes.wait_for("int", r"qps = 11,574 /s")
    panes.wait_for("int", r"▶ Scratchpad \(F5\)")
    # Back to the first phase: its notes are there, on both screens.
    panes.send("cand", "F3")
    panes.send("cand", "F3")
    panes.send("cand", "F3")
    panes.send("cand", "F3")
    panes.send("cand", "F3")
    panes.wait_for("cand", r"▶ Requirements")
    panes.wait_for("int", r"DAU 50M, fresh recs")
