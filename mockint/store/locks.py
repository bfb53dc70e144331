"""One writer per session: an app instance holds a session while it records it.

A second instance is told who holds it (pid, since when) and may take it over only when
that holder is gone or after the user confirms. A holder that was killed (kill -9, a
power cut) leaves a stale row: its process no longer exists, or the pid now belongs to a
process started at another time, so the next instance takes over without asking.
"""

from __future__ import annotations

import os
import time
import weakref
from dataclasses import dataclass

from mockint.store.db import StoreError
from mockint.store.sessions import Store


def _host() -> str:
    return os.uname().nodename  # as socket.gethostname(), without importing socket


@dataclass(frozen=True)
class Holder:
    token: str
    pid: int
    host: str
    proc_start: str | None
    since: float

    def describe(self) -> str:
        when = time.strftime("%H:%M:%S", time.localtime(self.since))
        where = "" if self.host == _host() else f" on {self.host}"
        return f"pid {self.pid}{where}, since {when}"


class SessionBusy(StoreError):
    """Another live mockint holds the session."""

    def __init__(self, session_id: int, holder: Holder) -> None:
        super().__init__(f"session {session_id} is open in another mockint ({holder.describe()})")
        self.session_id = session_id
        self.holder = holder


class SessionTaken(StoreError):
    """This instance held the session and another one took it over."""


def _stat(pid: int) -> list[str] | None:
    """/proc/PID/stat from field 3 on (Linux); None where it cannot be read."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as f:
            stat = f.read()
    except OSError:
        return None
    # The command name (field 2) may contain spaces and parentheses: split after the last ')'.
    return stat.rsplit(")", 1)[-1].split()


def process_start(pid: int) -> str | None:
    """The start time of a process in clock ticks since boot, to tell a reused pid from the
    original process; None where /proc is not there."""
    fields = _stat(pid)
    return fields[19] if fields and len(fields) > 19 else None


def is_alive(holder: Holder) -> bool:
    if holder.host != _host():
        return True  # cannot check another machine's processes: assume it is alive
    if holder.pid == os.getpid():
        # Another lease of this same process: alive while that Lease object is.
        return holder.token in _LIVE
    try:
        os.kill(holder.pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # exists, owned by someone else
    fields = _stat(holder.pid)
    if fields and fields[0] in ("Z", "X"):
        return False  # killed, not yet reaped by its parent
    start = fields[19] if fields and len(fields) > 19 else None
    return holder.proc_start is None or start is None or start == holder.proc_start


_LIVE: weakref.WeakValueDictionary[str, Lease] = weakref.WeakValueDictionary()


class Lease:
    """This instance's hold on one session."""

    def __init__(self, store: Store, session_id: int) -> None:
        self.store = store
        self.session_id = session_id
        self.token = os.urandom(16).hex()
        _LIVE[self.token] = self

    def holder(self) -> Holder | None:
        row = self.store.conn.execute(
            "SELECT token, pid, host, proc_start, since FROM session_holders WHERE session_id = ?",
            (self.session_id,),
        ).fetchone()
        if row is None:
            return None
        return Holder(row["token"], row["pid"], row["host"], row["proc_start"], row["since"])

    def claim(self, *, force: bool = False, now: float | None = None) -> Holder | None:
        """Take the session. Raises SessionBusy if a live instance holds it and `force` is
        not set; returns the stale or forced-out holder it replaced, if any."""
        now = time.time() if now is None else now
        with self.store.transaction() as c:
            row = c.execute(
                "SELECT token, pid, host, proc_start, since FROM session_holders"
                " WHERE session_id = ?",
                (self.session_id,),
            ).fetchone()
            old = (
                Holder(row["token"], row["pid"], row["host"], row["proc_start"], row["since"])
                if row is not None
                else None
            )
            if old is not None and old.token != self.token and is_alive(old) and not force:
                raise SessionBusy(self.session_id, old)
            pid = os.getpid()
            c.execute(
                "INSERT INTO session_holders (session_id, token, pid, host, proc_start, since)"
                " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(session_id) DO UPDATE SET"
                " token = excluded.token, pid = excluded.pid, host = excluded.host,"
                " proc_start = excluded.proc_start, since = excluded.since",
                (self.session_id, self.token, pid, _host(), process_start(pid), now),
            )
        return old if old is not None and old.token != self.token else None

    def check(self) -> None:
        """Raise SessionTaken if another instance has taken the session over."""
        h = self.holder()
        if h is not None and h.token != self.token:
            raise SessionTaken(
                f"session {self.session_id} was taken over by another mockint "
                f"({h.describe()}); this window stopped recording it"
            )

    def release(self) -> None:
        _LIVE.pop(self.token, None)
        with self.store.transaction() as c:
            c.execute(
                "DELETE FROM session_holders WHERE session_id = ? AND token = ?",
                (self.session_id, self.token),
            )
