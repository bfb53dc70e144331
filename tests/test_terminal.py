"""mockint in a real terminal (tmux): the countdown, and surviving kill -9."""

import json
import os
import signal
import time

import pytest
import sqlite_utils

pytestmark = pytest.mark.tmux


@pytest.fixture
def term(tmux):
    return tmux(80, 24)


def seconds(m) -> int:
    return int(m.group(1)) * 60 + int(m.group(2))


def test_countdown_runs_on_the_real_screen(term):
    term.start("run", "--pace", "0.25", "--stages", "ml-deep-dive")
    term.wait_for(r"Stage 1 of 1")
    term.wait_for(r"ML deep dive")
    term.wait_for(r"Length: 22 min 30 s \(22:30\)")
    term.send("Enter")
    first = term.wait_for(r"(\d\d):(\d\d) left of 22:30")
    time.sleep(2.5)
    second = term.wait_for(r"(\d\d):(\d\d) left of 22:30")
    assert 1 <= seconds(first) - seconds(second) <= 5, (first.group(0), second.group(0))
    assert "Pause/resume" in term.screen()
    term.send("F2")
    paused = term.wait_for(r"(\d\d):(\d\d) left of 22:30  PAUSED")
    time.sleep(1.5)
    again = term.wait_for(r"(\d\d):(\d\d) left of 22:30  PAUSED")
    assert seconds(paused) == seconds(again)


def test_kill_9_then_resume_brings_back_stage_clock_and_notes(term, tmp_path):
    db_path = os.environ["MOCKINT_DB"]
    term.start("run", "--stages", "phone-screen,behavioural")
    term.wait_for(r"Stage 1 of 2")
    term.send("Enter")
    term.wait_for(r"left of 45:00")
    time.sleep(2.0)
    term.type("I led the ranking model rewrite")
    term.wait_for("I led the ranking model rewrite")
    time.sleep(2.0)  # the promise: notes are on disk within 2 seconds
    os.kill(term.pid(), signal.SIGKILL)
    killed_at = time.time()

    db = sqlite_utils.Database(db_path)
    [session] = list(db["sessions"].rows)
    assert session["status"] == "active"
    stage = db["stages"].get((session["id"], 0))
    assert stage["state"] == "running" and stage["elapsed_s"] >= 3
    [answer] = list(db["answers"].rows_where("session_id = ?", [session["id"]]))
    assert json.loads(answer["fields"]) == {"answer": "I led the ranking model rewrite"}
    elapsed_at_kill = stage["elapsed_s"]

    time.sleep(3)  # the app is dead for a while: this must not be charged
    term.start()
    term.wait_for(r"Resume: AI/ML engineer loop, stage 1 of 2 \(Phone screen\)")
    term.send("Enter")
    m = term.wait_for(r"(\d\d):(\d\d) left of 45:00  PAUSED")
    shown_elapsed = 45 * 60 - seconds(m)
    assert abs(shown_elapsed - elapsed_at_kill) <= 1.5
    assert "I led the ranking model rewrite" in term.screen()
    [rec] = list(db["events"].rows_where("kind = 'recovered'"))
    assert '"was": "running"' in rec["data"]
    dead = float(rec["data"].split('"dead_seconds": ')[1].split(",")[0])
    assert dead >= time.time() - killed_at - 2 - 1.5 and dead >= 3
    # The clock goes on from where it was once resumed.
    term.send("F2")
    time.sleep(1.5)
    m2 = term.wait_for(r"(\d\d):(\d\d) left of 45:00( +PAUSED)?")
    assert m2.group(3) is None and seconds(m2) < seconds(m)


def test_a_behavioural_answer_typed_in_the_terminal_is_in_the_report(term, cli):
    db_path = os.environ["MOCKINT_DB"]
    term.start("run", "--stages", "behavioural", "--pace", "0.5")
    term.wait_for(r"Stage 1 of 1")
    term.send("Enter")
    term.wait_for(r"Situation")
    term.type("Our churn model drifted after a pricing change.")
    term.send("Tab")
    term.type("I owned retraining it within two weeks.")
    term.send("Tab")
    term.type("I rebuilt the features, I set up a weekly backtest and I ran a shadow launch.")
    term.send("Tab")
    term.type("Precision rose from 0.61 to 0.74 and churn fell 3%.")
    # The live check follows the typing: wait for it to have taken the Result in.
    term.wait_for(r"✓ Result has a number")
    time.sleep(1.2)  # saved within a second
    term.send("C-j")
    term.wait_for(r"Key points made: \d+ of \d+")
    term.send("4")
    time.sleep(0.8)
    res = cli("report", "1", "--format", "md", "--db", db_path)
    assert res.returncode == 0, res.stderr
    assert (
        "I rebuilt the features, I set up a weekly backtest and I ran a shadow launch."
        in res.stdout
    )
    assert "Precision rose from 0.61 to 0.74" in res.stdout
    res = cli("report", "1", "--format", "json", "--db", db_path)
    report = json.loads(res.stdout)
    [stage] = report["stages"]
    first = stage["content"]["questions"][0]
    assert first["fields"]["action"].startswith("I rebuilt the features")
    assert first["star"]["checks"]["result_has_number"] is True
    assert first["ratings"] == {"rubric": 4}
