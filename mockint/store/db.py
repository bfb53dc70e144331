"""Opening the SQLite database: WAL, foreign keys, numbered migrations, clear errors.

The app's process uses the standard sqlite3 module rather than sqlite-utils because
importing sqlite-utils imports numpy, which the UI process must never load (start-up time).
sqlite-utils remains the tool for reading the data by hand (see README).

Every sqlite3 error that reaches the rest of mockint comes out as a StoreError naming the
file and, for a damaged file, the way out (`mockint doctor`), never as a traceback.
"""

from __future__ import annotations

import re
import sqlite3
import stat
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from mockint.store import private
from mockint.store.migrations import LATEST, MIGRATIONS

Params = Sequence[Any] | dict[str, Any]


class StoreError(Exception):
    """The database cannot be used; the message names the file and what is wrong."""


class StoreDamaged(StoreError):
    """The file is not a database or a page of it is corrupt: `mockint doctor` helps."""


def explain(path: Path | str, exc: sqlite3.Error, doing: str) -> StoreError:
    """One line for a sqlite3 error: what failed, on which file, and what to do."""
    text = str(exc)
    low = text.lower()
    if "full" in low:
        return StoreError(f"{path}: {doing} failed: the disk is full (free some space)")
    if "locked" in low or "busy" in low:
        return StoreError(f"{path}: {doing} failed: the database is busy in another program")
    if "readonly" in low or "read-only" in low:
        return StoreError(f"{path}: {doing} failed: the file is read-only")
    if isinstance(exc, sqlite3.DatabaseError) and (
        "malformed" in low or "not a database" in low or "corrupt" in low
    ):
        return StoreDamaged(
            f"{path}: the database is damaged ({text}); run `mockint doctor` to recover "
            "what can be read"
        )
    return StoreError(f"{path}: {doing} failed: {text}")


class Cursor:
    """A cursor whose reads raise StoreError instead of sqlite3 errors."""

    def __init__(self, raw: sqlite3.Cursor, path: Path) -> None:
        self._raw = raw
        self._path = path

    @property
    def lastrowid(self) -> int | None:
        return self._raw.lastrowid

    @property
    def rowcount(self) -> int:
        return self._raw.rowcount

    def fetchone(self) -> Any:
        try:
            return self._raw.fetchone()
        except sqlite3.Error as exc:
            raise explain(self._path, exc, "reading") from None

    def fetchall(self) -> list[Any]:
        try:
            return self._raw.fetchall()
        except sqlite3.Error as exc:
            raise explain(self._path, exc, "reading") from None

    def __iter__(self) -> Iterator[Any]:
        return iter(self.fetchall())


class Connection:
    """The few sqlite3.Connection methods mockint uses, with errors as StoreError."""

    def __init__(self, raw: sqlite3.Connection, path: Path) -> None:
        self.raw = raw
        self.path = path

    def execute(self, sql: str, params: Params = ()) -> Cursor:
        try:
            return Cursor(self.raw.execute(sql, params), self.path)
        except sqlite3.Error as exc:
            raise explain(self.path, exc, "reading" if _is_read(sql) else "writing") from None

    def executemany(self, sql: str, rows: Iterable[Params]) -> Cursor:
        try:
            return Cursor(self.raw.executemany(sql, rows), self.path)
        except sqlite3.Error as exc:
            raise explain(self.path, exc, "writing") from None

    @property
    def in_transaction(self) -> bool:
        return self.raw.in_transaction

    def close(self) -> None:
        self.raw.close()


def _is_read(sql: str) -> bool:
    return sql.lstrip()[:6].upper() in ("SELECT", "PRAGMA", "WITH")


def check_path(path: Path) -> None:
    """Refuse what is not a regular file (or not there yet) before SQLite creates anything
    beside it: `/dev/null` would otherwise get a `/dev/null-journal`."""
    try:
        st = path.stat()
    except FileNotFoundError:
        if path.parent.exists() and not path.parent.is_dir():
            raise StoreError(f"{path}: its folder {path.parent} is not a directory") from None
        return
    except OSError as exc:
        raise StoreError(f"{path}: cannot use this database path: {exc.strerror}") from None
    if stat.S_ISDIR(st.st_mode):
        raise StoreError(f"{path}: is a directory, not a database file")
    if not stat.S_ISREG(st.st_mode):
        raise StoreError(f"{path}: is a special file (device, FIFO or socket), not a database")


def connect(path: Path | str) -> Connection:
    path = Path(path)
    memory = str(path) == ":memory:"
    if not memory:
        check_path(path)
    try:
        if not memory:
            private.prepare(path)
        raw = sqlite3.connect(str(path), timeout=5.0, isolation_level=None)
    except (OSError, sqlite3.Error) as exc:
        raise StoreError(f"{path}: cannot open database: {exc}") from None
    raw.row_factory = sqlite3.Row
    conn = Connection(raw, path)
    try:
        raw.execute("PRAGMA journal_mode=WAL")
        raw.execute("PRAGMA synchronous=NORMAL")
        raw.execute("PRAGMA foreign_keys=ON")
        migrate(raw, path)
    except sqlite3.Error as exc:
        raw.close()
        err = explain(path, exc, "opening")
        if isinstance(err, StoreDamaged):
            raise StoreDamaged(
                f"{path}: not a usable mockint database ({exc}); `mockint doctor` recovers "
                "what can be read, or pass --db"
            ) from None
        raise err from None
    except StoreError:
        raw.close()
        raise
    # Answers, stories and notes are personal: checked at every start (store/private.py).
    for line in private.make_private(None if memory else path):
        print(line, file=sys.stderr)
    return conn


CREATE_TABLE = re.compile(r"CREATE TABLE\s+(?:IF NOT EXISTS\s+)?(\w+)", re.IGNORECASE)


def migrate(conn: sqlite3.Connection, path: Path) -> None:
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > LATEST:
        raise StoreError(
            f"{path}: written by a newer mockint (schema {version}, this one knows {LATEST})"
        )
    tables: set[str] | None = None
    for number, sql in MIGRATIONS:
        if number <= version:
            # Numbers are reserved per workstream, so a database can reach a later number
            # before an earlier one exists (a gap). Such a step is applied when the first
            # table it creates is missing; the version stays where it is.
            probe = CREATE_TABLE.search(sql)
            if probe is None:
                continue
            if tables is None:
                rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
                tables = {r[0] for r in rows}
            if probe.group(1) in tables:
                continue
        # One transaction per step: a crash mid-migration leaves the previous version intact.
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in statements(sql):
                conn.execute(statement)
            if number > version:
                conn.execute(f"PRAGMA user_version={number}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise


def statements(sql: str) -> list[str]:
    """Split a migration into statements; a trigger's body keeps its own semicolons."""
    out: list[str] = []
    chunk = ""
    for piece in sql.split(";"):
        chunk += piece + ";"
        if sqlite3.complete_statement(chunk):
            if chunk.strip(" \n;"):
                out.append(chunk)
            chunk = ""
    if chunk.strip(" \n;"):
        out.append(chunk)
    return out
