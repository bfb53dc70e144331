"""The typed wire: a message the wire does not know, of a wrong type or missing a field is
dropped with one logged line, and the connection and the room go on."""

from __future__ import annotations

import json
import logging

import pytest

from mockint.engine.clock import FakeClock
from mockint.pair import wire
from tests.pair.hubclient import live_room, started_hub

BAD = [
    ({"op": "feild", "id": "x", "text": "t"}, "'feild'"),  # a typo in the op
    ({"op": "feedback", "rating": "4"}, "Expected `int`, got `str` - at `$.rating`"),
    ({"op": "feedback", "rating": True}, "Expected `int`, got `bool` - at `$.rating`"),
    ({"op": "notes"}, "missing required field `text`"),
    ({"text": "no op at all"}, "(no op)"),
]


@pytest.mark.parametrize(("obj", "said"), BAD)
def test_the_decoder_refuses_with_one_line_saying_what_and_where(obj, said, caplog):
    caplog.set_level(logging.WARNING, "mockint.pair")
    line = json.dumps(obj).encode()
    assert wire.decode(line, wire.FromApp, "the candidate's app") is None
    [rec] = caplog.records
    assert said in rec.getMessage() and "from the candidate's app" in rec.getMessage()


def test_every_message_comes_back_as_itself():
    msgs = [
        wire.Field(id="answer:q", text="x\ny", cursor=(1, 0)),
        wire.RubricSave(scores={"technical": 3}, call="hire"),
        wire.ClockAction(action="plus5"),
        wire.Ask(question="q"),
    ]
    for m in msgs:
        assert wire.decode(wire.encode(m), wire.FromApp, "test") == m
    back = wire.Bye(reason="swap", relaunch=True)
    assert wire.decode(wire.encode(back), wire.ToApp, "test") == back


async def test_a_bad_message_is_a_logged_line_and_the_session_goes_on(tmp_path, caplog):
    caplog.set_level(logging.WARNING, "mockint.pair")
    hub, path = await started_hub(tmp_path / "h.db", FakeClock(), tmp_path / "sock")
    try:
        room, inter, cand = await live_room(hub, path, ["phone-screen"])
        for obj, _ in BAD:
            inter.send(obj)
        inter.writer.write(b"[1, 2]\n")  # JSON, but not an object
        inter.send({"op": "notes", "text": "still here"})
        inter.send({"op": "clock", "action": "start"})
        assert (await inter.until("clock"))["clock"]["state"] == "running"
        lines = [r.getMessage() for r in caplog.records if "pair wire" in r.getMessage()]
        assert len(lines) == len(BAD) + 1
        assert all("from the interviewer's app" in line for line in lines)
        assert room.notes["local"] == "still here"
        assert not any(r.exc_info for r in caplog.records)  # no traceback anywhere
        for c in (inter, cand):
            c.writer.close()
    finally:
        await hub.close()
