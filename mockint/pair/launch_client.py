"""The warm launcher seen from the server: it is started once, says when it is ready, forks
an app process on request (the pty's slave end passed over a Unix socket) and reports each
one's exit, so the server can relaunch it (a swap of roles) or end its SSH session."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import socket
import subprocess
import sys
from collections.abc import Callable


class Launcher:
    def __init__(self, log_path: str | None = None) -> None:
        self.log_path = log_path
        self.proc: subprocess.Popen[bytes] | None = None
        self.sock: socket.socket | None = None
        self._ids = 0
        self._waiting: dict[int, asyncio.Future[int]] = {}
        self._ready: asyncio.Future[None] | None = None
        self.on_exit: dict[int, Callable[[int | None], None]] = {}

    async def start(self) -> None:
        loop = asyncio.get_running_loop()
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        env = dict(os.environ)
        env.update({"PYTHONUTF8": "1", "PYTHONIOENCODING": "utf-8"})
        # Textual paces screen updates at its frame rate; a keystroke crosses two apps on its
        # way to the interviewer, so a higher rate cuts the mirror delay (idle costs nothing).
        env.setdefault("TEXTUAL_FPS", "120")
        for k in ("COLUMNS", "LINES"):
            env.pop(k, None)
        log = open(self.log_path, "ab") if self.log_path else subprocess.DEVNULL  # noqa: SIM115
        try:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "mockint.pair.launcher", str(theirs.fileno())],
                pass_fds=[theirs.fileno()],
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=log,
                env=env,
            )
        finally:
            theirs.close()
            if not isinstance(log, int):
                log.close()
        ours.setblocking(False)
        self.sock = ours
        self._ready = loop.create_future()
        loop.add_reader(ours.fileno(), self._readable)
        await asyncio.wait_for(self._ready, 60)

    def _readable(self) -> None:
        assert self.sock is not None
        try:
            data = self.sock.recv(65536)
        except BlockingIOError:
            return
        except OSError:
            data = b""
        if not data:
            asyncio.get_running_loop().remove_reader(self.sock.fileno())
            for fut in self._waiting.values():
                if not fut.done():
                    fut.set_exception(RuntimeError("the launcher stopped"))
            return
        msg = json.loads(data)
        if msg.get("ready") and self._ready is not None and not self._ready.done():
            self._ready.set_result(None)
        elif "exit" in msg:
            cb = self.on_exit.pop(msg["exit"], None)
            if cb is not None:
                cb(msg.get("status"))
        elif "id" in msg:
            waiting = self._waiting.pop(msg["id"], None)
            if waiting is not None and not waiting.done():
                if "pid" in msg:
                    waiting.set_result(msg["pid"])
                else:
                    waiting.set_exception(RuntimeError(msg.get("error", "launch failed")))

    async def spawn(self, slave_fd: int, env: dict[str, str], socket_path: str, token: str) -> int:
        assert self.sock is not None
        self._ids += 1
        req = {"id": self._ids, "env": env, "socket": socket_path, "token": token}
        fut = asyncio.get_running_loop().create_future()
        self._waiting[self._ids] = fut
        socket.send_fds(self.sock, [json.dumps(req).encode()], [slave_fd])
        return await asyncio.wait_for(fut, 20)

    def stop(self) -> None:
        if self.sock is not None:
            with contextlib.suppress(Exception):
                asyncio.get_running_loop().remove_reader(self.sock.fileno())
            self.sock.close()
            self.sock = None
        if self.proc is not None:
            try:
                self.proc.wait(3)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
            self.proc = None
