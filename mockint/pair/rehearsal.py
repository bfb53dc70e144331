"""A headless dress rehearsal of every pair screen, run once in the warm launcher before it
forks any app process: Textual's parsed CSS and widget caches are then inherited, warm, by
every session (a first frame about a third faster under load)."""

from __future__ import annotations

import asyncio
from typing import Any

_STAGE: dict[str, Any] = {
    "index": 0,
    "count": 2,
    "id": "coding",
    "kind": "coding",
    "title": "Coding",
    "expect": "",
    "problems": [{"slug": "p", "title": "P", "difficulty": "easy", "statement": "# P\n\ntext"}],
    "questions": [{"id": "q", "prompt": "Q?", "minutes": 5}],
    "fields": [
        {"id": "code:p", "label": "P", "kind": "code", "initial": "def f():\n    pass\n"},
        {"id": "answer:q", "label": "Answer 1", "kind": "text", "initial": ""},
    ],
    "private": {"hints": {"p": ["h"]}, "questions": {}, "criteria": []},
}
_DESIGN: dict[str, Any] = _STAGE | {
    "index": 1, "id": "design", "kind": "system_design", "problems": [],
    "phases": [{"id": "req", "title": "Req", "min_minutes": 5, "max_minutes": 10}],
    "fields": [
        {"id": "design:q:req", "label": "Req", "kind": "phase", "question": "q", "phase": "req",
         "initial": ""},
        {"id": "design:q:scratchpad", "label": "Pad", "kind": "scratchpad", "question": "q",
         "initial": "x = 2KB * 3"},
    ],
}  # fmt: skip
_STAR: dict[str, Any] = _STAGE | {
    "index": 2, "id": "star", "kind": "behavioural", "problems": [],
    "fields": [{"id": f"star:q:{p}", "label": p, "kind": "star", "question": "q", "part": p,
                "initial": ""} for p in ("situation", "action", "result")],
}  # fmt: skip
_TALK: dict[str, Any] = _STAGE | {
    "index": 3, "id": "talk", "kind": "phone_screen", "problems": [], "talking": True,
    "questions": [{"id": "q", "prompt": "Q?", "minutes": 5, "n": 1}],
    "fields": [{"id": "answer:q", "label": "Answer 1", "kind": "text", "initial": ""}],
}  # fmt: skip
_ASKED = {"op": "asked", "question": _TALK["questions"][0], "field": _TALK["fields"][0],
          "asked": ["q"]}  # fmt: skip
_CLOCK = {"finished": False, "stage": 0, "count": 2, "title": "Coding", "state": "not_started",
          "planned": 60.0, "elapsed": 0.0, "mono": 0.0}  # fmt: skip


def _states(role: str) -> list[dict[str, Any]]:
    base = {"op": "state", "role": role, "round": 1, "clock": _CLOCK, "fields": {},
            "pushes": [], "results": {}, "feedback_mine": None, "feedback_theirs": None,
            "swap_votes": [], "notes": "", "rubric": {}, "dimensions": [], "focus": "",
            "scenarios": [{"id": "s", "title": "S", "stages": [
                {"id": "coding", "kind": "coding", "title": "Coding", "minutes": 1}]}]}  # fmt: skip
    return [
        {"op": "welcome", "role": role, "code": "abcd-efgh", "ssh": "ssh x"},
        base | {"phase": "lobby", "stage": None},
        base | {"phase": "live", "stage": _STAGE},
        {"op": "field", "id": "answer:q", "text": "typed", "cursor": [0, 5]},
        base | {"phase": "live", "stage": _DESIGN},
        {"op": "field", "id": "design:q:scratchpad", "text": "y = 3", "cursor": [0, 5]},
        base | {"phase": "live", "stage": _STAR},
        {"op": "field", "id": "star:q:result", "text": "up 3%", "cursor": [0, 5]},
        base | {"phase": "live", "stage": _TALK | {"questions": [], "fields": []}},
        _ASKED,
        base | {"phase": "feedback", "stage": None},
    ]


def rehearse() -> None:
    from mockint.pair import wire
    from mockint.pair.app import PairApp

    async def run(role: str) -> None:
        app = PairApp("", "")
        async with app.run_test(size=(120, 40)) as pilot:
            for msg in _states(role):
                app._dispatch(wire.convert(msg, wire.ToApp, "the rehearsal"))
                await pilot.pause()

    for role in ("interviewer", "candidate"):
        asyncio.run(run(role))
