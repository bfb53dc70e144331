"""Pair rooms: who played which role in each round, the interviewer's private notes and
rubric, and both sides' end-of-round feedback.

The round itself is an ordinary session (mode `pair`): its clock, events, code snapshots,
answers and runs live in the same tables as a solo session, so history, reports and replay
cover it. What is private to the interviewer is kept apart here, in `pair_private`, which
no candidate-facing report reads.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from typing import Any

from mockint.store.sessions import Store


@dataclass
class PairRound:
    session_id: int
    room: str
    round: int
    interviewer: str
    candidate: str | None
    created_at: float


def add_round(
    store: Store,
    session_id: int,
    *,
    room: str,
    round_no: int,
    interviewer: str,
    candidate: str | None,
    now: float | None = None,
) -> None:
    now = time.time() if now is None else now
    with store.transaction() as c:
        c.execute(
            "INSERT INTO pair_rounds (session_id, room, round, interviewer, candidate, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (session_id, room, round_no, interviewer, candidate, now),
        )


def set_candidate(store: Store, session_id: int, candidate: str) -> None:
    with store.transaction() as c:
        c.execute(
            "UPDATE pair_rounds SET candidate = ? WHERE session_id = ?", (candidate, session_id)
        )


def get_round(store: Store, session_id: int) -> PairRound | None:
    r = store.conn.execute(
        "SELECT * FROM pair_rounds WHERE session_id = ?", (session_id,)
    ).fetchone()
    if r is None:
        return None
    return PairRound(
        r["session_id"], r["room"], r["round"], r["interviewer"], r["candidate"], r["created_at"]
    )


def save_private(
    store: Store, session_id: int, author: str, kind: str, body: Any, now: float | None = None
) -> None:
    """The interviewer's `notes` (a string) or `rubric` (a dict), replacing the last one."""
    now = time.time() if now is None else now
    _upsert(store, "pair_private", {"session_id": session_id, "author": author, "kind": kind},
            {"body": json.dumps(body), "updated_at": now})  # fmt: skip


def private(store: Store, session_id: int, author: str) -> dict[str, Any]:
    return {
        r["kind"]: json.loads(r["body"])
        for r in store.conn.execute(
            "SELECT kind, body FROM pair_private WHERE session_id = ? AND author = ?",
            (session_id, author),
        )
    }


def save_feedback(
    store: Store,
    session_id: int,
    author: str,
    role: str,
    body: dict[str, Any],
    now: float | None = None,
) -> None:
    now = time.time() if now is None else now
    _upsert(store, "pair_feedback", {"session_id": session_id, "author": author},
            {"role": role, "body": json.dumps(body), "submitted_at": now})  # fmt: skip


def feedback(store: Store, session_id: int) -> dict[str, dict[str, Any]]:
    """Feedback by role (`interviewer`, `candidate`)."""
    return {
        r["role"]: json.loads(r["body"]) | {"author": r["author"]}
        for r in store.conn.execute(
            "SELECT author, role, body FROM pair_feedback WHERE session_id = ?", (session_id,)
        )
    }


def add_planned(store: Store, session_id: int, stage_idx: int, seconds: float) -> None:
    """The interviewer gave the stage more time (+5 minutes): its plan grows."""
    with store.transaction() as c:
        c.execute(
            "UPDATE stages SET planned_s = planned_s + ? WHERE session_id = ? AND idx = ?",
            (seconds, session_id, stage_idx),
        )


def add_note_version(
    store: Store,
    session_id: int,
    author: str,
    body: str,
    *,
    stage_idx: int | None,
    at: float,
    elapsed: float | None,
) -> None:
    """One more version of an interviewer's notes, for the replay of the round."""
    with store.transaction() as c:
        c.execute(
            "INSERT INTO pair_note_history (session_id, author, stage_idx, at, elapsed_s, body)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (session_id, author, stage_idx, at, elapsed, body),
        )


def note_times(
    store: Store, session_id: int, author: str
) -> list[tuple[int, int | None, float, float | None]]:
    """(row id, stage, at, elapsed) of every version of an author's notes, oldest first;
    the text is read by id when shown (`note_body`)."""
    return [
        (r[0], r[1], r[2], r[3])
        for r in store.conn.execute(
            "SELECT id, stage_idx, at, elapsed_s FROM pair_note_history"
            " WHERE session_id = ? AND author = ? ORDER BY id",
            (session_id, author),
        )
    ]


def note_body(store: Store, row_id: int) -> str:
    r = store.conn.execute("SELECT body FROM pair_note_history WHERE id = ?", (row_id,)).fetchone()
    return str(r[0]) if r else ""


def own_view(store: Store, session_id: int) -> str | None:
    """Which side of a pair round this machine's user saw: "interviewer" when they
    interviewed from here (`mockint pair`, identity "local"), else "candidate"; None for a
    session that is not a pair round. Reports and replays open in this view, so a user's
    own private notes are shown to them and another interviewer's never are."""
    rnd = get_round(store, session_id)
    if rnd is None:
        return None
    return "interviewer" if rnd.interviewer == "local" else "candidate"


def save_room_fields(
    store: Store, session_id: int, fields: dict[str, Any], now: float | None = None
) -> None:
    """The room's live fields (text and cursor by field id), replacing the last copy."""
    now = time.time() if now is None else now
    _upsert(store, "pair_room_state", {"session_id": session_id},
            {"fields": json.dumps(fields), "updated_at": now})  # fmt: skip


def room_fields(store: Store, session_id: int) -> dict[str, Any]:
    r = store.conn.execute(
        "SELECT fields FROM pair_room_state WHERE session_id = ?", (session_id,)
    ).fetchone()
    if r is None:
        return {}
    value = json.loads(r[0])
    return value if isinstance(value, dict) else {}


def unfinished_round(store: Store, host: str, since: float) -> PairRound | None:
    """The most recent pair round this host took part in, as interviewer or (after a swap
    of roles) as candidate, left unfinished (its server stopped mid-round) and still alive
    at `since` or later."""
    r = store.conn.execute(
        "SELECT p.session_id FROM pair_rounds p JOIN sessions s ON s.id = p.session_id"
        " WHERE (p.interviewer = ? OR p.candidate = ?) AND s.status = 'active'"
        " AND s.alive_at >= ? ORDER BY s.alive_at DESC LIMIT 1",
        (host, host, since),
    ).fetchone()
    return None if r is None else get_round(store, r[0])


def _upsert(store: Store, table: str, key: dict[str, Any], values: dict[str, Any]) -> None:
    """Insert a row, or replace the values of the row with the same key."""
    cols = [*key, *values]
    sets = ", ".join(f"{c} = excluded.{c}" for c in values)
    with store.transaction() as c:
        c.execute(
            f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})"
            f" ON CONFLICT({', '.join(key)}) DO UPDATE SET {sets}",
            (*key.values(), *values.values()),
        )
