"""Writing a room to the store: the live fields, the answers they make, code snapshots, the
clock and each version of the interviewer's private notes, at most a second after a change.

Everything goes through the session's recorder, so a write the store refuses (a full disk)
stays queued and is tried again each second, and the interviewer is told what is unsaved.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mockint.pair.content import STAR_PARTS
from mockint.pair.wire import INTERVIEWER

if TYPE_CHECKING:
    from mockint.pair.hub import Hub, Room


def flush(hub: Hub, room: Room) -> None:
    from mockint.store import pair as records

    s = room.session
    rec = room.recorder
    if s is None or rec is None or room.session_id is None:
        return
    # Through the session's recorder: a write the store refuses stays queued and is
    # tried again each second, so nothing typed is lost to a full disk.
    try:
        if not s.finished:
            rec.heartbeat(s)
        else:
            rec.flush()
    except Exception as exc:  # e.g. SessionTaken: another instance took the session
        hub._error(room, INTERVIEWER, f"Could not save: {exc}")
    sid = room.session_id
    if room.dirty_fields:
        fields = {k: dict(v) for k, v in room.fields.items()}
        rec.write(
            "your answers",
            lambda: records.save_room_fields(hub.store, sid, fields),
            key=("pair-room", sid),
        )
        _save_fields(hub, room)
    stage = None if s.finished else s.current
    elapsed = None if stage is None else s.elapsed()
    now = hub.clock.now()
    for ident in list(room.dirty_notes):
        text = room.notes.get(ident, "")
        rec.write(
            "your private notes",
            lambda ident=ident, text=text: records.save_private(
                hub.store, sid, ident, "notes", text
            ),
            key=("pair-notes", ident),
        )
        # Every version too (at most one a second): the replay shows the notes as they were.
        rec.write(
            "your private notes",
            lambda ident=ident, text=text: records.add_note_version(
                hub.store, sid, ident, text, stage_idx=stage, at=now, elapsed=elapsed
            ),
        )
    room.dirty_notes.clear()
    if rec.error is not None:
        hub._error(room, INTERVIEWER, f"Not saved yet ({', '.join(rec.unsaved())}): {rec.error}")


def _save_fields(hub: Hub, room: Room) -> None:
    from mockint.store.answers import AnswerRow

    s = room.session
    rec = room.recorder
    assert s is not None and rec is not None
    stage = min(s.current, len(s.runs) - 1)
    now = hub.clock.now()
    elapsed = s.elapsed(stage)
    answers: dict[str, AnswerRow] = {}
    plan = room.plans[stage] if room.plans else None
    order = {q["id"]: i for i, q in enumerate(plan["questions"])} if plan else {}
    for fid in sorted(room.dirty_fields):
        value = room.fields.get(fid)
        if value is None:
            continue
        kind, _, rest = fid.partition(":")
        if kind == "code":
            rec.snapshot(
                stage,
                rest,
                at=now,
                elapsed=elapsed,
                code=value["text"],
                cursor=(value["cursor"][0], value["cursor"][1]),
            )
            continue
        if kind == "star":
            qid, _, _part = rest.partition(":")
            names = {p: f"star:{qid}:{p}" for p in STAR_PARTS}
        elif kind == "answer":
            qid, names = rest, {"answer": fid}
        elif kind == "design":
            # One answer per question, named like the solo design screen's fields.
            qid, _, _name = rest.rpartition(":")
            names = {
                f["id"].rpartition(":")[2]: f["id"]
                for f in (plan["fields"] if plan else [])
                if f["id"].startswith(f"design:{qid}:")
            }
        else:
            qid, names = "notes", {"answer": "notes"}
        answers[qid] = AnswerRow(
            stage_idx=stage,
            question_id=qid,
            position=order.get(qid, len(order)),
            fields={k: room.fields.get(v, {}).get("text", "") for k, v in names.items()},
        )
    for row in answers.values():
        rec.answer(row, at=now)
    room.dirty_fields.clear()
