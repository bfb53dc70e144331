"""How long a test's runner was ready to run but waited for a CPU (Linux schedstat).

A test's wall-clock limit is there to stop code that sleeps or waits on its own. On a busy
machine the runner, at nice 10 behind the user's other programs, can also spend seconds
ready but not running: that time is the machine's, not the submission's, so the zygote
moves the deadline on by it (up to a cap). Where /proc does not say, nothing is added.
"""

from __future__ import annotations

import contextlib


def run_delay_s(pid: int) -> float | None:
    """Seconds `pid` (its main thread) has waited on a run queue since it started."""
    try:
        with open(f"/proc/{pid}/schedstat") as f:
            return int(f.read().split()[1]) / 1e9
    except (OSError, ValueError, IndexError):
        return None


def children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            return [int(x) for x in f.read().split()]
    except (OSError, ValueError):
        return []


def _start_time(pid: int) -> int:
    with contextlib.suppress(OSError, ValueError, IndexError), open(f"/proc/{pid}/stat") as f:
        return int(f.read().rsplit(")", 1)[1].split()[19])
    return 1 << 62


def session_init(session_pid: int, namespaces: bool) -> int | None:
    """The init of the session led by `session_pid` (its child when it has a pid namespace
    of its own, else the session process itself)."""
    if not namespaces:
        return session_pid
    inits = children(session_pid)
    return inits[0] if inits else None


def runner_of(init: int) -> int | None:
    """The init's oldest child: when a request begins, the runner that will take it (the
    previous one and all it started are gone; a next one is forked only after it)."""
    kids = children(init)
    return min(kids, key=_start_time) if kids else None


class RequestWait:
    """What a request's processes waited for a CPU since it began: the init's wait from
    then (it wakes for the request and forks, a large process: on a starved CPU that alone
    takes seconds) plus the runner's whole wait (it was idle until the request came)."""

    def __init__(self, session_pid: int, namespaces: bool):
        self.session_pid, self.namespaces = session_pid, namespaces
        self.init = session_init(session_pid, namespaces)
        self.init_before = run_delay_s(self.init) if self.init is not None else None
        self.runner = runner_of(self.init) if self.init is not None else None
        self.runner_wait = 0.0
        self.runner_gone = False

    def seconds(self) -> float | None:
        """None where /proc does not say. Sets `runner_gone` once the runner has exited."""
        if self.init is None:  # a new session still setting up: all its init waited counts
            self.init = session_init(self.session_pid, self.namespaces)
            self.init_before = 0.0
        if self.init is None or self.init_before is None:
            return None
        if self.runner is None:
            self.runner = runner_of(self.init)
        init_now = run_delay_s(self.init)
        if init_now is None:
            return None
        if self.runner is not None:
            runner_now = run_delay_s(self.runner)
            if runner_now is None:
                self.runner_gone = True
            else:
                self.runner_wait = runner_now
        return init_now - self.init_before + self.runner_wait
