"""Raw hub clients for tests that drive the room hub without SSH: a JSON-lines client, a
live room with both roles joined, and a judge that grades at once."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

from mockint.engine.clock import FakeClock
from mockint.pair import wire
from mockint.pair.hub import Hub, Room


class Client:
    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader, self.writer, self.got = reader, writer, []

    @classmethod
    async def connect(cls, path: str, token: str) -> Client:
        r, w = await asyncio.open_unix_connection(path, limit=wire.MAX_LINE)
        c = cls(r, w)
        c.send({"op": "hello", "token": token})
        return c

    def send(self, obj: dict) -> None:
        self.writer.write(wire.encode(obj))

    async def drain(self, seconds: float = 0.3) -> list[dict]:
        end = asyncio.get_running_loop().time() + seconds
        while True:
            left = end - asyncio.get_running_loop().time()
            if left <= 0:
                return self.got
            try:
                line = await asyncio.wait_for(self.reader.readline(), left)
            except TimeoutError:
                return self.got
            if not line:
                return self.got
            self.got.append(json.loads(line))

    async def until(self, op: str, timeout: float = 10.0) -> dict:
        end = asyncio.get_running_loop().time() + timeout
        while True:
            for m in self.got:
                if m.get("op") == op:
                    self.got.remove(m)
                    return m
            line = await asyncio.wait_for(
                self.reader.readline(), end - asyncio.get_running_loop().time()
            )
            self.got.append(json.loads(line))


class FakeJudge:
    """Grades at once (accepted when the code returns something): what is tested with it is
    the hub's path to the screens and the store, not the judge."""

    def start(self) -> None:
        pass

    def shutdown(self) -> None:
        pass

    def submit(self, code: str, slug: str, *, hidden: bool, on_event: Any) -> None:
        verdict = "accepted" if "return" in code else "wrong_answer"
        result = {"verdict": verdict, "passed": 3 if verdict == "accepted" else 0, "total": 3}
        on_event({"event": "done", "result": result})


async def started_hub(db: Path, clock: FakeClock, sock: Path) -> tuple[Hub, str]:
    hub = Hub(db, clock=clock, judge_factory=FakeJudge)
    return hub, await hub.start(str(sock))


async def live_room(
    hub: Hub, path: str, stages: list[str], interviewer: str = "local"
) -> tuple[Room, Client, Client]:
    """Both roles joined and connected, the round set up with these stages and live."""
    t_int = hub.join(interviewer)
    assert t_int is not None
    t_cand = hub.join(f"code:{t_int.room.code}")
    assert t_cand is not None
    inter = await Client.connect(path, t_int.token)
    cand = await Client.connect(path, t_cand.token)
    await set_up(inter, stages)
    return t_int.room, inter, cand


async def set_up(inter: Client, stages: list[str]) -> None:
    """The interviewer opens a round of these stages; returns once it is live."""
    inter.send({"op": "setup", "scenario": "aiml-engineer", "stages": stages})
    while (await inter.until("state"))["phase"] != "live":
        pass


async def ask(inter: Client, cand: Client, field: str) -> None:
    """The interviewer asks the question of a talking stage's answer field `answer:<id>`:
    until then the hub takes nothing from the candidate for it."""
    inter.send({"op": "ask", "question": field.split(":", 1)[1]})
    await cand.until("asked")
