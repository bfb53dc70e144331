"""A room whose server stopped mid-round comes back as it was when its interviewer starts
a room again; an unfinished pair round is never offered to the solo app."""

from __future__ import annotations

import json

from mockint.engine.clock import FakeClock
from mockint.pair.hub import Hub
from mockint.review.home import figures
from mockint.store.sessions import Store
from tests.pair.hubclient import Client, live_room, set_up, started_hub


async def live_round(hub: Hub, path: str, clock: FakeClock, run: bool = False):
    """An interviewer ("local") and a candidate in a started coding round, with code typed,
    a hint pushed and private notes and a rubric written (and with `run`, the code run to
    its end); returns the room."""
    room, inter, cand = await live_room(hub, path, ["coding", "ml-deep-dive"])
    inter.send({"op": "clock", "action": "start"})
    await inter.until("clock")
    clock.advance(30)
    field = room.plans[0]["fields"][0]["id"]
    cand.send({"op": "field", "id": field, "text": "def f(xs):\n    return xs", "cursor": [1, 4]})
    await inter.until("field")
    inter.send({"op": "push", "kind": "hint", "text": "Mind the empty list."})
    await cand.until("push")
    inter.send({"op": "notes", "text": "Clear so far."})
    inter.send({"op": "rubric", "scores": {"technical": 3}, "call": None})
    await inter.until("rubric")
    if run:
        cand.send({"op": "run", "problem": field.removeprefix("code:")})
        while (await cand.until("run"))["result"]["state"] != "done":
            pass
    hub._flush(room)
    for c in (inter, cand):
        c.writer.close()
    return room, field


async def test_an_unfinished_round_comes_back_with_a_new_code(tmp_path):
    clock = FakeClock()
    db = tmp_path / "h.db"
    first, path = await started_hub(db, clock, tmp_path / "sock1")
    room, field = await live_round(first, path, clock, run=True)
    sid, old_code = room.session_id, room.code
    slug = field.removeprefix("code:")
    # The server dies: no clean close (its lease holder is this very process, so the lease
    # is given up here as a dead holder's would be taken over).
    room.recorder.lease.release()
    first.store.close()
    for task in list(first._tasks):
        task.cancel()
    first._server.close()

    clock.advance(600)  # ten minutes later, the interviewer starts a room again
    second, path = await started_hub(db, clock, tmp_path / "sock2")
    try:
        t_int = second.join("local")
        assert t_int is not None
        back = t_int.room
        assert back.session_id == sid and back.phase == "live" and back.code != old_code
        assert back.fields[field]["text"] == "def f(xs):\n    return xs"
        assert [p["text"] for p in back.pushes] == ["Mind the empty list."]
        assert back.notes["local"] == "Clear so far."
        assert back.rubric["local"]["scores"] == {"technical": 3}
        s = back.session
        assert s is not None and s.current == 0 and s.run.state.value == "paused"
        assert abs(s.elapsed() - 30.0) < 1e-6  # the ten minutes down are not counted
        inter = await Client.connect(path, t_int.token)
        state = await inter.until("state")
        assert state["phase"] == "live" and state["notes"] == "Clear so far."
        notice = await inter.until("notice")
        assert f"session {sid}" in notice["message"] and back.code in notice["message"]
        assert second.join(f"code:{old_code}") is None  # the old code died with the server
        t_cand = second.join(f"code:{back.code}")
        assert t_cand is not None
        cand = await Client.connect(path, t_cand.token)
        cstate = await cand.until("state")
        assert cstate["fields"][field]["text"] == "def f(xs):\n    return xs"
        # The last run's results, as both screens showed them before the restart.
        result = cstate["results"][slug]
        assert result["state"] == "done" and result["verdict"] == "accepted"
        assert result["headline"].startswith("✓") and result["stats"]["runs"] == 1
        assert state["results"][slug]["headline"] == result["headline"]
        assert "notes" not in cstate and "Clear so far." not in str(cstate)
        for c in (inter, cand):
            c.writer.close()
    finally:
        await second.close()
    # Never offered to the solo app: not on home, not to `mockint resume`.
    store = Store(db)
    try:
        assert [r.id for r in store.unfinished()] == []
        assert sid not in figures(store, clock.now()).unfinished
    finally:
        store.close()


async def test_an_old_unfinished_round_is_not_reopened(tmp_path):
    clock = FakeClock()
    db = tmp_path / "h.db"
    first, path = await started_hub(db, clock, tmp_path / "sock1")
    room, _field = await live_round(first, path, clock)
    sid = room.session_id
    await first.close()
    clock.advance(7 * 3600)
    second, _path = await started_hub(db, clock, tmp_path / "sock2")
    try:
        t = second.join("local")
        assert t is not None and t.room.session_id is None and t.room.phase == "lobby"
        assert second.join("key:SHA256:other").room.session_id != sid
    finally:
        await second.close()


def test_resume_refuses_a_pair_round(tmp_path, cli):
    import asyncio

    clock = FakeClock()
    db = tmp_path / "h.db"

    async def make() -> int:
        hub, path = await started_hub(db, clock, tmp_path / "sock")
        try:
            room, _ = await live_round(hub, path, clock)
            return room.session_id
        finally:
            await hub.close()

    sid = asyncio.run(make())
    res = cli("resume", str(sid), "--db", str(db))
    assert res.returncode == 1
    assert res.stderr.strip() == (
        f"mockint: session {sid} is a pair round and is not resumed alone"
        " (`mockint pair` reopens your recent unfinished round)"
    )
    res = cli("resume", "--db", str(db))
    assert res.returncode == 1 and "no unfinished session" in res.stderr


async def test_a_round_after_a_swap_of_roles_comes_back_for_both(tmp_path):
    from mockint.store import pair as records

    clock = FakeClock()
    db = tmp_path / "h.db"
    first, path = await started_hub(db, clock, tmp_path / "sock1")
    room, host, guest = await live_room(first, path, ["phone-screen"])
    code = room.code
    host.send({"op": "clock", "action": "next"})  # round 1 ends
    while (await guest.until("state"))["phase"] != "feedback":
        pass
    for c in (host, guest):
        c.send({"op": "swap", "agree": True})
    for c in (host, guest):
        assert (await c.until("bye"))["relaunch"]
        c.writer.close()
    # Round 2, roles reversed: the guest (who logged in with the code) interviews.
    t_host, t_guest = first.join("local"), first.join(f"code:{code}")
    assert t_host is not None and t_guest is not None
    assert (t_host.role, t_guest.role) == ("candidate", "interviewer")
    host = await Client.connect(path, t_host.token)
    guest = await Client.connect(path, t_guest.token)
    await set_up(guest, ["coding"])
    guest.send({"op": "clock", "action": "start"})
    await guest.until("clock")
    clock.advance(20)
    field = room.plans[0]["fields"][0]["id"]
    host.send({"op": "field", "id": field, "text": "def g(): return 1", "cursor": [0, 5]})
    await guest.until("field")
    guest.send({"op": "notes", "text": "The guest's own notes."})
    guest.send({"op": "rubric", "scores": {"technical": 2}, "call": "no_hire"})
    await guest.until("rubric")
    sid = room.session_id
    first._flush(room)
    for c in (host, guest):
        c.writer.close()
    room.recorder.lease.release()  # the server dies (see the test above)
    first.store.close()
    for task in list(first._tasks):
        task.cancel()
    first._server.close()

    clock.advance(600)
    second, path = await started_hub(db, clock, tmp_path / "sock2")
    try:
        t_host = second.join("local")  # the host starts the room again (`mockint pair`)
        assert t_host is not None and t_host.role == "candidate"
        back = t_host.room
        assert back.session_id == sid and back.round_no == 2 and back.phase == "live"
        assert back.code != code and second.join(f"code:{code}") is None
        host = await Client.connect(path, t_host.token)
        state = await host.until("state")
        assert state["fields"][field]["text"] == "def g(): return 1"
        assert "notes" not in state and "The guest's own notes." not in json.dumps(state)
        notice = (await host.until("notice"))["message"]
        assert f"session {sid}" in notice and "as the candidate" in notice
        assert f"interviewer joins with the new room code {back.code}" in notice
        t_guest = second.join(f"code:{back.code}")  # the guest, with the new code
        assert t_guest is not None and t_guest.role == "interviewer"
        guest = await Client.connect(path, t_guest.token)
        assert (await guest.until("welcome"))["renew"] is False  # the code is the host's
        gstate = await guest.until("state")
        assert gstate["notes"] == "The guest's own notes."
        assert gstate["rubric"]["scores"] == {"technical": 2}
        assert gstate["clock"]["state"] == "paused" and abs(gstate["clock"]["elapsed"] - 20) < 1e-6
        guest.send({"op": "renew_code"})
        assert "Only the room's host" in (await guest.until("error"))["message"]
        assert second.code_live(back.code)  # still the same code
        # Their notes go on under the identity the round was stored with.
        guest.send({"op": "notes", "text": "More after the restart."})
        await guest.drain(0.2)
        second._flush(back)
        rnd = records.get_round(second.store, sid)
        assert rnd is not None and rnd.candidate == "local"
        assert records.private(second.store, sid, rnd.interviewer)["notes"] == (
            "More after the restart."
        )
        for c in (host, guest):
            c.writer.close()
    finally:
        await second.close()
