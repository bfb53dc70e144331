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

import os
import select
import signal
import socket
import time

from mockint.grading import sandbox
from mockint.grading.framing import recv_msg, send_msg
from mockint.grading.live_session import LiveSession
from mockint.grading.probe import Setup


def serve(sock: socket.socket, judge_root: str, masks: list[str], keeps: list[str]) -> None:
    """Zygote main loop (never returns)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    sandbox.prctl(sandbox.PR_SET_CHILD_SUBREAPER, 1)
    sandbox.prctl(sandbox.PR_SET_PDEATHSIG, signal.SIGKILL)
    import gc

    import torch

    torch.set_num_threads(1)
    from mockint.grading import harness  # imported once here, not per child

    setup = Setup(judge_root, masks, keeps)
    send_msg(
        sock,
        {
            "ready": True,
            "namespaces": setup.namespaces,
            "warning": setup.warning,
            "processes": setup.processes,
            "protections": setup.protections(),
        },
    )
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
    sessions: dict[int, LiveSession] = {}
    while True:
        busy = [x for x in sessions.values() if x.busy]
        waits = [x.deadline() - time.monotonic() for x in busy]
        waits += [0.01 for x in busy if x.pidfd is None]  # no pidfd: look for its exit now and then
        watched = [sock.fileno(), _WAKE[0]] + [fd for x in busy for fd in x.fds()]
        ready, _, _ = select.select(watched, [], [], max(0.0, min(waits)) if waits else None)
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
        if sock.fileno() not in ready:
            continue
        msg, fds = recv_msg(sock)
        if msg is None:
            for x in sessions.values():
                x.close()
            os._exit(0)
        op, sid = msg.get("op"), msg.get("sid")
        if not isinstance(sid, int):
            for fd in fds:
                os.close(fd)
            continue
        if op == "session" and len(fds) == 1 and sid not in sessions:
            sessions[sid] = LiveSession(setup, fds[0], msg["tmpfs_mb"], sid)
            continue
        for fd in fds:
            os.close(fd)
        if op == "run" and sid in sessions and not sessions[sid].busy:
            sessions[sid].begin(msg)
        elif op == "end" and sid in sessions:
            sessions.pop(sid).close()


_WAKE: list[int] = []


def _drain(fd: int) -> bool:
    got = False
    try:
        while os.read(fd, 512):
            got = True
    except BlockingIOError:
        pass
    return got
