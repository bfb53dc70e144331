"""Taking a round home over real ssh: the export line on the candidate's screen prints the
candidate's view of the round, `mockint import` adds it to a fresh database, and history,
report and replay work on it; the file holds none of the interviewer's private notes."""

from __future__ import annotations

import json
import os
import re
import sys

from tests.conftest import run_cli
from tests.pair.sshterm import Panes, Server, ask_next, open_room

LINE = r"ssh -p (\d+) (rt-[a-z2-9]{20})@127\.0\.0\.1 export > round\.json"


def test_the_candidate_takes_the_round_home_without_the_interviewers_notes(
    server: Server, panes: Panes, tmp_path
):
    code = open_room(server, panes, server.alice, stages=(0, 1))  # phone screen, coding
    panes.open("cand", server.ssh_args(code), width=120, height=40)
    panes.wait_for("cand", r"Stage 1 of 2")
    ask_next(panes, 1)
    panes.type("cand", "TAKEHOME answer words")
    panes.wait_for("int", "TAKEHOME answer words")
    panes.type("int", "NOTESECRET7 weak on recall")  # the interviewer's private notes
    panes.wait_for("int", "NOTESECRET7 weak on recall")
    panes.send("int", "F7")
    panes.wait_for("int", r"Rubric \(private\)")
    panes.type("int", "3")
    panes.send("int", "Enter")
    panes.wait_for("int", r"Rubric: technical 3")
    panes.send("int", "C-n")
    panes.wait_for("int", r"End this stage")
    panes.send("int", "y")
    panes.wait_for("cand", r"Stage 2 of 2")
    panes.send("int", "F2")  # the clock runs: the replay has a timeline
    panes.wait_for("cand", r"running")
    panes.send("cand", "C-End")
    panes.type("cand", "\n# REPLAYME")
    panes.wait_for("int", "REPLAYME")
    panes.send("int", "C-n")
    panes.wait_for("int", r"End this stage")
    panes.send("int", "y")
    cand_line = panes.wait_for("cand", LINE)
    int_line = panes.wait_for("int", LINE)
    assert int(cand_line.group(1)) == server.port
    token = cand_line.group(2)
    assert token != int_line.group(2) and code not in token

    # The name is good for `export` alone.
    assert server.run_ssh(token, None, "-tt").returncode != 0
    assert server.run_ssh(token, None, command="ls").returncode != 0
    res = server.run_ssh(token, None, command="export")
    assert res.returncode == 0, res.stderr
    again = server.run_ssh(token, None, command="export")  # one use
    assert again.returncode != 0 and "used or expired" in again.stderr
    doc = json.loads(res.stdout)
    assert doc["format"] == "mockint-export" and len(doc["sessions"]) == 1
    text = res.stdout
    assert "TAKEHOME answer words" in text and "REPLAYME" in text
    for secret in ("NOTESECRET7", "weak on recall", '\\"technical\\": 3', "hire"):
        assert secret not in text, secret
    pair = doc["sessions"][0]["pair"]
    assert pair["private"] == [] and pair["note_history"] == []
    # The interviewer's own copy has their notes and rubric, as theirs ("local").
    mine = server.run_ssh(int_line.group(2), None, command="export")
    assert mine.returncode == 0 and "NOTESECRET7" in mine.stdout
    assert json.loads(mine.stdout)["sessions"][0]["pair"]["interviewer"] == "local"

    # Into the candidate's own, fresh database.
    saved = tmp_path / "round.json"
    saved.write_text(text)
    env = os.environ | {"MOCKINT_DB": str(tmp_path / "home.db")}
    for added in (1, 0):  # importing twice adds nothing
        imp = run_cli("import", str(saved), env=env)
        assert imp.returncode == 0, imp.stderr
        assert f"{added} sessions added" in imp.stdout, imp.stdout
    hist = run_cli("history", "--json", env=env)
    [row] = json.loads(hist.stdout)
    assert row["mode"] == "pair"
    report = run_cli("report", str(row["id"]), env=env)
    assert report.returncode == 0 and "TAKEHOME answer words" in report.stdout
    assert "NOTESECRET7" not in report.stdout
    argv = ["env", f"MOCKINT_DB={tmp_path / 'home.db'}", sys.executable, "-m", "mockint"]
    panes.open("replay", [*argv, "replay", str(row["id"])], width=120, height=40)
    panes.wait_for("replay", r"Replay · session")
    panes.send("replay", "S-Right")  # to the end of the round
    panes.wait_for("replay", "REPLAYME")
    assert not re.search("NOTESECRET7", panes.screen("replay"))
