"""One participant's text is untrusted for the other (no SSH here: the hub with raw socket
clients, and the screens fed scripted messages): the hub cleans every message it receives,
refuses a field too long instead of cutting it, and a screen evaluating the other side's
text shows a failure as a line and goes on."""

from __future__ import annotations

import asyncio
import json
import re

import pytest

import mockint.tui.screens.design
from mockint.engine.clock import FakeClock
from mockint.pair.hub import MAX_FIELD
from mockint.pair.ui.designing import InterviewerDesignScreen
from tests.pair.hubclient import ask, live_room, started_hub
from tests.pair.scripted import Sent, plan, start
from tests.pair.test_stage_screens import until

EVIL = "a\x1b]52;c;Y3VybCBldmlsLmV4YW1wbGUgfCBzaA==\x07b\x1b]0;T\x07\x1b[2J\x9b31m\u202e\x00\r"
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202e]")  # tab and newline are fine


def strings(obj: object) -> list[str]:
    """Every string in a message, keys too."""
    if isinstance(obj, str):
        return [obj]
    if isinstance(obj, dict):
        return [s for k, v in obj.items() for s in (*strings(k), *strings(v))]
    if isinstance(obj, list):
        return [s for v in obj for s in strings(v)]
    return []


async def test_nothing_either_side_sends_reaches_the_other_with_a_control_character(tmp_path):
    clock = FakeClock()
    hub, path = await started_hub(tmp_path / "h.db", clock, tmp_path / "sock")
    try:
        room, inter, cand = await live_room(hub, path, ["phone-screen"])
        field = room.plans[0]["fields"][0]["id"]
        await ask(inter, cand, field)
        cand.send({"op": "field", "id": field, "text": f"line 1\n\tx{EVIL}", "cursor": [1, 2]})
        got = await inter.until("field")
        assert got["text"].startswith("line 1\n\tx")  # newlines and tabs survive
        assert "\\x1b]52;c;" in got["text"] and "\\u202e" in got["text"]  # shown, not sent
        inter.send({"op": "push", "kind": "hint", "text": f"hint {EVIL}"})
        inter.send({"op": "notes", "text": f"notes {EVIL}"})
        await cand.until("push")
        inter.send({"op": "clock", "action": "next"})  # the round ends: feedback
        while (await cand.until("state"))["phase"] != "feedback":
            pass
        cand.send({"op": "feedback", "rating": 3, "text": f"fb {EVIL}"})
        inter.send({"op": "feedback", "rating": 4, "text": f"fb {EVIL}"})
        sent = await inter.drain(0.5) + await cand.drain(0.5)
        assert [s for m in sent for s in strings(m) if "fb " in s]  # both feedbacks came
        for m in sent:
            for s in strings(m):
                assert not UNSAFE.search(s), (m.get("op"), s)
        hub._flush(room)
        # Nor does the store (and so no report) hold one.
        rows = hub.store.conn.execute(
            "SELECT fields FROM pair_room_state UNION ALL SELECT body FROM pair_private"
            " UNION ALL SELECT body FROM pair_feedback UNION ALL SELECT data FROM events"
        ).fetchall()
        assert any("\\\\x1b]52" in r[0] for r in rows)
        for (text,) in rows:
            for s in strings(json.loads(text)):
                assert not UNSAFE.search(s), s
        for c in (inter, cand):
            c.writer.close()
    finally:
        await hub.close()


async def test_a_field_too_long_is_refused_whole_with_a_line(tmp_path):
    hub, path = await started_hub(tmp_path / "h.db", FakeClock(), tmp_path / "sock")
    try:
        room, inter, cand = await live_room(hub, path, ["phone-screen"])
        field = room.plans[0]["fields"][0]["id"]
        await ask(inter, cand, field)
        cand.send({"op": "field", "id": field, "text": "kept", "cursor": [0, 4]})
        await inter.until("field")
        cand.send({"op": "field", "id": field, "text": "y" * (MAX_FIELD + 1), "cursor": [0, 1]})
        error = await cand.until("error")
        assert f"{MAX_FIELD + 1:,} characters" in error["message"]
        assert room.fields[field]["text"] == "kept"  # not cut: the last whole text stays
        assert not [m for m in await inter.drain(0.3) if m.get("op") == "field"]
        for c in (inter, cand):
            c.writer.close()
    finally:
        await hub.close()


# -- the interviewer's screen ----------------------------------------------------------
LONG_SUM = "x = " + "+".join(["1"] * 1500)  # 3 KB: it ended the session on every reconnect


def pad_text(app: Sent) -> str:
    found = app.screen.query(".pad-results")  # none until the screen is composed
    return str(found.first().render()) if found else ""


async def test_a_hostile_scratchpad_is_an_error_line_on_the_interviewers_screen():
    app = Sent()
    st = plan("system-design")
    pad = st["fields"][-1]["id"]
    async with app.run_test(size=(120, 40)) as pilot:
        # A reconnect: the screen is built with the hostile text already in the field.
        start(app, "interviewer", st, fields={pad: {"text": LONG_SUM, "cursor": [0, 0]}}, focus=pad)
        await until(pilot, lambda: isinstance(app.screen, InterviewerDesignScreen))
        await until(pilot, lambda: "line too long" in pad_text(app))
        deeper = "qps = 2K\n" + "y = " + "-" * 280 + "1"
        app.receive({"op": "field", "id": pad, "text": deeper, "cursor": [1, 0]})
        await until(pilot, lambda: "too deeply nested" in pad_text(app))
        assert pad_text(app).startswith("qps = 2,000 (2K)")
        assert isinstance(app.screen, InterviewerDesignScreen) and app.is_running


async def test_a_failure_showing_the_other_sides_text_is_a_line_not_the_end(monkeypatch):
    app = Sent()
    st = plan("system-design")
    pad = st["fields"][-1]["id"]

    def broken(text: str) -> str:
        raise RuntimeError("a bug the bounds did not foresee")

    async with app.run_test(size=(120, 40)) as pilot:
        start(app, "interviewer", st, focus=pad)
        await until(pilot, lambda: isinstance(app.screen, InterviewerDesignScreen))
        monkeypatch.setattr(mockint.tui.screens.design, "pad_results", broken)
        app.receive({"op": "field", "id": pad, "text": "qps = 1", "cursor": [0, 0]})
        await until(pilot, lambda: "could not be shown here (RuntimeError)" in pad_text(app))
        # A failure anywhere in handling a message: one line, and the session goes on.
        monkeypatch.setattr(InterviewerDesignScreen, "on_focus", lambda self, fid: 1 / 0)
        app.receive({"op": "focus", "id": pad})
        await pilot.pause(0.1)
        assert any("ZeroDivisionError" in n.message for n in app._notifications)
        app.receive({"op": "presence", "interviewer": True, "candidate": False})
        await until(
            pilot, lambda: "not connected" in str(app.screen.query_one("#presence").render())
        )
        assert app.is_running


@pytest.mark.parametrize("size", [MAX_FIELD - 10, MAX_FIELD + 10])
async def test_a_paste_over_the_field_limit_is_refused_whole_with_a_line(size):
    from textual import events

    app = Sent()
    st = plan("phone-screen")
    async with app.run_test(size=(120, 40)) as pilot:
        start(app, "candidate", st)
        await until(pilot, lambda: type(app.screen).__name__ == "CandidateScreen")
        await pilot.pause(0.2)
        area = app.focused
        assert area is not None
        app.post_message(events.Paste("p" * size))
        await pilot.pause(0.3)
        if size <= MAX_FIELD:
            await until(pilot, lambda: len(area.text) == size)
        else:
            await until(
                pilot, lambda: any("Paste refused" in n.message for n in app._notifications)
            )
            assert area.text == ""  # nothing of it, rather than a part
            await pilot.press("o", "k")
            await until(pilot, lambda: area.text == "ok")  # keys after it still land


# -- room codes ------------------------------------------------------------------------
async def test_an_expired_code_is_replaced_and_the_host_can_renew_it_at_any_time(tmp_path):
    from mockint.pair.hub import Hub
    from tests.pair.hubclient import Client, FakeJudge

    clock = FakeClock()
    hub = Hub(tmp_path / "h.db", clock=clock, judge_factory=FakeJudge, code_ttl=60)
    path = await hub.start(str(tmp_path / "sock"))
    try:
        t = hub.join("local")
        assert t is not None
        room, old = t.room, t.room.code
        inter = await Client.connect(path, t.token)
        welcome = await inter.until("welcome")
        assert welcome["code"] == old and welcome["renew"] is True
        clock.advance(61)  # nobody used it: the hub's ticker replaces it within a second
        got = await inter.until("code")
        assert got["code"] == room.code != old and room.code in got["ssh"]
        assert f"The room code {old} expired unused after 1 minute." in got["message"]
        assert hub.join(f"code:{old}") is None
        # The interviewer asks for a new one (Ctrl+O): the previous stops working at once.
        second = room.code
        inter.send({"op": "renew_code"})
        got = await inter.until("code")
        assert got["code"] == room.code != second and "no longer works" in got["message"]
        assert hub.join(f"code:{second}") is None
        cand = hub.join(f"code:{room.code}")
        assert cand is not None and cand.role == "candidate"
        # Away from the screen when it expires: told on coming back, with the new code.
        inter.writer.close()
        await inter.drain(0.2)
        room.code_used = False
        hub.leave(cand)
        clock.advance(61)
        await asyncio.sleep(1.5)
        t = hub.join("local")
        assert t is not None
        inter = await Client.connect(path, t.token)
        assert (await inter.until("welcome"))["code"] == room.code
        assert room.code in (await inter.until("notice"))["message"]
        inter.writer.close()
    finally:
        await hub.close()
