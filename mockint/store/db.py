"""Opening the SQLite database: WAL, foreign keys, numbered migrations, clear errors.

The app's process uses the standard sqlite3 module rather than sqlite-utils because
importing sqlite-utils imports numpy, which the UI process must never load (start-up time).
sqlite-utils remains the tool for reading the data by hand (see README).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from mockint.store.migrations import LATEST, MIGRATIONS


class StoreError(Exception):
    """The database cannot be used; the message names the file and what is wrong."""


def connect(path: Path | str) -> sqlite3.Connection:
    path = Path(path)
    try:
        if str(path) != ":memory:":
            path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(str(path), timeout=5.0, isolation_level=None)
    except (OSError, sqlite3.Error) as exc:
        raise StoreError(f"{path}: cannot open database: {exc}") from None
    conn.row_factory = sqlite3.Row
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA foreign_keys=ON")
        migrate(conn, path)
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise StoreError(
            f"{path}: not a usable mockint database ({exc}); move it aside or pass --db"
        ) from None
    return conn


def migrate(conn: sqlite3.Connection, path: Path) -> None:
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > LATEST:
        raise StoreError(
            f"{path}: written by a newer mockint (schema {version}, this one knows {LATEST})"
        )
    for number, sql in MIGRATIONS:
        if number <= version:
            continue
        # One transaction per step: a crash mid-migration leaves the previous version intact.
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in statements(sql):
                conn.execute(statement)
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
