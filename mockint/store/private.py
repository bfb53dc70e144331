"""What mockint keeps is the user's alone: the data directory is 0700 and the database with
its `-wal`, `-shm` and `-journal` files 0600, whatever the umask.

SQLite makes a database's side files with the database file's own mode, so the file is
created 0600 before SQLite first opens it. Files and a directory left readable by others (by
an older mockint, a copy, a restored backup) are made private at every start, with a line
saying so.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from mockint.paths import private_dir, user_data_dir

SIDE_FILES = ("", "-wal", "-shm", "-journal")


def prepare(db: Path) -> None:
    """Before SQLite opens `db`: its folder made (private) and, if new, the file made 0600."""
    private_dir(db.parent)
    try:
        fd = os.open(db, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return
    os.close(fd)


def make_private(db: Path | None) -> list[str]:
    """Make the data directory and the database's files private; one line per change."""
    lines: list[str] = []
    _restrict(user_data_dir(), 0o700, lines)
    if db is not None:
        for suffix in SIDE_FILES:
            _restrict(Path(f"{db}{suffix}"), 0o600, lines)
    return lines


def _restrict(path: Path, mode: int, lines: list[str]) -> None:
    try:
        st = path.stat()
    except OSError:
        return  # not there (yet): nothing to fix
    if st.st_uid != os.getuid() or not st.st_mode & 0o077:
        return  # already private, or not ours to change
    try:
        os.chmod(path, mode)
    except OSError as exc:
        lines.append(f"mockint: {path} can be read by others and could not be fixed: {exc}")
        return
    lines.append(
        f"mockint: {path} could be read by other users (mode {stat.S_IMODE(st.st_mode):04o});"
        f" it is now {mode:04o}."
    )
