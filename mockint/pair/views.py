"""What each role sees of a room: the clock, and the state message built for one role.

The candidate's view is built from public parts only: the stage plan without its private
part and, in a talking stage, only the questions the interviewer has asked (the text of a
question not yet asked is never put in a message to the candidate's process).
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from mockint.pair import wire
from mockint.pair.content import public_plan, rubric_dimensions

if TYPE_CHECKING:
    from mockint.pair.hub import Hub, Room, Ticket


def clock_view(room: Room) -> dict[str, Any] | None:
    s = room.session
    if s is None:
        return None
    if s.finished:
        return {"finished": True}
    r = s.run
    return {
        "finished": False,
        "stage": s.current,
        "count": len(s.runs),
        "title": r.stage.title,
        "state": r.state.value,
        "planned": r.planned,
        "elapsed": s.elapsed(),
        "mono": time.monotonic(),
    }


def candidate_plan(plan: dict[str, Any], asked: list[str]) -> dict[str, Any]:
    """The candidate's copy of a stage: no private part and, in a talking stage, only the
    questions asked and their answer fields, the current (last asked) question first."""
    view = public_plan(plan)
    if not plan.get("talking"):
        return view
    by_id = {q["id"]: q for q in plan["questions"]}
    fields = {f["id"]: f for f in plan["fields"]}
    # Numbered in the order asked (the bank's numbering would tell how many are to come).
    first: dict[str, int] = {}
    for q in asked:
        first.setdefault(q, len(first) + 1)
    order = [q for q in reversed(asked) if q in by_id and f"answer:{q}" in fields]
    view["questions"] = [by_id[q] | {"n": first[q]} for q in order]
    view["fields"] = [fields[f"answer:{q}"] | {"label": f"Answer {first[q]}"} for q in order]
    return view


def state_for(hub: Hub, room: Room, t: Ticket) -> wire.State:
    interviewer = t.role == wire.INTERVIEWER
    plan = hub._plan(room)
    stage = None
    if plan is not None:
        stage = plan if interviewer else candidate_plan(plan, room.asked)
    fields = room.fields
    if not interviewer and stage is not None and plan is not None and plan.get("talking"):
        shown = {f["id"] for f in stage["fields"]}
        fields = {k: v for k, v in fields.items() if k in shown}
    state = wire.State(
        role=wire.INTERVIEWER if interviewer else wire.CANDIDATE,
        phase=room.phase,
        round=room.round_no,
        clock=clock_view(room),
        stage=stage,
        fields=dict(fields),
        focus=room.focus,
        pushes=room.pushes,
        results=room.results,
        feedback_mine=room.feedback.get(t.role),
        feedback_theirs=revealed(room, t.role),
        swap_votes=sorted(room.swap_votes),
        asked=list(room.asked),
        events=list(room.stage_events),
        export=room.exports.get(t.identity) if room.phase == "feedback" else None,
    )
    if interviewer:
        state.scenarios = scenarios() if room.phase == "lobby" else []
        state.notes = room.notes.get(t.identity, "")
        state.rubric = room.rubric.get(t.identity, {})
        state.dimensions = list(rubric_dimensions(plan))
    return state


def revealed(room: Room, role: str) -> dict[str, Any] | None:
    if len(room.feedback) < 2:
        return None
    other = wire.CANDIDATE if role == wire.INTERVIEWER else wire.INTERVIEWER
    return room.feedback.get(other)


def scenarios() -> list[dict[str, Any]]:
    from mockint.scenario.catalog import discover

    found, _errors = discover()
    return [
        {
            "id": sc.id,
            "title": sc.title,
            "stages": [
                {"id": st.id, "kind": st.kind, "title": st.title, "minutes": st.minutes}
                for st in sc.stages
            ],
        }
        for sc in found
    ]
