"""The fork server: a clean, pre-warmed process that runs each request in a sandboxed child.

The worker forks the zygote right after importing NumPy and torch and before it loads any
problem, so the zygote (and every process forked from it) holds no expected value and no
hidden case. Requests (code and one case's input) travel on a pipe per sandbox session
whose read end is passed to the zygote over a Unix socket; only a runner ever reads them.

Process tree of one sandbox session (the worker keeps a few: see worker.ZygoteProcess):
  zygote (child subreaper; multiplexes sessions, enforces wall time and output caps)
    └─ outer child: new process group; unshare mount/net/pid (+user) namespaces; read-only
       file system, secrets masked, a tmpfs work directory
         └─ session init: pid 1 of the new pid namespace; mounts /proc; never runs
            submitted code (the kernel spares a namespace's init from SIGXCPU and SIGXFSZ)
              └─ runner, one per request: rlimits, nobody, no new privileges; harness
After each runner the init kills everything else in the namespace and mounts a fresh
tmpfs; when the init dies, the kernel kills whatever is left in the namespace.
"""

from __future__ import annotations

import contextlib
import json
import os
import select
import signal
import socket
import struct
import time

from mockint.grading import sandbox, session

FRAME_CAP = 32 * 1024 * 1024
KEEP_OUTPUT = 16 * 1024


def send_msg(sock: socket.socket, obj: dict, fds: list[int] | None = None) -> None:
    data = json.dumps(obj).encode()
    msg = struct.pack("!I", len(data)) + data
    if fds:
        socket.send_fds(sock, [msg], fds)
    else:
        sock.sendall(msg)


def recv_msg(sock: socket.socket) -> tuple[dict | None, list[int]]:
    head, fds, _, _ = socket.recv_fds(sock, 4, 4)
    if len(head) == 0:
        return None, fds
    while len(head) < 4:
        more = sock.recv(4 - len(head))
        if not more:
            return None, fds
        head += more
    (n,) = struct.unpack("!I", head)
    buf = b""
    while len(buf) < n:
        chunk = sock.recv(n - len(buf))
        if not chunk:
            return None, fds
        buf += chunk
    return json.loads(buf), fds


class _Setup:
    """How this zygote sandboxes: decided once by a probe at start."""

    def __init__(self, judge_root: str, masks: list[str]):
        self.judge_root = judge_root
        self.masks = usable_masks(masks, judge_root)
        self.namespaces, self.warning = _probe(judge_root, self.masks)
        self.base_nproc = _count_user_tasks(os.getuid()) if os.getuid() != 0 else 0


def usable_masks(masks: list[str], judge_root: str) -> list[str]:
    """Existing paths to hide, except any that would also hide the work directory or Python."""
    import sys

    keep_visible = [
        judge_root,
        sys.prefix,
        sys.base_prefix,
        os.path.dirname(os.path.dirname(__file__)),
    ]
    out = []
    for mask in masks:
        mask = os.path.realpath(mask)
        if not os.path.exists(mask):
            continue
        if any(os.path.commonpath([mask, os.path.realpath(v)]) == mask for v in keep_visible):
            continue  # an ancestor of something the sandbox needs
        out.append(mask)
    return out


def _count_user_tasks(uid: int) -> int:
    n = 0
    for pid in os.listdir("/proc"):
        if pid.isdigit():
            try:
                st = os.stat(f"/proc/{pid}")
                if st.st_uid == uid:
                    n += len(os.listdir(f"/proc/{pid}/task"))
            except OSError:
                pass
    return n


def _probe(judge_root: str, masks: list[str]) -> tuple[bool, str]:
    if os.environ.get("MOCKINT_JUDGE_NO_NAMESPACES") == "1":  # to test the fallback path
        return False, (
            "Linux namespaces switched off by MOCKINT_JUDGE_NO_NAMESPACES; submissions run "
            "with resource limits only: the file system and network are NOT isolated."
        )
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(r)
        try:
            sandbox.enter_namespaces()
            failed = sandbox.confine_filesystem(judge_root, masks, 1)
            if failed:
                raise OSError(f"could not make read-only: {', '.join(failed[:5])}")
            inner = os.fork()
            if inner == 0:
                sandbox.mount_proc()
                os._exit(0)
            _, status = os.waitpid(inner, 0)
            if status != 0:
                raise OSError("the pid namespace could not mount /proc")
            os.write(w, b"ok")
        except BaseException as exc:
            os.write(w, str(exc).encode()[:500])
        os._exit(0)
    os.close(w)
    answer = session.read_all(r, 1000).decode(errors="replace")
    os.close(r)
    os.waitpid(pid, 0)
    if answer == "ok":
        return True, ""
    return False, (
        "Linux namespaces are not available to this user (" + (answer or "unknown error") + "); "
        "submissions run with resource limits only: the file system and network are NOT isolated."
    )


def serve(sock: socket.socket, judge_root: str, masks: list[str]) -> None:
    """Zygote main loop (never returns)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    sandbox.prctl(sandbox.PR_SET_CHILD_SUBREAPER, 1)
    sandbox.prctl(sandbox.PR_SET_PDEATHSIG, signal.SIGKILL)
    import gc

    import torch

    torch.set_num_threads(1)
    from mockint.grading import harness  # imported once here, not per child

    setup = _Setup(judge_root, masks)
    send_msg(sock, {"ready": True, "namespaces": setup.namespaces, "warning": setup.warning})
    wake_r, wake_w = os.pipe()
    os.set_blocking(wake_r, False)
    os.set_blocking(wake_w, False)
    _WAKE[:] = [wake_r]
    signal.set_wakeup_fd(wake_w)
    # The worker cancels a run with SIGUSR1; the handler only has to exist.
    signal.signal(signal.SIGUSR1, lambda *_: None)
    harness.warm_up()
    gc.collect()
    # Children would otherwise copy every page the collector touches.
    gc.freeze()
    sandbox.collapse_to_huge_pages()
    sessions: dict[int, _Session] = {}
    while True:
        busy = [x for x in sessions.values() if x.busy]
        waits = [x.deadline() - time.monotonic() for x in busy]
        waits += [0.01 for x in busy if x.pidfd is None]  # no pidfd: look for its exit now and then
        fds = [sock, _WAKE[0]] + [fd for x in busy for fd in x.fds()]
        ready, _, _ = select.select(fds, [], [], max(0.0, min(waits)) if waits else None)
        if _WAKE[0] in ready and _drain(_WAKE[0]):
            for x in busy:  # the worker cancelled: stop everything that is running
                x.cancelled = True
        for x in busy:
            x.handle(ready)
            if x.is_finished():
                reply, blobs = x.finish()
                if not reply["session_alive"]:
                    sessions.pop(x.sid).close()
                send_msg(sock, reply)
                for blob in blobs:
                    sock.sendall(blob)
        if sock not in ready:
            continue
        msg, fds = recv_msg(sock)
        if msg is None:
            for x in sessions.values():
                x.close()
            os._exit(0)
        op, sid = msg.get("op"), msg.get("sid")
        if op == "session" and len(fds) == 1 and sid not in sessions:
            sessions[sid] = _Session(setup, fds[0], msg["tmpfs_mb"], sid)
            continue
        for fd in fds:
            os.close(fd)
        if op == "run" and sid in sessions and not sessions[sid].busy:
            sessions[sid].begin(msg)
        elif op == "end" and sid in sessions:
            sessions.pop(sid).close()


class _Session:
    """One sandbox: namespaces set up once, then a fresh runner process per request.

    The session init (pid 1 of the new pid namespace, or the outer child without
    namespaces) forks a runner for each request; it reports on its own control pipe, which
    runners close, so they cannot forge test boundaries. Several sessions can be running
    at once; the zygote's loop feeds each the pipes that became readable.
    """

    def __init__(self, setup: _Setup, payload_fd: int, tmpfs_mb: int, sid: int):
        self.setup, self.sid = setup, sid
        self.out_r, out_w = os.pipe()
        self.frame_r, frame_w = os.pipe()
        self.ctl_r, ctl_w = os.pipe()
        pid = os.fork()
        if pid == 0:
            for fd in (self.out_r, self.frame_r, self.ctl_r):
                os.close(fd)
            session.session_main(payload_fd, out_w, frame_w, ctl_w, setup, tmpfs_mb)
        for fd in (payload_fd, out_w, frame_w, ctl_w):
            os.close(fd)
        self.pid = pid
        _LIVE_SESSIONS.add(pid)
        try:
            self.pidfd = os.pidfd_open(pid)
        except (OSError, AttributeError):  # kernels before 5.3: poll instead
            self.pidfd = None
        self.ctl_buf = b""
        self.exited = None  # wait status once the session's outer process is gone
        self.busy = False

    def begin(self, msg: dict) -> None:
        self.msg, self.busy = msg, True
        self.started = time.monotonic()
        self.out_keep, self.out_total, self.frame = bytearray(), 0, bytearray()
        self.timed_out = self.output_exceeded = self.frame_exceeded = self.cancelled = False
        self.end = None

    def fds(self) -> list[int]:
        alive = self.exited is None and self.pidfd is not None
        return [self.out_r, self.frame_r, self.ctl_r] + ([self.pidfd] if alive else [])

    def deadline(self) -> float:
        return self.started + self.msg["wall_s"]

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
        if self.end is None and time.monotonic() >= self.deadline():
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
        for chunk in _drain_chunks(self.out_r):
            self._take_output(chunk)
        for chunk in _drain_chunks(self.frame_r):
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
        reply = {
            "sid": self.sid,
            "exit": os.WEXITSTATUS(status) if os.WIFEXITED(status) else None,
            "signal": os.WTERMSIG(status) if os.WIFSIGNALED(status) else None,
            "wall_s": wall,
            "cpu_s": cpu,
            "timed_out": self.timed_out,
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
        request may reach it before we read the worker's "run"), `E <status> <cpu> <end>`."""
        for chunk in _drain_chunks(self.ctl_r):
            self.ctl_buf += chunk
        while b"\n" in self.ctl_buf:
            line, self.ctl_buf = self.ctl_buf.split(b"\n", 1)
            parts = line.split()
            if len(parts) == 2 and parts[0] == b"B":
                self.started = min(self.started, float(parts[1]))
            elif len(parts) == 4 and parts[0] == b"E":
                return int(parts[1]), float(parts[2]), float(parts[3])
        return None

    def kill(self) -> None:
        _kill_group(self.pid)
        if self.exited is None:
            _, self.exited, _ = os.wait4(self.pid, 0)
        _LIVE_SESSIONS.discard(self.pid)
        _reap_orphans(spare=_LIVE_SESSIONS)

    def close(self) -> None:
        self.kill()
        for fd in (self.out_r, self.frame_r, self.ctl_r, self.pidfd):
            if fd is not None:
                os.close(fd)
        if not self.setup.namespaces:  # its runners' directories (named after the session)
            for name in os.listdir(self.setup.judge_root):
                if name.startswith(f"run-{self.pid}-"):
                    session.remove_tree(os.path.join(self.setup.judge_root, name))


def _drain_chunks(fd: int):
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


_WAKE: list[int] = []


def _drain(fd: int) -> bool:
    got = False
    try:
        while os.read(fd, 512):
            got = True
    except BlockingIOError:
        pass
    return got


def _kill_group(pid: int) -> None:
    # The process itself too: a session killed right after its fork may not lead a group yet.
    for kill, target in ((os.killpg, pid), (os.kill, pid)):
        with contextlib.suppress(ProcessLookupError, PermissionError):
            kill(target, signal.SIGKILL)


_LIVE_SESSIONS: set[int] = set()


def _reap_orphans(spare: set[int] = frozenset()) -> None:
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
