"""The coding round's records: the editor timeline and every run or submit with its verdicts."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from mockint.store.sessions import Store


@dataclass
class Snapshot:
    at: float
    elapsed_s: float | None
    code: str
    cursor: tuple[int, int]


def add_snapshot(
    store: Store,
    session_id: int,
    stage_idx: int,
    problem: str,
    *,
    at: float,
    elapsed: float | None,
    code: str,
    cursor: tuple[int, int],
) -> None:
    with store.transaction() as c:
        c.execute(
            "INSERT INTO code_snapshots (session_id, stage_idx, problem, at, elapsed_s, code,"
            " cursor_row, cursor_col) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (session_id, stage_idx, problem, at, elapsed, code, cursor[0], cursor[1]),
        )


def timeline(store: Store, session_id: int, stage_idx: int, problem: str) -> list[Snapshot]:
    rows = store.conn.execute(
        "SELECT at, elapsed_s, code, cursor_row, cursor_col FROM code_snapshots"
        " WHERE session_id = ? AND stage_idx = ? AND problem = ? ORDER BY id",
        (session_id, stage_idx, problem),
    ).fetchall()
    return [
        Snapshot(r["at"], r["elapsed_s"], r["code"], (r["cursor_row"], r["cursor_col"]))
        for r in rows
    ]


def latest_snapshot(store: Store, session_id: int, stage_idx: int, problem: str) -> Snapshot | None:
    r = store.conn.execute(
        "SELECT at, elapsed_s, code, cursor_row, cursor_col FROM code_snapshots"
        " WHERE session_id = ? AND stage_idx = ? AND problem = ? ORDER BY id DESC LIMIT 1",
        (session_id, stage_idx, problem),
    ).fetchone()
    if r is None:
        return None
    return Snapshot(r["at"], r["elapsed_s"], r["code"], (r["cursor_row"], r["cursor_col"]))


def start_run(
    store: Store,
    session_id: int,
    stage_idx: int,
    problem: str,
    *,
    kind: str,
    at: float,
    elapsed: float | None,
    code: str,
) -> int:
    with store.transaction() as c:
        cur = c.execute(
            "INSERT INTO grading_runs (session_id, stage_idx, problem, kind, started_at,"
            " elapsed_s, code) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (session_id, stage_idx, problem, kind, at, elapsed, code),
        )
        run_id = cur.lastrowid
    assert run_id is not None
    return run_id


def finish_run(
    store: Store, run_id: int, *, at: float, result: dict[str, Any] | None, verdict: str
) -> None:
    """`verdict` is the judge's, or `cancelled` / `error` when there is no result."""
    with store.transaction() as c:
        c.execute(
            "UPDATE grading_runs SET finished_at = ?, verdict = ?, passed = ?, total = ?,"
            " result_json = ? WHERE id = ?",
            (
                at,
                verdict,
                result.get("passed") if result else None,
                result.get("total") if result else None,
                json.dumps(result) if result is not None else None,
                run_id,
            ),
        )


def runs(store: Store, session_id: int, stage_idx: int | None = None) -> list[dict[str, Any]]:
    sql = "SELECT * FROM grading_runs WHERE session_id = ?"
    args: list[Any] = [session_id]
    if stage_idx is not None:
        sql += " AND stage_idx = ?"
        args.append(stage_idx)
    rows = store.conn.execute(sql + " ORDER BY id", args).fetchall()
    out = []
    for r in rows:
        d = dict(r)
        d["result"] = json.loads(d.pop("result_json")) if d.get("result_json") else None
        out.append(d)
    return out


def recently_solved(store: Store, last_sessions: int = 5) -> set[str]:
    """Problems accepted on submit in the most recent sessions."""
    rows = store.conn.execute(
        "SELECT DISTINCT problem FROM grading_runs WHERE kind = 'submit' AND verdict = 'accepted'"
        " AND session_id IN (SELECT id FROM sessions ORDER BY created_at DESC LIMIT ?)",
        (last_sessions,),
    ).fetchall()
    return {r["problem"] for r in rows}


def run_stats(store: Store, session_id: int, stage_idx: int, problem: str) -> dict[str, Any]:
    """Runs so far, when the first one started and when a submit was first accepted
    (stage seconds); cheap enough to call after every run."""
    r = store.conn.execute(
        "SELECT count(*) AS n, min(elapsed_s) AS first,"
        " min(CASE WHEN kind = 'submit' AND verdict = 'accepted' THEN elapsed_s END) AS accepted"
        " FROM grading_runs WHERE session_id = ? AND stage_idx = ? AND problem = ?",
        (session_id, stage_idx, problem),
    ).fetchone()
    return {"runs": r["n"], "first_s": r["first"], "accepted_s": r["accepted"]}
