"""A rolling backup of the database at the end of each session (SQLite's backup API, which
copies a consistent snapshot even while the file is in use); the last few are kept.

Backups live in the user data directory (`backups/`), which the judge's sandbox masks, not
beside a database named with --db, so a submission can never read them.
"""

from __future__ import annotations

import hashlib
import sqlite3
import time
from pathlib import Path

from mockint.paths import private_dir, user_data_dir
from mockint.store.db import StoreError
from mockint.store.sessions import Store

KEEP = 5


def backup_dir() -> Path:
    return user_data_dir() / "backups"


def _prefix(db: Path) -> str:
    digest = hashlib.sha256(str(db.resolve()).encode()).hexdigest()[:8]
    return f"{db.stem}-{digest}-"


def backups_of(db: Path) -> list[Path]:
    """This database's backups, oldest first."""
    folder = backup_dir()
    if not folder.is_dir():
        return []
    return sorted(folder.glob(_prefix(db) + "*.db"))


def backup(store: Store, *, keep: int = KEEP, now: float | None = None) -> Path:
    """Write a backup of `store` and drop all but the newest `keep`; returns its path."""
    folder = backup_dir()
    stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime(now))
    dest = folder / f"{_prefix(store.path)}{stamp}.db"
    n = 1
    while dest.exists():  # two sessions ending within one second
        n += 1
        dest = folder / f"{_prefix(store.path)}{stamp}-{n}.db"
    try:
        private_dir(folder)
        target = sqlite3.connect(str(dest))
        try:
            store.conn.raw.backup(target)
        finally:
            target.close()
        dest.chmod(0o600)
    except (OSError, sqlite3.Error) as exc:
        dest.unlink(missing_ok=True)
        raise StoreError(f"{dest}: backup failed: {exc}") from None
    for old in backups_of(store.path)[:-keep]:
        old.unlink(missing_ok=True)
    return dest
