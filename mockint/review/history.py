"""The session history: one query with sort, filters and search; delete.

Rows come from `sessions` joined to the cached `review_summaries` (see `summary`), so the
list costs one indexed query however many sessions there are. Call `summary.refresh` first
to bring missing summaries up to date (the screen does it in a worker, the CLI inline).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from mockint.store.sessions import Store

# What the history calls the mode: pair sessions by their mode, practice and review
# sessions by their scenario id, anything else is a solo loop.
MODE_SQL = (
    "CASE WHEN s.mode != 'solo' THEN s.mode"
    " WHEN s.scenario_id IN ('practice', 'review') THEN s.scenario_id ELSE 'solo' END"
)
MODES = ("solo", "practice", "review", "pair")
SORTS = {
    "date": "s.created_at",
    "score": "r.overall",
    "time": "r.used_s",
    "scenario": "s.title",
}


@dataclass
class Query:
    sort: str = "date"
    descending: bool = True
    mode: str | None = None
    scenario: str | None = None  # id or a part of the title
    since: float | None = None  # created_at bounds, epoch seconds
    until: float | None = None
    min_score: float | None = None
    max_score: float | None = None
    search: str | None = None  # words found in questions, problems, topics, titles
    limit: int | None = None
    offset: int = 0


@dataclass
class Row:
    id: int
    created_at: float
    scenario_id: str
    title: str
    mode: str
    status: str
    used_s: float | None
    planned_s: float | None
    overall: float | None
    areas: dict[str, float | None]

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "started_at": iso_z(self.created_at),
            "scenario": self.scenario_id,
            "title": self.title,
            "mode": self.mode,
            "status": self.status,
            "minutes_used": None if self.used_s is None else round(self.used_s / 60, 1),
            "overall": None if self.overall is None else round(self.overall, 1),
            "areas": {
                k: (None if v is None else round(v, 1)) for k, v in sorted(self.areas.items())
            },
        }


def iso_z(ts: float) -> str:
    from datetime import UTC, datetime  # not at the top: the home screen imports this module

    return datetime.fromtimestamp(ts, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _where(q: Query) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    args: list[Any] = []
    if q.mode:
        clauses.append(f"({MODE_SQL}) = ?")
        args.append(q.mode)
    if q.scenario:
        clauses.append("(s.scenario_id = ? OR s.title LIKE ? ESCAPE '\\')")
        args += [q.scenario, "%" + _like(q.scenario) + "%"]
    if q.since is not None:
        clauses.append("s.created_at >= ?")
        args.append(q.since)
    if q.until is not None:
        clauses.append("s.created_at < ?")
        args.append(q.until)
    if q.min_score is not None:
        clauses.append("r.overall >= ?")
        args.append(q.min_score)
    if q.max_score is not None:
        clauses.append("r.overall <= ?")
        args.append(q.max_score)
    for word in (q.search or "").lower().split():
        clauses.append("r.search LIKE ? ESCAPE '\\'")
        args.append("%" + _like(word) + "%")
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", args


def _like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def sessions(store: Store, q: Query | None = None) -> list[Row]:
    q = q or Query()
    where, args = _where(q)
    col = SORTS.get(q.sort)
    if col is None:
        raise ValueError(f"unknown sort {q.sort!r} (known: {', '.join(SORTS)})")
    order = "DESC" if q.descending else "ASC"
    # Only summary columns can be empty; sorting on an indexed session column needs no sort.
    nulls = f"({col}) IS NULL, " if col.startswith("r.") else ""
    # Unscored sessions sort last either way; the id breaks ties so the order is stable.
    sql = (
        f"SELECT s.id, s.created_at, s.scenario_id, s.title, s.status, {MODE_SQL} AS vmode,"
        " r.used_s, r.planned_s, r.overall, r.areas"
        " FROM sessions s LEFT JOIN review_summaries r ON r.session_id = s.id"
        f"{where} ORDER BY {nulls}{col} {order}, s.id {order}"
    )
    if q.limit is not None:
        sql += " LIMIT ? OFFSET ?"
        args += [q.limit, q.offset]
    return [
        Row(
            id=r["id"],
            created_at=r["created_at"],
            scenario_id=r["scenario_id"],
            title=r["title"],
            mode=r["vmode"],
            status=r["status"],
            used_s=r["used_s"],
            planned_s=r["planned_s"],
            overall=r["overall"],
            areas=json.loads(r["areas"]) if r["areas"] else {},
        )
        for r in store.conn.execute(sql, args)
    ]


def count(store: Store, q: Query | None = None) -> int:
    where, args = _where(q or Query())
    sql = "SELECT count(*) FROM sessions s LEFT JOIN review_summaries r ON r.session_id = s.id"
    return int(store.conn.execute(sql + where, args).fetchone()[0])


def scenarios(store: Store) -> list[tuple[str, str]]:
    """(id, title) of every scenario that has a session, for the filter."""
    return [
        (r[0], r[1])
        for r in store.conn.execute(
            "SELECT scenario_id, max(title) FROM sessions GROUP BY scenario_id ORDER BY 2"
        )
    ]


def delete(store: Store, session_id: int) -> bool:
    """Remove a session and everything recorded in it (stories saved from it are kept)."""
    with store.transaction() as c:
        cur = c.execute("DELETE FROM sessions WHERE id = ?", (session_id,))
        return cur.rowcount > 0


def last_scored(store: Store) -> Row | None:
    """The most recent session that has a score (for the home screen); summaries only."""
    rows = sessions(store, Query(limit=1, min_score=0))
    return rows[0] if rows else None


def parse_day(text: str, *, end: bool = False) -> float:
    """`YYYY-MM-DD` (local midnight) as epoch seconds; `end` gives the next midnight."""
    from datetime import date, datetime, timedelta

    try:
        d = date.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(f"not a date: {text!r} (use YYYY-MM-DD)") from None
    if end:
        d = d + timedelta(days=1)
    return datetime(d.year, d.month, d.day).timestamp()


def unfinished_ids(store: Store, limit: int = 3) -> list[int]:
    """The most recently active unfinished sessions (the home screen offers to resume them)."""
    rows = store.conn.execute(
        "SELECT id FROM sessions WHERE status = 'active' ORDER BY alive_at DESC LIMIT ?", (limit,)
    )
    return [r[0] for r in rows]


def latest(store: Store) -> Row | None:
    """The most recent session, with its summary if it has one."""
    rows = sessions(store, Query(limit=1))
    return rows[0] if rows else None
