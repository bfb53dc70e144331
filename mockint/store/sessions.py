"""Sessions, stages, events and notes: every write in its own transaction.

json is imported where used: the home screen opens the store at start-up and, with no
unfinished session, never needs it.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mockint.store.db import Connection, StoreError, connect


@dataclass
class StageRow:
    idx: int
    stage_id: str
    kind: str
    title: str
    planned_s: float
    state: str
    elapsed_s: float
    skipped: bool
    started_at: float | None
    finished_at: float | None


@dataclass
class SessionRecord:
    id: int
    scenario_id: str
    title: str
    scenario: dict[str, Any]
    pace: float
    mode: str
    status: str
    current_stage: int
    created_at: float
    alive_at: float
    finished_at: float | None
    stages: list[StageRow] = field(default_factory=list)
    notes: dict[int, str] = field(default_factory=dict)


class Store:
    def __init__(self, path: Path | str):
        self.path = Path(path)
        self.conn = connect(self.path)

    def close(self) -> None:
        self.conn.close()

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """One write transaction; any failure rolls it back and raises StoreError."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
            self.conn.execute("COMMIT")
        except BaseException:
            if self.conn.in_transaction:
                with suppress(sqlite3.Error):
                    self.conn.raw.execute("ROLLBACK")
            raise

    # -- sessions ----------------------------------------------------------------------
    def create_session(
        self, scenario: dict[str, Any], *, pace: float, mode: str = "solo", now: float | None = None
    ) -> int:
        import json

        now = time.time() if now is None else now
        with self.transaction() as c:
            cur = c.execute(
                "INSERT INTO sessions (scenario_id, title, scenario_json, pace, mode,"
                " created_at, alive_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (scenario["id"], scenario["title"], json.dumps(scenario), pace, mode, now, now),
            )
            sid = cur.lastrowid
            c.executemany(
                "INSERT INTO stages (session_id, idx, stage_id, kind, title, planned_s)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                [
                    (sid, i, s["id"], s["kind"], s["title"], s["minutes"] * 60)
                    for i, s in enumerate(scenario["stages"])
                ],
            )
        assert sid is not None
        return sid

    def record(
        self,
        session_id: int,
        *,
        kind: str,
        stage_idx: int | None,
        at: float,
        elapsed: float | None,
        data: dict[str, Any],
        stage_update: dict[str, Any] | None,
        current_stage: int,
        status: str,
    ) -> None:
        """One event, with the stage and session state it leaves behind, atomically."""
        import json

        with self.transaction() as c:
            c.execute(
                "INSERT INTO events (session_id, stage_idx, kind, at, elapsed_s, data)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (session_id, stage_idx, kind, at, elapsed, json.dumps(data)),
            )
            if stage_update and stage_idx is not None:
                cols = ", ".join(f"{k} = ?" for k in stage_update)
                c.execute(
                    f"UPDATE stages SET {cols} WHERE session_id = ? AND idx = ?",
                    (*stage_update.values(), session_id, stage_idx),
                )
            c.execute(
                "UPDATE sessions SET current_stage = ?, status = ?, alive_at = ?,"
                " finished_at = CASE WHEN ? = 'finished' THEN ? ELSE finished_at END"
                " WHERE id = ?",
                (current_stage, status, at, status, at, session_id),
            )

    def add_event(
        self,
        session_id: int,
        stage_idx: int | None,
        kind: str,
        *,
        at: float,
        elapsed: float | None = None,
        data: dict[str, Any] | None = None,
    ) -> None:
        """An event outside the engine's transitions (a hint shown, a problem opened)."""
        import json

        with self.transaction() as c:
            c.execute(
                "INSERT INTO events (session_id, stage_idx, kind, at, elapsed_s, data)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (session_id, stage_idx, kind, at, elapsed, json.dumps(data or {})),
            )

    def heartbeat(
        self, session_id: int, stage_idx: int | None, elapsed: float | None, now: float
    ) -> None:
        """The app is alive, and (if a stage runs) this is its clock."""
        with self.transaction() as c:
            if stage_idx is not None and elapsed is not None:
                c.execute(
                    "UPDATE stages SET elapsed_s = ? WHERE session_id = ? AND idx = ?",
                    (elapsed, session_id, stage_idx),
                )
            c.execute("UPDATE sessions SET alive_at = ? WHERE id = ?", (now, session_id))

    def save_note(
        self, session_id: int, stage_idx: int, body: str, now: float | None = None
    ) -> None:
        now = time.time() if now is None else now
        with self.transaction() as c:
            c.execute(
                "INSERT INTO notes (session_id, stage_idx, body, updated_at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT(session_id, stage_idx) DO UPDATE SET body = excluded.body,"
                " updated_at = excluded.updated_at",
                (session_id, stage_idx, body, now),
            )

    def abandon(self, session_id: int) -> None:
        with self.transaction() as c:
            c.execute("UPDATE sessions SET status = 'abandoned' WHERE id = ?", (session_id,))

    # -- reading -----------------------------------------------------------------------
    def unfinished(self) -> list[SessionRecord]:
        rows = self.conn.execute(
            # A pair round is reopened by its room (pair/restore.py), not resumed alone.
            "SELECT id FROM sessions WHERE status = 'active' AND mode != 'pair'"
            " ORDER BY alive_at DESC"
        ).fetchall()
        return [self.load(r["id"]) for r in rows]

    def load(self, session_id: int) -> SessionRecord:
        import json

        row = self.conn.execute("SELECT * FROM sessions WHERE id = ?", (session_id,)).fetchone()
        if row is None:
            raise StoreError(f"{self.path}: no session {session_id}")
        rec = SessionRecord(
            id=row["id"],
            scenario_id=row["scenario_id"],
            title=row["title"],
            scenario=json.loads(row["scenario_json"]),
            pace=row["pace"],
            mode=row["mode"],
            status=row["status"],
            current_stage=row["current_stage"],
            created_at=row["created_at"],
            alive_at=row["alive_at"],
            finished_at=row["finished_at"],
        )
        for s in self.conn.execute(
            "SELECT * FROM stages WHERE session_id = ? ORDER BY idx", (session_id,)
        ):
            rec.stages.append(
                StageRow(
                    idx=s["idx"],
                    stage_id=s["stage_id"],
                    kind=s["kind"],
                    title=s["title"],
                    planned_s=s["planned_s"],
                    state=s["state"],
                    elapsed_s=s["elapsed_s"],
                    skipped=bool(s["skipped"]),
                    started_at=s["started_at"],
                    finished_at=s["finished_at"],
                )
            )
        for n in self.conn.execute(
            "SELECT stage_idx, body FROM notes WHERE session_id = ?", (session_id,)
        ):
            rec.notes[n["stage_idx"]] = n["body"]
        return rec

    def events(self, session_id: int) -> list[dict[str, Any]]:
        import json

        return [
            dict(r) | {"data": json.loads(r["data"])}
            for r in self.conn.execute(
                "SELECT * FROM events WHERE session_id = ? ORDER BY id", (session_id,)
            )
        ]
