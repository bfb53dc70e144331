"""Pair screens without a server: a PairApp fed the hub's messages from a script, as the
launcher's rehearsal does. Plans come from the real content code (mockint.pair.content)
with fixed questions, so screens are deterministic."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import mockint.pair.app
from mockint.pair import wire
from mockint.pair.app import PairApp
from mockint.pair.content import stage_plan
from mockint.pair.views import candidate_plan
from mockint.scenario.catalog import find_scenario

QUESTIONS = {
    "system-design": ("realtime-recommendations",),
    "behavioural": ("disagreement-with-peer",),
}
CLOCK = {"finished": False, "stage": 0, "count": 1, "title": "", "state": "not_started",
         "planned": 3600.0, "elapsed": 0.0, "mono": 0.0}  # fmt: skip


def plan(stage_id: str, **extra: Any) -> dict[str, Any]:
    sc = find_scenario("aiml-engineer")
    stage = next(s for s in sc.stages if s.id == stage_id)
    extra.setdefault("questions", QUESTIONS.get(stage_id, stage.questions))
    stage = replace(stage, **extra)
    return stage_plan(stage, 0, 1)


def live_state(role: str, stage: dict[str, Any], fields: dict[str, Any] | None = None,
               focus: str = "", asked: list[str] | None = None) -> dict[str, Any]:  # fmt: skip
    """The hub's state message for a live stage, each role's view as the hub makes it (the
    candidate's copy of a talking stage holds only the questions `asked`)."""
    asked = asked or []
    return {
        "op": "state", "role": role, "round": 1, "phase": "live", "clock": CLOCK, "asked": asked,
        "stage": stage if role == "interviewer" else candidate_plan(stage, asked),
        "fields": fields or {}, "focus": focus, "pushes": [], "results": {},
        "feedback_mine": None, "feedback_theirs": None, "swap_votes": [], "notes": "",
        "rubric": {}, "dimensions": [], "scenarios": [],
    }  # fmt: skip


class Sent(PairApp):
    """A PairApp that keeps what it would send to the hub."""

    CSS_PATH = str(Path(mockint.pair.app.__file__).parent / "ui" / "pair.tcss")

    def __init__(self) -> None:
        super().__init__("", "")
        self.sent: list[dict[str, Any]] = []

    def send(self, msg: wire.Msg) -> None:
        self.sent.append(wire.to_builtins(msg))

    def _dispatch(self, msg: Any) -> None:
        """A script's dict goes through the wire's bytes and decoder, as the hub's would."""
        if isinstance(msg, dict):
            msg = wire.decode(json.dumps(msg).encode(), wire.ToApp, "the script")
            assert msg is not None, "the script sent what the wire refuses (logged)"
        super()._dispatch(msg)


def start(app: PairApp, role: str, stage: dict[str, Any], **kw: Any) -> None:
    app._dispatch({"op": "welcome", "role": role, "code": "abcd-efgh", "ssh": None})
    app._dispatch({"op": "presence", "interviewer": True, "candidate": True})
    app._dispatch(live_state(role, stage, **kw))
