"""The hub decides what each role may send and receive (no SSH here: raw socket clients)."""

from __future__ import annotations

import json

from mockint.pair.codes import looks_like_code, new_code
from mockint.pair.hub import Hub
from mockint.pair.ratelimit import FailureLimiter
from mockint.pair.text import clean_message
from tests.pair.hubclient import Client


async def test_a_candidate_cannot_act_as_interviewer_and_never_gets_private_data(tmp_path):
    hub = Hub(tmp_path / "h.db")
    path = await hub.start(str(tmp_path / "sock"))
    try:
        t_int = hub.join("key:SHA256:abc")
        assert t_int is not None
        code = t_int.room.code
        t_cand = hub.join(f"code:{code}")
        assert t_cand is not None and t_cand.role == "candidate"
        assert hub.join("code:zzzz-zzzz") is None
        inter = await Client.connect(path, t_int.token)
        cand = await Client.connect(path, t_cand.token)
        state = await inter.until("state")
        assert state["phase"] == "lobby" and state["scenarios"]
        inter.send({"op": "setup", "scenario": "aiml-engineer", "stages": ["coding"]})
        while (await inter.until("state"))["phase"] != "live":
            pass
        while (cstate := await cand.until("state"))["phase"] != "live":
            pass
        assert "notes" not in cstate and "rubric" not in cstate and "dimensions" not in cstate
        assert "private" not in cstate["stage"]  # no hints, no key points
        # The candidate tries the interviewer's operations: nothing happens.
        cand.send({"op": "clock", "action": "start"})
        cand.send({"op": "push", "kind": "hint", "text": "I give myself a hint"})
        cand.send({"op": "notes", "text": "fake notes"})
        cand.send({"op": "setup", "scenario": "aiml-engineer"})
        got = await cand.drain(0.5)
        assert not [m for m in got if m.get("op") in ("clock", "push", "state")]
        room = t_int.room
        assert room.session is not None and room.session.run.state.value == "not_started"
        assert room.pushes == [] and room.notes == {}
        # The interviewer's private writes never reach the candidate; a field mirrors.
        inter.send({"op": "notes", "text": "SECRET-N"})
        inter.send({"op": "rubric", "scores": {"technical": 3}, "call": "hire"})
        field = room.plans[0]["fields"][0]["id"]
        cand.send({"op": "field", "id": field, "text": "def f(): pass", "cursor": [0, 3]})
        mirrored = await inter.until("field")
        assert mirrored["text"] == "def f(): pass" and mirrored["cursor"] == [0, 3]
        cand.send({"op": "field", "id": "not-a-field", "text": "x"})
        got = await cand.drain(0.5)
        assert "SECRET-N" not in json.dumps(got) and "hire" not in json.dumps(got)
        assert "not-a-field" not in room.fields
        # A second login for the candidate's role replaces the first, which is told.
        hub.join(f"code:{code}")
        bye = await cand.until("bye")
        assert "logged in again" in bye["reason"]
        for c in (inter, cand):
            c.writer.close()
    finally:
        await hub.close()


def test_codes_limits_and_cleaning():
    code = new_code()
    assert looks_like_code(code) and len(code) == 9
    assert not looks_like_code("alice") and not looks_like_code("abcd-efg1")
    now = [0.0]
    lim = FailureLimiter(limit=3, window=10, block=30, clock=lambda: now[0])
    for _ in range(2):
        lim.failed("1.2.3.4")
    assert lim.blocked_for("1.2.3.4") == 0
    lim.failed("1.2.3.4")
    assert lim.blocked_for("1.2.3.4") == 30 and lim.blocked_for("5.6.7.8") == 0
    now[0] = 31
    assert lim.blocked_for("1.2.3.4") == 0
    # Every string of a participant's message, at any depth, keys too: escapes shown, not
    # sent; tabs and newlines kept.
    raw = "ok\x1b[31mred\x1b]0;title\x07 \x00\ttab\r\n"
    shown = "ok\\x1b[31mred\\x1b]0;title\\x07 \\x00\ttab\n"
    msg = {"op": "field", "text": raw, "list": [raw, 3, {raw: raw}], "cursor": [1, 2]}
    assert clean_message(msg) == {
        "op": "field",
        "text": shown,
        "list": [shown, 3, {shown: shown}],
        "cursor": [1, 2],
    }


def test_server_and_app_processes_import_neither_numpy_nor_torch():
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from mockint.pair import launcher, server, hub, commands\n"
        "launcher._warm_up()\n"
        "from mockint.pair.views import scenarios\n"
        "scenarios()\n"
        "print(','.join(sorted(m for m in sys.modules if m.split('.')[0] in ('numpy', 'torch'))))\n"
    )
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        res = subprocess.run(
            [sys.executable, "-c", code, f"{tmp}/x.db"], capture_output=True, text=True, timeout=120
        )
    assert res.returncode == 0, res.stderr
    assert res.stdout.strip() == ""


def test_the_launcher_warms_the_scorer_so_interviewers_share_it():
    # Loaded once before the forks: each interviewer's app shares them instead of loading
    # them (a second of CPU, about 25 MB) on the candidate's first keys.
    import subprocess
    import sys

    code = (
        "from mockint.pair import launcher\n"
        "from mockint.scenario import bank_load\n"
        "from mockint.scoring import lemmas\n"
        "launcher._warm_up()\n"
        "kinds = {b.kind for _path, (_lex, b) in ((k[0], v) for k, v in bank_load._PARSED.items())}\n"
        "print(lemmas._simplemma is not None, sorted(kinds) == sorted(bank_load.BANK_KINDS))\n"
    )
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr
    assert res.stdout.split() == ["True", "True"]
