"""The warm launcher: one process that has imported the pair app once and forks an app
process per SSH session, in the pseudo-terminal the server hands it.

A fresh Python that imports Textual and the screens costs most of a second before its first
frame; a fork of this process costs a few milliseconds and shares the imported modules.
This process starts no thread and no event loop, so forking it is safe.

Protocol on a SOCK_SEQPACKET socket pair (one JSON object per message):
  server -> launcher: {"id", "env", "socket", "token"} with the pty's slave fd attached
  launcher -> server: {"ready": true} once warm; {"id", "pid"} per fork;
                      {"exit": pid, "status": code} when an app process has ended
"""

from __future__ import annotations

import contextlib
import json
import os
import select
import signal
import socket
import sys
from typing import Any

MAX_MSG = 64 * 1024


def _warm_up() -> None:
    # Everything an app process needs before its first frame, imported once here.
    import threading

    import mockint.pair.app
    import mockint.pair.ui.feedback
    import mockint.pair.ui.live
    import mockint.pair.ui.lobby  # noqa: F401
    from mockint.pair.detect import warm_up
    from mockint.pair.rehearsal import rehearse

    try:
        rehearse()
        warm_up()
    except Exception:  # a rehearsal that fails only costs speed
        import traceback

        traceback.print_exc()
    if threading.active_count() > 1:  # forking with threads alive is not safe
        raise RuntimeError("the launcher has threads after its warm-up")
    # Everything imported and rehearsed so far lives as long as the launcher: out of the
    # garbage collector's sight, so an app process's collections do not walk (and so copy,
    # page by page) the heap it shares with this process.
    import gc

    gc.collect()
    gc.freeze()


def _child(req: dict[str, Any], slave: int, sock: socket.socket) -> None:
    code = 70
    try:
        sock.close()
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        os.setsid()
        import fcntl
        import termios

        fcntl.ioctl(slave, termios.TIOCSCTTY, 0)
        for fd in (0, 1, 2):
            os.dup2(slave, fd)
        if slave > 2:
            os.close(slave)
        os.closerange(3, 1024)
        # Only what the server chose (a whitelist of the client's variables and a UTF-8
        # locale); never COLUMNS/LINES, which would freeze the size.
        os.environ.clear()
        os.environ.update(req["env"])
        from mockint.pair.app import run_app_process

        code = run_app_process(req["socket"], req["token"])
    except BaseException:
        import traceback

        with open(os.devnull, "w") as sink:  # the pty is the user's screen: keep it clean
            traceback.print_exc(file=sink)
    finally:
        os._exit(code)


def serve(fd: int) -> None:
    sock = socket.socket(fileno=fd)
    _warm_up()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the server decides when we stop
    sock.send(json.dumps({"ready": True}).encode())
    children: set[int] = set()
    while True:
        readable, _, _ = select.select([sock], [], [], 0.5)
        while children:
            try:
                pid, status = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                break
            if pid == 0:
                break
            children.discard(pid)
            code = os.waitstatus_to_exitcode(status)
            with contextlib.suppress(OSError):
                sock.send(json.dumps({"exit": pid, "status": code}).encode())
        if not readable:
            continue
        try:
            data, fds, _flags, _addr = socket.recv_fds(sock, MAX_MSG, 4)
        except OSError:
            break
        if not data:
            break  # the server is gone; its ptys close and the apps end on their own
        try:
            req = json.loads(data)
        except ValueError:
            for extra in fds:
                os.close(extra)
            continue
        if len(fds) != 1:
            for extra in fds:
                os.close(extra)
            sock.send(json.dumps({"id": req.get("id"), "error": "no pty"}).encode())
            continue
        slave = fds[0]
        pid = os.fork()
        if pid == 0:
            _child(req, slave, sock)
        os.close(slave)
        children.add(pid)
        sock.send(json.dumps({"id": req.get("id"), "pid": pid}).encode())


if __name__ == "__main__":
    serve(int(sys.argv[1]))
