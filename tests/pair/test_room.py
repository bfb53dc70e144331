"""A live room with the real `ssh` client on both sides: mirror, clock, pushes, isolation."""

from __future__ import annotations

import re
import time

import pytest

from tests.pair.sshterm import Panes, Server, ask_next, open_room

pytestmark = [pytest.mark.tmux, pytest.mark.slow]


def join(server: Server, panes: Panes, code: str, name: str = "cand") -> None:
    panes.open(name, server.ssh_args(code), width=120, height=40)
    panes.wait_for(name, r"Stage 1 of \d")


def line_after(screen: str, label: str) -> str:
    """The text inside the field drawn right under `label` (its first line)."""
    lines = screen.splitlines()
    for i, line in enumerate(lines):
        if label in line:
            return lines[i + 2] if i + 2 < len(lines) else ""
    raise AssertionError(f"{label!r} not on screen:\n{screen}")


def test_candidate_types_and_interviewer_sees_it(server, panes):
    code = open_room(server, panes, server.alice, stages=(0,))
    join(server, panes, code)
    panes.wait_for("int", r"Candidate connected")
    ask_next(panes, 1)  # a talking stage: the interviewer asks a question first
    panes.type("cand", "I built ranking models")
    panes.wait_for("int", r"I built ranking models")
    # Read-only for the interviewer: their keys go to their private notes, never to the field.
    panes.type("int", "zebra")
    time.sleep(0.5)
    assert "zebra" not in panes.screen("cand")
    assert "zebra" not in line_after(panes.screen("int"), "Candidate · Answer 1")


def test_a_burst_of_keys_lands_in_the_right_fields(server, panes):
    code = open_room(server, panes, server.alice, stages=(4,))  # behavioural: STAR fields
    join(server, panes, code)
    panes.wait_for("cand", r"Situation\s+Where and when")  # the solo STAR form
    # Text, Tab, text, Tab, text in a single write: one packet on the wire.
    panes.type("cand", "sit words\ttask words\tact words", burst=True)
    panes.wait_for("int", r"act words")
    screen = panes.screen("int")
    assert "sit words" in line_after(screen, "Candidate · Q1 Situation")
    assert "task words" in line_after(screen, "Candidate · Q1 Task")
    assert "act words" in line_after(screen, "Candidate · Q1 Action")


def clock_of(screen: str) -> str:
    m = re.search(r"(\d\d:\d\d) left of \d\d:\d\d\s+(\w[\w ]*)", screen)
    assert m, screen
    return f"{m.group(1)} {m.group(2).strip()}"


def test_the_interviewer_pauses_and_the_candidate_clock_stops(server, panes):
    code = open_room(server, panes, server.alice, stages=(0,))
    join(server, panes, code)
    panes.wait_for("cand", r"NOT STARTED")
    # The candidate cannot start or pause the clock.
    panes.send("cand", "F2")
    time.sleep(0.5)
    assert "NOT STARTED" in panes.screen("cand")
    panes.send("int", "F2")  # start
    panes.wait_for("cand", r"44:\d\d left of 45:00\s+running")
    time.sleep(1.2)
    panes.send("int", "F2")  # pause
    panes.wait_for("cand", r"PAUSED")
    first = clock_of(panes.screen("cand"))
    time.sleep(2.5)
    assert clock_of(panes.screen("cand")) == first
    # +5 minutes reaches the candidate too.
    panes.send("int", "F6")
    panes.wait_for("cand", r"left of 50:00")


def test_a_pushed_hint_reaches_the_candidate(server, panes):
    from mockint.grading.problems import load_problem

    code = open_room(server, panes, server.alice, stages=(1,))  # coding
    join(server, panes, code)
    # F3 before the interviewer's screen has the candidate was lost (2 runs in 7 failed).
    panes.wait_for("int", r"Candidate connected")
    panes.send("int", "F3")
    m = panes.wait_for("cand", r"Hint at \d\d:\d\d: (\S+ \S+)")
    # The candidate sees the problem's own first hint (its first words).
    words = m.group(1)
    from mockint.grading.problems import list_problems

    firsts = [load_problem(p.slug).hints[0] for p in list_problems() if p.hints]
    assert any(h.startswith(words) for h in firsts), words
    panes.wait_for("int", r"Sent: Hint at")
    # A typed follow-up too.
    panes.send("int", "F4")
    panes.type("int", "What is the complexity?")
    panes.send("int", "Enter")
    panes.wait_for("cand", r"What is the complexity\?")


def test_two_rooms_are_isolated(server, panes):
    bob = server.add_interviewer("bob")
    code_a = open_room(server, panes, server.alice, name="int-a", stages=(0,))
    code_b = open_room(server, panes, bob, name="int-b", stages=(0,))
    assert code_a != code_b
    join(server, panes, code_a, "cand-a")
    join(server, panes, code_b, "cand-b")
    ask_next(panes, 1, "int-a", "cand-a")
    ask_next(panes, 1, "int-b", "cand-b")
    panes.type("cand-a", "alpha secret words")
    panes.type("cand-b", "bravo other words")
    panes.wait_for("int-a", r"alpha secret words")
    panes.wait_for("int-b", r"bravo other words")
    time.sleep(0.5)
    assert "alpha" not in panes.screen("int-b") + panes.screen("cand-b")
    assert "bravo" not in panes.screen("int-a") + panes.screen("cand-a")
    # A clock action in one room does not touch the other.
    panes.send("int-a", "F2")
    panes.wait_for("cand-a", r"running")
    time.sleep(0.5)
    assert "NOT STARTED" in panes.screen("cand-b")


def test_keys_typed_before_the_screen_is_up_are_kept_for_it(server, panes):
    code = open_room(server, panes, server.alice, stages=(0,))
    ask_next(panes, 1, cand=None)  # asked before the candidate is in: their field is there
    panes.open("cand", server.ssh_args(code), width=120, height=40)
    # At once, while ssh is still connecting and the app starting: held, then delivered.
    panes.type("cand", "early words", burst=True)
    panes.wait_for("int", r"early words")
    assert "early words" in line_after(panes.screen("int"), "Candidate · Answer 1")
