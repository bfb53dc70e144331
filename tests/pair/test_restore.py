"""A room whose server stopped mid-round comes back as it was when its interviewer starts
a room again; an unfinished pair round is never offered to the solo app."""

from __future__ import annotations

import time

import pytest

from mockint.engine.clock import FakeClock
from mockint.pair.hub import Hub
from mockint.review.home import figures
from mockint.store.sessions import Store
from tests.pair.sshterm import open_room
from tests.pair.test_hub_rules import Client


async def live_round(hub: Hub, path: str, clock: FakeClock):
    """An interviewer ("local") and a candidate in a started coding round, with code typed,
    a hint pushed and private notes and a rubric written; returns the room."""
    t_int = hub.join("local")
    assert t_int is not None
    t_cand = hub.join(f"code:{t_int.room.code}")
    assert t_cand is not None
    inter = await Client.connect(path, t_int.token)
    cand = await Client.connect(path, t_cand.token)
    inter.send({"op": "setup", "scenario": "aiml-engineer", "stages": ["coding", "ml-deep-dive"]})
    while (await inter.until("state"))["phase"] != "live":
        pass
    room = t_int.room
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
    hub._flush(room)
    for c in (inter, cand):
        c.writer.close()
    return room, field


async def test_an_unfinished_round_comes_back_with_a_new_code(tmp_path):
    clock = FakeClock()
    db = tmp_path / "h.db"
    first = Hub(db, clock=clock, judge_factory=lambda: _NoJudge())
    path = await first.start(str(tmp_path / "sock1"))
    room, field = await live_round(first, path, clock)
    sid, old_code = room.session_id, room.code
    # The server dies: no clean close (its lease holder is this very process, so the lease
    # is given up here as a dead holder's would be taken over).
    room.recorder.lease.release()
    first.store.close()
    for task in list(first._tasks):
        task.cancel()
    first._server.close()

    clock.advance(600)  # ten minutes later, the interviewer starts a room again
    second = Hub(db, clock=clock, judge_factory=lambda: _NoJudge())
    path = await second.start(str(tmp_path / "sock2"))
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
    first = Hub(db, clock=clock, judge_factory=lambda: _NoJudge())
    path = await first.start(str(tmp_path / "sock1"))
    room, _field = await live_round(first, path, clock)
    sid = room.session_id
    await first.close()
    clock.advance(7 * 3600)
    second = Hub(db, clock=clock, judge_factory=lambda: _NoJudge())
    await second.start(str(tmp_path / "sock2"))
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
        hub = Hub(db, clock=clock, judge_factory=lambda: _NoJudge())
        path = await hub.start(str(tmp_path / "sock"))
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


class _NoJudge:
    def start(self) -> None:
        pass

    def shutdown(self) -> None:
        pass


@pytest.mark.tmux
@pytest.mark.slow
def test_a_round_survives_its_server_being_killed(server, panes):
    """Over real SSH: the server dies with SIGKILL mid-round; started again, the
    interviewer logs in to the same round with a new code, and the candidate's text is
    back on both screens."""
    code = open_room(server, panes, server.alice, stages=(0,))
    panes.open("cand", server.ssh_args(code), width=120, height=40)
    panes.wait_for("cand", r"Stage 1 of \d")
    panes.type("cand", "said before the crash")
    panes.wait_for("int", r"said before the crash")
    time.sleep(1.5)  # the hub saves the room within a second
    server.proc.kill()
    server.proc.wait()
    end = time.monotonic() + 30
    while not panes.dead("int") and time.monotonic() < end:  # its ssh ends with the server
        time.sleep(0.2)
    assert panes.dead("int")
    server.start()
    panes.open("int2", server.ssh_args("interviewer", server.alice))
    new = panes.wait_for("int2", r"Room ([a-z2-9]{4}-[a-z2-9]{4}) · Stage 1 of").group(1)
    assert new != code
    panes.wait_for("int2", r"said before the crash")
    panes.wait_for("int2", r"unfinished round")
    panes.open("cand2", server.ssh_args(new), width=120, height=40)
    panes.wait_for("cand2", r"said before the crash")
    panes.type("cand2", " and after")
    panes.wait_for("int2", r"said before the crash and after")
