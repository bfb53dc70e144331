"""The zygote's view of one sandbox session: its pipes, the request running in it, its end.

A `LiveSession` is created when the worker opens a session; the zygote's loop (`zygote.serve`)
feeds it the pipes that became readable and asks it whether the running request is over.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import time
from collections.abc import Iterator

from mockint.grading import cpu_wait, session
from mockint.grading.cgroups import Cgroup
from mockint.grading.probe import Setup

FRAME_CAP = 32 * 1024 * 1024
KEEP_OUTPUT = 16 * 1024
# Time spent waiting for a CPU moves a test's wall deadline on by at most this many times
# its wall limit: a starved machine slows a test down, it does not hang it.
MAX_WAIT_PER_WALL = 9.0


class LiveSession:
    """One sandbox: namespaces set up once, then a fresh runner process per request.

    The session init (pid 1 of the new pid namespace, or the outer child without
    namespaces) forks a runner for each request; it reports on its own control pipe, which
    runners close, so they cannot forge test boundaries. Several sessions can be running
    at once; the zygote's loop feeds each the pipes that became readable.
    """

    def __init__(self, setup: Setup, payload_fd: int, tmpfs_mb: int, sid: int):
        self.setup, self.sid = setup, sid
        self.out_r, out_w = os.pipe()
        self.frame_r, frame_w = os.pipe()
        self.ctl_r, ctl_w = os.pipe()
        self.cgroup: Cgroup | None = None
        self.idle_usage = 0
        if setup.cgroups is not None:
            try:
                self.cgroup = setup.cgroups.make(f"s{sid}")
            except OSError:
                self.cgroup = None  # the session reports a sandbox error when it needs one
        pid = os.fork()
        if pid == 0:
            for fd in (self.out_r, self.frame_r, self.ctl_r):
                os.close(fd)
            session.session_main(
                payload_fd, out_w, frame_w, ctl_w, setup, tmpfs_mb, self.cgroup, self.needs_cgroup
            )
        for fd in (payload_fd, out_w, frame_w, ctl_w):
            os.close(fd)
        self.pid = pid
        LIVE_SESSIONS.add(pid)
        self.pidfd: int | None = None
        with contextlib.suppress(OSError, AttributeError):  # kernels before 5.3: poll instead
            self.pidfd = os.pidfd_open(pid)
        self.ctl_buf = b""
        self.exited: int | None = None  # wait status once the session's outer process is gone
        self.end: tuple[int, float, float] | None = None
        self.clock: list[list[int]] = []
        self.busy = False
        self.waited_for_cpu = self.grace = 0.0

    @property
    def needs_cgroup(self) -> bool:
        return self.setup.cgroups is not None

    def begin(self, msg: dict) -> None:
        self.msg, self.busy = msg, True
        self.oom_before = 0
        if self.cgroup is not None:
            # The request may use memory_mb more than the session held while idle.
            try:
                base = self.idle_usage or self.cgroup.usage()
                self.cgroup.set_memory(base + int(msg.get("memory_mb", 256)) * 2**20, absolute=True)
                self.oom_before = self.cgroup.oom_kills()
            except OSError:
                pass
        self.started = time.monotonic()
        self.out_keep, self.out_total, self.frame = bytearray(), 0, bytearray()
        self.timed_out = self.output_exceeded = self.frame_exceeded = self.cancelled = False
        self.end = None
        self.clock = []
        self.waited_for_cpu = self.grace = 0.0
        self.wait = cpu_wait.RequestWait(self.pid, self.setup.namespaces)

    def fds(self) -> list[int]:
        fds = [self.out_r, self.frame_r, self.ctl_r]
        if self.exited is None and self.pidfd is not None:
            fds.append(self.pidfd)
        return fds

    def deadline(self) -> float:
        return self.started + self.msg["wall_s"] + self.waited_for_cpu + self.grace

    def _waited_more(self) -> bool:
        """At the deadline: did the request's processes wait for a CPU since last asked, or
        has the runner already exited (its end is on the way)? Then the deadline moves on
        (see mockint.grading.cpu_wait) and True; never past MAX_WAIT_PER_WALL."""
        cap = MAX_WAIT_PER_WALL * self.msg["wall_s"]
        waited = self.wait.seconds()
        if waited is None or self.waited_for_cpu + self.grace >= cap:
            return False
        if self.wait.runner_gone:
            self.grace += 0.25
        elif waited > self.waited_for_cpu + 0.005:
            self.waited_for_cpu = min(waited, cap - self.grace)
        else:
            return False
        return time.monotonic() < self.deadline()

    def handle(self, ready: list[int]) -> None:
        if self.out_r in ready:
            self._take_output(os.read(self.out_r, 65536))
        if self.frame_r in ready:
            self.frame += os.read(self.frame_r, 1 << 20)
            self.frame_exceeded = len(self.frame) > FRAME_CAP
        if self.ctl_r in ready:
            self.end = self._read_end()
        if self.exited is None and self.end is None:
            if self.pidfd is None:
                done, status, _ = os.wait4(self.pid, os.WNOHANG)
                if done:
                    self.exited = status
            elif self.pidfd in ready:
                _, self.exited, _ = os.wait4(self.pid, 0)
        if self.end is None and time.monotonic() >= self.deadline() and not self._waited_more():
            self.timed_out = True

    def _take_output(self, chunk: bytes) -> None:
        self.out_total += len(chunk)
        if len(self.out_keep) < KEEP_OUTPUT:
            self.out_keep += chunk[: KEEP_OUTPUT - len(self.out_keep)]
        self.output_exceeded = self.out_total > self.msg["output_kb"] * 1024

    def is_finished(self) -> bool:
        return (
            self.end is not None
            or self.exited is not None
            or self.timed_out
            or self.cancelled
            or self.output_exceeded
            or self.frame_exceeded
        )

    def finish(self) -> tuple[dict, list[bytes]]:
        wall = time.monotonic() - self.started
        if self.end is None and self.exited is None:
            self.kill()
        # The runner is gone: what it wrote is already in the pipes.
        for chunk in drain_chunks(self.out_r):
            self._take_output(chunk)
        for chunk in drain_chunks(self.frame_r):
            if len(self.frame) <= FRAME_CAP:
                self.frame += chunk
        if self.end is None:
            self.end = self._read_end()  # the end line may have raced the session's exit
        if self.end:
            status, cpu, ended = self.end
            wall = ended - self.started
        else:
            status, cpu = (self.exited if self.exited is not None else 0), 0.0
        self.busy = False
        oom_killed = False
        if self.cgroup is not None:
            oom_killed = self.cgroup.oom_kills() > self.oom_before
            if self.exited is None:
                self.idle_usage = self.cgroup.usage()
        reply = {
            "oom_killed": oom_killed,
            "clock": self.clock,
            "sid": self.sid,
            "exit": os.WEXITSTATUS(status) if os.WIFEXITED(status) else None,
            "signal": os.WTERMSIG(status) if os.WIFSIGNALED(status) else None,
            "wall_s": wall,
            "cpu_s": cpu,
            "timed_out": self.timed_out,
            "cpu_wait_s": self.waited_for_cpu,
            "output_exceeded": self.output_exceeded,
            "frame_exceeded": self.frame_exceeded or len(self.frame) > FRAME_CAP,
            "cancelled": self.cancelled,
            "output_bytes": self.out_total,
            "output_len": len(self.out_keep),
            "frame_len": min(len(self.frame), FRAME_CAP),
            "session_alive": self.exited is None,
        }
        return reply, [bytes(self.out_keep), bytes(self.frame[:FRAME_CAP])]

    def _read_end(self) -> tuple[int, float, float] | None:
        """Parse the session init's lines: `B <start>` when the runner took the request (the
        request may reach it before we read the worker's "run"), `C <json>` the runner's CPU
        clock samples, `E <status> <cpu> <end>`."""
        for chunk in drain_chunks(self.ctl_r):
            self.ctl_buf += chunk
        while b"\n" in self.ctl_buf:
            line, self.ctl_buf = self.ctl_buf.split(b"\n", 1)
            parts = line.split()
            if len(parts) == 2 and parts[0] == b"B":
                self.started = min(self.started, float(parts[1]))
            elif line.startswith(b"C "):
                with contextlib.suppress(ValueError):
                    self.clock = json.loads(line[2:])
            elif len(parts) == 4 and parts[0] == b"E":
                return int(parts[1]), float(parts[2]), float(parts[3])
        return None

    def kill(self) -> None:
        _kill_group(self.pid)
        if self.exited is None:
            _, self.exited, _ = os.wait4(self.pid, 0)
        LIVE_SESSIONS.discard(self.pid)
        _reap_orphans(spare=LIVE_SESSIONS)

    def close(self) -> None:
        self.kill()
        for fd in (self.out_r, self.frame_r, self.ctl_r, self.pidfd):
            if fd is not None:
                os.close(fd)
        if self.cgroup is not None:
            self.cgroup.remove()
        if not self.setup.namespaces:  # its runners' directories (named after the session)
            for name in os.listdir(self.setup.judge_root):
                if name.startswith(f"run-{self.pid}-"):
                    session.remove_tree(os.path.join(self.setup.judge_root, name))


def drain_chunks(fd: int) -> Iterator[bytes]:
    os.set_blocking(fd, False)
    try:
        while True:
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                return
            yield chunk
    except BlockingIOError:
        return
    finally:
        os.set_blocking(fd, True)


def _kill_group(pid: int) -> None:
    # The process itself too: a session killed right after its fork may not lead a group yet.
    for kill, target in ((os.killpg, pid), (os.kill, pid)):
        with contextlib.suppress(ProcessLookupError, PermissionError):
            kill(target, signal.SIGKILL)


LIVE_SESSIONS: set[int] = set()


def _reap_orphans(spare: set[int] | frozenset[int] = frozenset()) -> None:
    """Kill and reap every child but `spare` (escapees re-parented to us as subreaper)."""
    for _ in range(200):
        kids = session.children() - spare
        for kid in kids:
            for target in (-kid, kid):
                with contextlib.suppress(ProcessLookupError, PermissionError):
                    os.kill(target, signal.SIGKILL)
        for kid in kids:
            with contextlib.suppress(ChildProcessError):
                os.waitpid(kid, os.WNOHANG)
        if not kids:
            return
        time.sleep(0.001)
