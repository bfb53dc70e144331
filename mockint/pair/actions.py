"""What the participants do in a round, as the hub applies it: set-up, the clock, the
candidate's fields and focus, the interviewer's pushes, questions asked and rubric, the
feedback at the end and the swap of roles. Each function gets a message already checked by
the wire (pair/wire.py) from a role allowed to send it (hub.dispatch)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from mockint.engine.session import StageState, TransitionError
from mockint.pair import wire
from mockint.pair.content import rubric_dimensions, stage_plan
from mockint.pair.text import clip
from mockint.pair.views import candidate_plan, clock_view
from mockint.pair.wire import CANDIDATE, INTERVIEWER, ROLES

if TYPE_CHECKING:
    from mockint.pair.hub import Hub, Room, Ticket

MAX_FIELD = wire.MAX_FIELD
PLUS_MINUTES = 5.0


def candidate_fields(hub: Hub, room: Room) -> set[str]:
    """The fields the candidate may write now: in a talking stage, the asked questions'."""
    plan = hub._plan(room)
    if plan is None:
        return set()
    ids = {f["id"] for f in plan["fields"]}
    if plan.get("talking"):
        ids &= {f"answer:{q}" for q in room.asked}
    return ids


def ask(hub: Hub, room: Room, msg: wire.Ask) -> None:
    """The interviewer asks a question: it becomes the candidate's current one, and only
    now does its text go to the candidate's process."""
    s, plan = room.session, hub._plan(room)
    if s is None or s.finished or plan is None or not plan.get("talking"):
        return
    question = next((q for q in plan["questions"] if q["id"] == msg.question), None)
    if question is None:
        hub._error(room, INTERVIEWER, "No such question in this stage.")
        return
    if msg.question in room.asked:
        room.asked.remove(msg.question)  # asked again: it is the current one once more
    room.asked.append(msg.question)
    hub._event(room, "pair_ask", {"question": msg.question, "stage": s.current})
    asked = list(room.asked)
    hub._send(room, INTERVIEWER, wire.Asked(question=question, field=None, asked=asked))
    view = candidate_plan(plan, asked)  # the question first: it is the current one
    hub._send(
        room,
        CANDIDATE,
        wire.Asked(question=view["questions"][0], field=view["fields"][0], asked=asked),
    )


def setup(hub: Hub, room: Room, t: Ticket, msg: wire.Setup) -> None:
    from mockint.recording import resolve_content, start_session
    from mockint.scenario.catalog import find_scenario
    from mockint.scenario.errors import ScenarioError
    from mockint.scenario.serialize import scenario_to_dict
    from mockint.store import pair as records

    if room.phase != "lobby":
        hub._error(room, INTERVIEWER, "The round has already started.")
        return
    try:
        sc = find_scenario(msg.scenario)
        wanted = msg.stages
        if wanted:
            sc = sc.subset(wanted)
        if not sc.stages:
            raise ValueError("no stage chosen")
        sc = resolve_content(sc, hub.store)
    except (ScenarioError, ValueError, KeyError) as exc:
        hub._error(room, INTERVIEWER, f"Cannot start: {exc}")
        return
    session, recorder = start_session(hub.store, sc, hub.clock, pace=1.0, mode="pair")
    room.session, room.recorder = session, recorder
    room.session_id = recorder.session_id
    records.add_round(
        hub.store,
        recorder.session_id,
        room=room.id,
        round_no=room.round_no,
        interviewer=t.identity,
        candidate=room.role_identity(CANDIDATE),
    )
    hub._event(room, "pair_setup", {"scenario": scenario_to_dict(sc)["id"], "round": room.round_no})
    room.plans = [stage_plan(st, i, len(sc.stages)) for i, st in enumerate(sc.stages)]
    room.fields, room.asked = {}, []
    hub._init_fields(room)
    room.phase = "live"
    hub._broadcast_state(room)
    if any(st.kind == "coding" for st in sc.stages):
        hub.warm_judge()  # its torch import happens while the first stages run


def clock(hub: Hub, room: Room, action: str) -> None:
    s = room.session
    if s is None or s.finished:
        return
    try:
        if action == "start":
            if s.run.state is StageState.NOT_STARTED:
                s.start()
            elif s.run.state is StageState.PAUSED:
                s.resume()
        elif action == "pause":
            if s.run.state is StageState.RUNNING:
                s.pause()
            elif s.run.state is StageState.PAUSED:
                s.resume()
        elif action == "plus5":
            r = s.run
            r.stage = replace(r.stage, minutes=r.stage.minutes + PLUS_MINUTES)
            from mockint.store.pair import add_planned

            sid, idx = room.session_id or 0, s.current
            room.recorder.write(
                "the clock", lambda: add_planned(hub.store, sid, idx, PLUS_MINUTES * 60)
            )
            hub._event(room, "time_added", {"seconds": PLUS_MINUTES * 60})
        elif action == "next":
            hub._flush(room)
            if s.run.state is StageState.NOT_STARTED:
                s.skip_stage()
            else:
                s.finish_stage()
            if s.finished:
                from mockint.pair import takehome

                room.phase = "feedback"
                hub._flush(room)
                takehome.issue(hub, room)
            else:
                hub._init_fields(room)
            room.asked, room.stage_events = [], []
            room.results = {}
            hub._broadcast_state(room)
            return
        else:
            return
    except TransitionError as exc:
        hub._error(room, INTERVIEWER, str(exc))
        return
    hub._both(room, wire.Clock(clock=clock_view(room)))


def field(hub: Hub, room: Room, msg: wire.Field) -> None:
    fid, text, cursor = msg.id, msg.text, [msg.cursor[0], msg.cursor[1]]
    if fid not in candidate_fields(hub, room):
        return
    if len(text) > MAX_FIELD:  # refused whole: a cut would lose the end without a word
        hub._error(
            room,
            CANDIDATE,
            f"Not shared or saved: this field would hold {len(text):,} characters, more "
            f"than {MAX_FIELD:,}. Remove some text.",
        )
        return
    value = {"text": text, "cursor": cursor}
    room.fields[fid] = value
    room.dirty_fields.add(fid)
    hub._send(room, INTERVIEWER, wire.Field(id=fid, text=text, cursor=msg.cursor))


def stage_event(hub: Hub, room: Room, msg: wire.StageEvent) -> None:
    """What the candidate's coding screen records, checked against the stage: recorded as
    in a solo session, and sent to the interviewer's mirror."""
    from mockint.pair.judging import solved

    s, plan = room.session, hub._plan(room)
    if s is None or s.finished or plan is None or plan["kind"] != "coding":
        return
    slugs = [p["slug"] for p in plan["problems"]]
    slug = str(msg.data.get("problem", ""))
    if slug not in slugs:
        return
    data: dict[str, str | int | bool] = {"problem": slug}
    if msg.kind == "problem_opened":
        data["index"] = slugs.index(slug)
    elif msg.kind == "complexity_claimed":
        data["time"] = clip(str(msg.data.get("time", "")), 200).strip()
        data["space"] = clip(str(msg.data.get("space", "")), 200).strip()
    elif msg.kind == "solution_viewed":
        if not solved(hub, room, slug):  # in a pair round only after an accepted submit
            return
        data["before_solving"] = False
    event = {"kind": msg.kind, "data": data}
    room.stage_events.append(event)
    hub._event(room, msg.kind, dict(data))
    hub._send(room, INTERVIEWER, wire.StageEvent(kind=msg.kind, data=data))


def focus(hub: Hub, room: Room, msg: wire.Focus) -> None:
    if msg.id not in candidate_fields(hub, room):
        return
    room.focus = msg.id
    hub._send(room, INTERVIEWER, wire.Focus(id=msg.id))


def push(hub: Hub, room: Room, msg: wire.PushRequest) -> None:
    s = room.session
    kind = msg.kind
    if s is None or s.finished:
        return
    plan = hub._plan(room)
    text = clip(msg.text, 2000).strip()
    source = "typed"
    if not text and plan is not None and msg.problem:
        slug = msg.problem
        hints = plan["private"]["hints"].get(slug, [])
        given = sum(1 for p in room.pushes if p.get("problem") == slug and p["kind"] == "hint")
        if given >= len(hints):
            hub._error(room, INTERVIEWER, "No more hints for this problem.")
            return
        text, source = hints[given], "problem"
    if not text:
        return
    push = {
        "kind": kind,
        "text": text,
        "source": source,
        "stage": s.current,
        "elapsed": round(s.elapsed(), 1),
        "at": hub.clock.now(),
    }
    if source == "problem":
        push["problem"] = msg.problem
    room.pushes.append(push)
    hub._event(room, "pair_push", dict(push))
    hub._both(room, wire.Pushed(push=push))


def rubric(hub: Hub, room: Room, t: Ticket, msg: wire.RubricSave) -> None:
    from mockint.store import pair as records

    dims = {d["id"] for d in rubric_dimensions(hub._plan(room))} | set(
        room.rubric.get(t.identity, {}).get("scores", {})
    )
    scores = {}
    for k, v in msg.scores.items():
        if k in dims and 1 <= v <= 4:
            scores[k] = v
    rubric = {
        "scores": scores,
        "call": msg.call,
        "labels": {d["id"]: d["label"] for d in rubric_dimensions(hub._plan(room))},
    }
    room.rubric[t.identity] = rubric
    if room.session_id is not None and room.recorder is not None:
        sid, ident = room.session_id, t.identity
        room.recorder.write(
            "the rubric",
            lambda: records.save_private(hub.store, sid, ident, "rubric", rubric),
            key=("pair-rubric", ident),
        )
    hub._send(room, INTERVIEWER, wire.Rubric(rubric=rubric))


def feedback(hub: Hub, room: Room, t: Ticket, msg: wire.FeedbackSend) -> None:
    from mockint.store import pair as records

    if room.phase != "feedback":
        return
    rating = msg.rating
    if not 1 <= rating <= 4:
        hub._error(room, t.role, "A rating from 1 to 4, please.")
        return
    body = {"rating": rating, "text": clip(msg.text, 2000).strip()}
    room.feedback[t.role] = body
    if room.session_id is not None and room.recorder is not None:
        sid, ident, role = room.session_id, t.identity, t.role
        room.recorder.write(
            "the feedback",
            lambda: records.save_feedback(hub.store, sid, ident, role, body),
            key=("pair-feedback", ident),
        )
    hub._broadcast_state(room)


def swap(hub: Hub, room: Room, t: Ticket, agree: bool) -> None:
    if room.phase != "feedback":
        hub._error(room, t.role, "Roles can be swapped once the round has ended.")
        return
    if agree:
        room.swap_votes.add(t.role)
    else:
        room.swap_votes.discard(t.role)
    if room.swap_votes != set(ROLES):
        hub._broadcast_state(room)
        return
    hub._flush(room)
    if room.recorder is not None:
        room.recorder.close()
    for ident, role in list(room.persons.items()):
        room.persons[ident] = CANDIDATE if role == INTERVIEWER else INTERVIEWER
    room.round_no += 1
    room.phase = "lobby"
    room.session = room.recorder = room.session_id = None
    room.plans, room.fields, room.pushes, room.results = [], {}, [], {}
    room.asked, room.exports, room.stage_events = [], {}, []
    room.focus = ""
    room.feedback, room.swap_votes, room.rubric = {}, set(), {}
    room.dirty_fields.clear()
    # Each app process holds a capability for one role: both are restarted in their role
    # for the new round (the old interviewer's process, with its notes, ends here).
    seats = [room.seats.get(r) for r in ROLES]
    room.seats = dict.fromkeys(ROLES)
    for old in seats:
        if old is None:
            continue
        old.revoked = True
        hub.tickets.pop(old.token, None)
        if old.conn is not None:
            old.conn.send(wire.Bye(reason="swap", relaunch=True))
