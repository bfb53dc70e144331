"""A whole pair round over real SSH: private notes and rubric never reach the candidate's
terminal, reconnect and replaced logins, feedback, swap of roles, what is stored, grading."""

from __future__ import annotations

import os
import signal
import sqlite3
import time

import pytest

from tests.conftest import run_cli
from tests.pair.sshterm import Panes, Server, ask_next, open_room

pytestmark = [pytest.mark.tmux, pytest.mark.slow]


def join(server: Server, panes: Panes, code: str, name: str = "cand") -> None:
    panes.open(name, server.ssh_args(code), width=120, height=40)
    panes.wait_for(name, r"Stage 1 of \d")


def db() -> sqlite3.Connection:
    conn = sqlite3.connect(os.environ["MOCKINT_DB"])
    conn.row_factory = sqlite3.Row
    return conn


def test_private_notes_and_rubric_never_reach_the_candidate(server, panes, tmp_path):
    code = open_room(server, panes, server.alice, stages=(0,))
    capture = tmp_path / "candidate-bytes.log"
    join(server, panes, code)
    panes.pipe("cand", capture)
    ask_next(panes, 1)
    panes.type("cand", "visible answer")
    panes.wait_for("int", r"visible answer")
    # The interviewer's notes area has the focus on their screen.
    panes.type("int", "NOTEQ7X weak on recall")
    panes.wait_for("int", r"NOTEQ7X weak on recall")
    panes.send("int", "F7")
    panes.wait_for("int", r"Rubric \(private\)")
    time.sleep(0.3)  # the dialog's first field takes the focus as it mounts
    panes.type("int", "3")
    panes.send("int", "Tab")
    panes.type("int", "2")
    panes.send("int", "Tab")
    panes.type("int", "4")
    panes.send("int", "Enter")
    # Wrapped in the panel beside the candidate's screen: the other column between lines.
    panes.wait_for("int", r"Rubric: technical 3, problem_solving[\s\S]{0,200}?2, communication 4")
    # A push is the one thing typed by the interviewer that the candidate should get.
    panes.send("int", "F4")
    panes.type("int", "HINTZ9 think about thresholds")
    panes.send("int", "Enter")
    panes.wait_for("cand", r"HINTZ9 think about thresholds")
    time.sleep(1.5)  # the notes are saved within a second
    data = capture.read_bytes()
    assert b"HINTZ9" in data  # the capture does see what the candidate's terminal receives
    assert b"visible answer" in data
    for secret in (b"NOTEQ7X", b"weak on recall", b"Rubric", b"problem_solving", b"Private"):
        assert secret not in data, secret
    # Stored for the interviewer only.
    sid = db().execute("SELECT id FROM sessions WHERE mode = 'pair'").fetchone()["id"]
    bodies = [r["body"] for r in db().execute("SELECT body FROM pair_private")]
    assert any("NOTEQ7X" in b for b in bodies) and any('"technical": 3' in b for b in bodies)
    cand = run_cli("pair-report", str(sid), "--as", "candidate")
    assert cand.returncode == 0, cand.stderr
    assert "HINTZ9" in cand.stdout and "NOTEQ7X" not in cand.stdout
    assert "Rubric" not in cand.stdout
    mine = run_cli("pair-report", str(sid), "--as", "interviewer")
    assert "NOTEQ7X weak on recall" in mine.stdout and "Technical ability: 3/4" in mine.stdout
    plain = run_cli("report", str(sid))
    assert plain.returncode == 0 and "NOTEQ7X" not in plain.stdout


def test_reconnect_finds_the_room_and_a_second_login_replaces_the_first(server, panes):
    code = open_room(server, panes, server.alice, stages=(0,))
    join(server, panes, code)
    ask_next(panes, 1)
    panes.type("cand", "kept answer")
    panes.wait_for("int", r"kept answer")
    panes.send("int", "F2")
    panes.wait_for("cand", r"running")
    os.kill(panes.pane_pid("cand"), signal.SIGKILL)  # the candidate's ssh dies
    panes.wait_for("int", r"Candidate not connected")
    join(server, panes, code, "cand2")
    screen = panes.wait_for("cand2", r"kept answer").string
    assert "running" in screen
    panes.wait_for("int", r"Candidate connected")
    panes.type("cand2", " and more")
    panes.wait_for("int", r"kept answer and more")
    # The same code again from another terminal: it takes over, the first one is told.
    join(server, panes, code, "cand3")
    panes.wait_for("cand2", r"logged in again from another terminal")
    end = time.monotonic() + 20
    while not panes.dead("cand2") and time.monotonic() < end:
        time.sleep(0.2)
    assert panes.dead("cand2")
    panes.type("cand3", "!")
    panes.wait_for("int", r"kept answer and more!")


def test_feedback_is_revealed_after_both_and_roles_swap(server, panes):
    code = open_room(server, panes, server.alice, stages=(0,))
    join(server, panes, code)
    ask_next(panes, 1)
    panes.type("cand", "my answer")
    panes.wait_for("int", r"my answer")
    panes.send("int", "F2")
    panes.wait_for("cand", r"running")
    panes.send("int", "C-n")
    panes.wait_for("int", r"End this stage")
    panes.send("int", "y")
    panes.wait_for("cand", r"Your feedback on the interviewer")
    panes.wait_for("int", r"Your feedback on the candidate")
    panes.type("cand", "3")
    panes.send("cand", "Tab")
    panes.type("cand", "clear questions")
    panes.send("cand", "Enter")
    panes.wait_for("cand", r"Sent: 3/4 clear questions")
    time.sleep(0.5)
    assert "clear questions" not in panes.screen("int")
    panes.type("int", "4")
    panes.send("int", "Tab")
    panes.type("int", "good structure")
    panes.send("int", "Enter")
    panes.wait_for("cand", r"Their feedback: 4/4 good structure")
    panes.wait_for("int", r"Their feedback: 3/4 clear questions")
    # Swap: both agree, each terminal gets a fresh app in its new role.
    panes.send("cand", "F9")
    panes.wait_for("int", r"Swap roles: candidate agreed")
    panes.send("int", "F9")
    panes.wait_for("cand", r"Room code: " + code)
    panes.wait_for("int", r"Waiting for the interviewer")
    # What was stored: a pair session with both participants, answers, clock, feedback.
    conn = db()
    s = conn.execute("SELECT * FROM sessions WHERE mode = 'pair'").fetchone()
    assert s["status"] == "finished"
    rnd = conn.execute("SELECT * FROM pair_rounds WHERE session_id = ?", (s["id"],)).fetchone()
    assert rnd["interviewer"].startswith("key:SHA256:")
    assert rnd["candidate"] == f"code:{code}"
    kinds = [
        r["kind"] for r in conn.execute("SELECT kind FROM events WHERE session_id = ?", (s["id"],))
    ]
    assert "stage_started" in kinds and "stage_finished" in kinds
    fields = conn.execute("SELECT fields FROM answers WHERE session_id = ?", (s["id"],)).fetchall()
    assert any("my answer" in r["fields"] for r in fields)
    assert conn.execute("SELECT count(*) FROM pair_feedback").fetchone()[0] == 2


def test_the_candidates_submission_is_graded_on_both_screens(server, panes):
    code = open_room(server, panes, server.alice, stages=(1,))  # coding
    join(server, panes, code)
    panes.send("int", "F2")
    panes.wait_for("cand", r"running")
    # F6 as in solo: the stated complexity in the candidate's boxes (the hub's record of it
    # and the interviewer's view are tested in test_coding_screens).
    panes.send("cand", "F6")
    panes.type("cand", "O(n log n)")
    panes.send("cand", "Enter")
    panes.type("cand", "O(n)")
    panes.send("cand", "Enter")
    panes.wait_for("cand", r"O\(n log n\)")
    panes.send("cand", "C-s")  # the starter code: it raises NotImplementedError
    # The solo coding screen's verdict line, on both screens, and the per-test detail.
    pattern = r"(Runtime error|Wrong answer): 0 of \d+ tests passed"
    panes.wait_for("cand", pattern, timeout=120)
    panes.wait_for("int", pattern, timeout=20)
    panes.wait_for("cand", r"│ [\w-]+: ! (Runtime error|Wrong answer)")  # the first test's detail
    row = db().execute("SELECT kind, verdict FROM grading_runs").fetchone()
    assert row["kind"] == "submit" and row["verdict"] in ("runtime_error", "wrong_answer")
