"""`mockint doctor`: check a database and, when it is damaged, rebuild it from every row
that can still be read. The damaged file is kept beside the new one, never deleted.

SQLite's own `.recover` lives in the sqlite3 shell, which is not always installed and not
reachable from Python's module; this walks each table by rowid instead, skipping the
stretches that a damaged page makes unreadable and carrying on after them.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mockint.store.db import StoreError, check_path, connect

BATCH = 256
MIN_ROWID = -(2**63)
MAX_ROWID = 2**63 - 1


@dataclass
class TableResult:
    name: str
    copied: int = 0
    dropped: int = 0  # read, but refused by the new schema (e.g. its session was lost)
    unreadable_stretches: int = 0


@dataclass
class Diagnosis:
    path: Path
    problems: list[str]  # empty when the integrity check passed

    @property
    def healthy(self) -> bool:
        return not self.problems


@dataclass
class Recovery:
    path: Path
    kept_as: Path
    tables: list[TableResult] = field(default_factory=list)

    @property
    def copied(self) -> int:
        return sum(t.copied for t in self.tables)


def diagnose(path: Path) -> Diagnosis:
    """SQLite's integrity check; any failure to even open the file is a problem too."""
    check_path(path)
    if not path.exists():
        raise StoreError(f"{path}: no such database")
    try:
        raw = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = raw.execute("PRAGMA integrity_check").fetchall()
        finally:
            raw.close()
    except sqlite3.Error as exc:
        return Diagnosis(path, [str(exc)])
    problems = [str(r[0]) for r in rows if str(r[0]) != "ok"]
    return Diagnosis(path, problems)


def recover(path: Path, *, now: float | None = None) -> Recovery:
    """Copy every readable row into a fresh database at `path`; the old file (and its WAL)
    is renamed `<name>.damaged-<time>` beside it."""
    stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime(now))
    fresh = path.with_name(f"{path.name}.recovering-{stamp}")
    kept = path.with_name(f"{path.name}.damaged-{stamp}")
    for p in (fresh, kept):
        if p.exists():
            raise StoreError(f"{p}: already exists; move it away and run doctor again")
    new = connect(fresh)  # the current schema, migrations applied
    result = Recovery(path, kept)
    try:
        try:
            old = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        except sqlite3.Error:
            old = None
        if old is not None:
            try:
                for table in _tables(new.raw):
                    result.tables.append(_copy_table(old, new.raw, table))
            finally:
                old.close()
    finally:
        new.close()
    # Keep the damaged file and its journal files side by side; then the new one takes over.
    for suffix in ("", "-wal", "-shm"):
        src = Path(str(path) + suffix)
        if src.exists():
            os.replace(src, Path(str(kept) + suffix))
    for suffix in ("-wal", "-shm"):
        leftover = Path(str(fresh) + suffix)
        if leftover.exists():
            leftover.unlink()
    os.replace(fresh, path)
    return result


def _tables(conn: sqlite3.Connection) -> list[str]:
    # In creation order: the migrations create parents before the tables that point at them.
    rows = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        " ORDER BY rowid"
    ).fetchall()
    return [str(r[0]) for r in rows if r[0] != "session_holders"]  # holders are not data


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    try:
        return [str(r[1]) for r in conn.execute(f'PRAGMA table_info("{table}")').fetchall()]
    except sqlite3.Error:
        return []


def _copy_table(old: sqlite3.Connection, new: sqlite3.Connection, table: str) -> TableResult:
    res = TableResult(table)
    cols = [c for c in _columns(new, table) if c in set(_columns(old, table))]
    if not cols:
        return res
    names = ", ".join(f'"{c}"' for c in cols)
    marks = ", ".join("?" for _ in cols)
    insert = f'INSERT OR IGNORE INTO "{table}" ({names}) VALUES ({marks})'
    new.execute("BEGIN")
    for row in _readable_rows(old, table, names, res):
        try:
            cur = new.execute(insert, row)
        except sqlite3.IntegrityError:
            res.dropped += 1
            continue
        if cur.rowcount:
            res.copied += 1
        else:
            res.dropped += 1
    new.execute("COMMIT")
    return res


def _readable_rows(
    conn: sqlite3.Connection, table: str, names: str, res: TableResult
) -> Iterator[tuple[Any, ...]]:
    sql = f'SELECT rowid, {names} FROM "{table}" WHERE rowid > ? ORDER BY rowid LIMIT ?'
    last = MIN_ROWID
    while last < MAX_ROWID:
        batch = _try(conn, sql, (last, BATCH))
        if batch is None:  # a damaged page: read one row at a time up to it
            one = _try(conn, sql, (last, 1))
            if one is None:
                res.unreadable_stretches += 1
                nxt = _next_readable(conn, sql, last)
                if nxt is None:
                    return
                last = nxt
                continue
            batch = one
        if not batch:
            return
        for r in batch:
            yield tuple(r[1:])
        last = int(batch[-1][0])


def _try(conn: sqlite3.Connection, sql: str, args: tuple[int, int]) -> list[Any] | None:
    try:
        return conn.execute(sql, args).fetchall()
    except sqlite3.DatabaseError:
        return None


def _next_readable(conn: sqlite3.Connection, sql: str, bad: int) -> int | None:
    """The smallest rowid bound past `bad` from which reading works again, found by
    doubling the jump and then halving back towards `bad` (rows in between are lost)."""
    step = 1
    good: int | None = None
    while bad + step < MAX_ROWID:
        if _try(conn, sql, (bad + step, 1)) is not None:
            good = bad + step
            break
        step *= 2
    if good is None:
        return None
    lo, hi = max(bad, good - step // 2), good  # lo fails (or is bad), hi works
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if _try(conn, sql, (mid, 1)) is None:
            lo = mid
        else:
            hi = mid
    return hi
