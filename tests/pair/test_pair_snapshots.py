"""SVG snapshots of the pair stage screens, both roles, at 80x24 and 120x40 (update with
--snapshot-update). Driven without a server from scripted hub messages (tests/pair/scripted)."""

from __future__ import annotations

from typing import Any

import pytest

from mockint.scenario.model import ProblemPick
from tests.pair.scripted import Sent, plan, start

SIZES = [(80, 24), (120, 40)]
PAD = "users = 50M\nqps = users * 20 / day\nstore = users * 2KB"


def _fields(st: dict) -> dict:
    out = {}
    for f in st["fields"]:
        if f["kind"] == "scratchpad":
            out[f["id"]] = {"text": PAD, "cursor": [1, 4]}
        elif f.get("phase") == "requirements":
            out[f["id"]] = {"text": "Recommend videos to 50M daily users.", "cursor": [0, 10]}
        elif f.get("part") == "situation":
            out[f["id"]] = {"text": "Our churn model drifted.", "cursor": [0, 4]}
        elif f.get("part") == "action":
            text = "I rebuilt the features and I retrained it weekly."
            out[f["id"]] = {"text": text, "cursor": [0, len(text)]}
        elif f.get("part") == "result":
            out[f["id"]] = {"text": "Precision rose 13%.", "cursor": [0, 0]}
    return out


def scripted(stage_id: str, role: str, asked: list[str] | None = None, **extra: Any):
    st = plan(stage_id, **extra)
    focus = next((f["id"] for f in st["fields"] if f["kind"] == "scratchpad"), "")
    fields = _fields(st)
    if asked:  # a talking round: the current question's answer is being typed
        fields[f"answer:{asked[-1]}"] = {"text": "Training loss falls while", "cursor": [0, 25]}
        focus = f"answer:{asked[-1]}"
    app = Sent()

    async def run_before(pilot):
        start(app, role, st, fields=fields, focus=focus, asked=asked)
        await pilot.pause(0.3)
        # The interviewer's suggested push is worked out on a timer: wait until it has been
        # (a fixed pause drew it or not depending on the machine's load).
        for _ in range(100):
            if role != "interviewer" or getattr(app.screen, "_changed", False) is False:
                break
            await pilot.pause(0.05)
        await pilot.pause(0.1)
        app.set_focus(None)  # no blinking cursor in the image (the mirror's is not blinking)
        await pilot.pause(0.1)

    return app, run_before


@pytest.mark.parametrize("role", ["candidate", "interviewer"])
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_design_stage(snap_compare, size, role):
    app, run_before = scripted("system-design", role)
    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("role", ["candidate", "interviewer"])
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_star_stage(snap_compare, size, role):
    app, run_before = scripted("behavioural", role)
    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("role", ["candidate", "interviewer"])
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_talking_round(snap_compare, size, role):
    # Two of the phone screen's three questions asked: the candidate's screen shows those two
    # (the current one on top), the interviewer's guide all three with their key points.
    app, run_before = scripted(
        "phone-screen",
        role,
        asked=["background-walkthrough", "overfitting"],
        questions=("background-walkthrough", "overfitting", "precision-recall"),
    )
    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("role", ["candidate", "interviewer"])
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_coding_stage(snap_compare, size, role):
    # The solo coding screen: the candidate's own, the interviewer's read-only beside the panel.
    app, run_before = scripted("coding", role, problems=(ProblemPick(slug="lru-cache"),))
    assert snap_compare(app, terminal_size=size, run_before=run_before)
