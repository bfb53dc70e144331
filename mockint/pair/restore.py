"""Opening a pair room again after its server stopped mid-round.

The hub keeps rooms in memory; everything in them is also in the store (the session and its
clock, the live fields, the pushes, the runs, the interviewer's notes and rubric). When an interviewer
starts a room and has a round left unfinished recently, the room comes back as it was: the
same session, stage and fields, the clock paused (the time the server was down is not
counted), and a new room code for the guest (the old one lived in the dead server).

A round started after a swap of roles comes back the same way, with the roles it had: the
host as candidate, and the guest, joining with the new code, as interviewer with their
private notes and rubric.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, get_args

from mockint.pair.content import stage_plan
from mockint.pair.wire import CANDIDATE, INTERVIEWER, ScreenEventKind

if TYPE_CHECKING:
    from mockint.pair.hub import Hub, Room
    from mockint.store.pair import PairRound

log = logging.getLogger("mockint.pair")

RESTORE_WITHIN_S = 6 * 3600.0  # an older unfinished round is history, not a room to reopen


def restore_round(hub: Hub, room: Room) -> bool:
    """Fill a new room with its owner's recent unfinished round; False if there is none."""
    from mockint.pair.judging import last_results
    from mockint.recording import resume_session
    from mockint.scenario.serialize import scenario_from_dict
    from mockint.store import pair as records
    from mockint.store.db import StoreError
    from mockint.store.locks import SessionBusy

    since = hub.clock.now() - RESTORE_WITHIN_S
    try:
        found = records.unfinished_round(hub.store, room.owner, since)
        if found is None:
            return False
        record = hub.store.load(found.session_id)
        session, recorder = resume_session(hub.store, record, hub.clock)
    except SessionBusy:  # another live server holds it: leave it there
        return False
    except (StoreError, ValueError, KeyError) as exc:
        log.warning("pair: could not reopen an unfinished round: %s", exc)
        return False
    scenario = scenario_from_dict(record.scenario)
    _seat(room, found)
    room.id = found.room
    room.round_no = found.round
    room.session, room.recorder, room.session_id = session, recorder, found.session_id
    room.plans = [stage_plan(st, i, len(scenario.stages)) for i, st in enumerate(scenario.stages)]
    room.fields = records.room_fields(hub.store, found.session_id)
    events = hub.store.events(found.session_id)
    room.pushes = [dict(e["data"]) for e in events if e["kind"] == "pair_push"]
    room.stage_events = [
        {"kind": e["kind"], "data": dict(e["data"])}
        for e in events
        if e["stage_idx"] == session.current and e["kind"] in get_args(ScreenEventKind)
    ]
    # The questions asked in the current stage, in order (the last is the current one).
    for e in events:
        if e["kind"] == "pair_ask" and e["data"].get("stage") == session.current:
            qid = str(e["data"].get("question", ""))
            if qid in room.asked:
                room.asked.remove(qid)
            room.asked.append(qid)
    room.results = last_results(hub, room)  # what the candidate last ran, on both screens
    private = records.private(hub.store, found.session_id, found.interviewer)
    if isinstance(private.get("notes"), str):
        room.notes[found.interviewer] = private["notes"]
    if isinstance(private.get("rubric"), dict):
        room.rubric[found.interviewer] = private["rubric"]
    room.phase = "live"
    hub._init_fields(room)
    started = session.runs[session.current].state.value != "not_started"
    if found.interviewer == room.owner:
        room.notice = (
            f"Your unfinished round (session {found.session_id}) is back as it was"
            + (": the clock is paused, F2 resumes it." if started else ".")
            + f" The candidate joins with the new room code {room.code}."
        )
    else:
        room.notice = (
            f"Your unfinished round (session {found.session_id}) is back as it was, with you "
            "as the candidate"
            + (" and the clock paused." if started else ".")
            + f" The interviewer joins with the new room code {room.code}: "
            + hub.ssh_hint(room.code)
        )
    if any(st.kind == "coding" for st in scenario.stages):
        hub.warm_judge()
    return True


def _seat(room: Room, found: PairRound) -> None:
    """Each person in the role they had in that round; the guest keeps the identity the
    round was stored under, whatever code they join with now."""
    swapped = found.candidate == room.owner
    room.persons.pop(room.guest, None)
    room.guest = found.interviewer if swapped else (found.candidate or room.guest)
    room.persons[room.owner] = CANDIDATE if swapped else INTERVIEWER
    room.persons[room.guest] = INTERVIEWER if swapped else CANDIDATE
