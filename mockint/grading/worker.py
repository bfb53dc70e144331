"""The grading process: `python -m mockint.grading.worker`, JSON lines on stdin and stdout.

It imports NumPy and torch once, forks the clean zygote (see `zygote`), and only then loads
problems, so expected values never reach a process that runs submitted code. Requests:

  {"op": "grade", "id": 1, "code": "...", "slug": "moving-average", "hidden": false}
  {"op": "cancel", "id": 1}
  {"op": "ping", "id": 2}
  {"op": "shutdown"}

Events, one JSON object per line: `{"event": "ready", "namespaces": bool, "warning": str|null}`
once, then per request `started`, `test` (one per case), `advice`, and finally exactly one
of `done` (with `result`), `cancelled` or `error` (with `kind` and `message`).
"""

from __future__ import annotations

import json
import os
import queue
import shutil
import signal
import socket
import struct
import sys
import tempfile
import threading
import traceback


class ZygoteDied(RuntimeError):
    pass


def _recv_exact(sock: socket.socket, n: int) -> bytes:
    buf = bytearray()
    while len(buf) < n:
        chunk = sock.recv(min(1 << 20, n - len(buf)))
        if not chunk:
            raise ZygoteDied("the sandbox server stopped")
        buf += chunk
    return bytes(buf)


def _write_all(fd: int, data: bytes) -> None:
    try:
        view = memoryview(data)
        while view:
            n = os.write(fd, view)
            view = view[n:]
    except OSError:
        pass  # the session died or stopped reading; its verdict says why


class ZygoteProcess:
    def __init__(self, judge_root: str, masks: list[str]):
        from mockint.grading import zygote

        self._zygote = zygote
        parent, child = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        pid = os.fork()
        if pid == 0:
            try:
                parent.close()
                keep = child.fileno()
                os.closerange(3, keep)
                os.closerange(keep + 1, 65536)
                null = os.open("/dev/null", os.O_RDONLY)
                os.dup2(null, 0)
                os.dup2(2, 1)
                zygote.serve(child, judge_root, masks)
            finally:
                os._exit(0)
        child.close()
        self.sock, self.pid = parent, pid
        self.session_w: int | None = None
        self.standby_w: int | None = None
        hello, _ = zygote.recv_msg(parent)
        if not hello:
            raise ZygoteDied("the sandbox server did not start")
        self.namespaces, self.warning = hello["namespaces"], hello["warning"] or None

    def run(self, payload: dict, limits: dict) -> tuple[dict, bytes, bytes]:
        """Run one request in the current sandbox session (opened on first use)."""
        self.open_session()
        data = json.dumps({"limits": limits, "request": payload}).encode()
        # The zygote's clock starts when it reads "run", so the payload must follow it.
        self._zygote.send_msg(self.sock, {"op": "run", "wall_s": limits["wall_s"], "output_kb": limits["output_kb"]})
        writer = threading.Thread(target=_write_all, args=(self.session_w, struct.pack("!I", len(data)) + data),
                                  daemon=True)
        writer.start()
        reply, _ = self._zygote.recv_msg(self.sock)
        if reply is None:
            raise ZygoteDied("the sandbox server stopped")
        output = _recv_exact(self.sock, reply["output_len"])
        frame = _recv_exact(self.sock, reply["frame_len"])
        if not reply["session_alive"]:
            self._close_session_pipe()
        writer.join(5)
        return reply, output, frame

    def open_session(self) -> None:
        """Have an active sandbox session and a standby one (mirrors the zygote's state)."""
        for slot in ("session_w", "standby_w"):
            if getattr(self, slot) is None:
                r, w = os.pipe()
                self._zygote.send_msg(self.sock, {"op": "session", "tmpfs_mb": 16}, [r])
                os.close(r)
                setattr(self, slot, w)

    def end_session(self) -> None:
        """Kill the active session; the standby takes over and a new standby is started."""
        if self.session_w is not None:
            self._zygote.send_msg(self.sock, {"op": "end"})
            self._close_session_pipe()
        self.open_session()

    def _close_session_pipe(self) -> None:
        """The zygote has dropped the active session and promoted the standby: do the same."""
        try:
            os.close(self.session_w)
        except OSError:
            pass
        self.session_w, self.standby_w = self.standby_w, None

    def cancel(self) -> None:
        try:
            os.kill(self.pid, signal.SIGUSR1)
        except ProcessLookupError:
            pass

    def close(self) -> None:
        self.sock.close()
        try:
            os.waitpid(self.pid, 0)
        except ChildProcessError:
            pass


def _masks() -> list[str]:
    from mockint.paths import bundled_dir, user_data_dir

    masks = [str(bundled_dir("scenarios")), str(bundled_dir("solutions")), str(user_data_dir())]
    db = os.environ.get("MOCKINT_DB")
    if db:  # the database file itself (and SQLite's side files), wherever it lives
        db = os.path.abspath(os.path.expanduser(db))
        masks += [db, db + "-wal", db + "-shm", db + "-journal"]
    return masks


class Worker:
    def __init__(self, out):
        self.out = out
        self.lock = threading.Lock()
        self.jobs: queue.Queue = queue.Queue()
        self.cancelled: set = set()
        self.current = None

    def emit(self, obj: dict) -> None:
        line = json.dumps(obj)
        with self.lock:
            self.out.write(line + "\n")
            self.out.flush()

    def read_requests(self) -> None:
        for line in sys.stdin:
            try:
                req = json.loads(line)
            except ValueError:
                continue
            op = req.get("op")
            if op == "grade":
                self.jobs.put(req)
            elif op == "cancel":
                self.cancelled.add(req.get("id"))
                if self.current == req.get("id"):
                    self.zygote.cancel()
            elif op == "ping":
                self.emit({"id": req.get("id"), "event": "pong"})
            elif op == "shutdown":
                break
        self.jobs.put(None)

    def serve(self) -> int:
        import numpy  # noqa: F401 - warm imports, inherited by every child
        import torch  # noqa: F401

        from mockint.grading import sandbox

        judge_root = tempfile.mkdtemp(prefix="mockint-judge-")
        os.chmod(judge_root, 0o755)
        try:
            self.zygote = ZygoteProcess(judge_root, _masks())
            # Same-user processes must not read our memory (expected values live here).
            sandbox.prctl(sandbox.PR_SET_DUMPABLE, 0)
            from mockint.grading.grader import Cancelled, Grader
            from mockint.grading.problems import ProblemError

            grader = Grader(self.zygote.run, self.zygote.end_session)
            self.zygote.open_session()
            self.emit({"event": "ready", "pid": os.getpid(), "root": judge_root, "namespaces": self.zygote.namespaces,
                       "warning": self.zygote.warning})
            threading.Thread(target=self.read_requests, daemon=True).start()
            while (req := self.jobs.get()) is not None:
                rid = req.get("id")
                if rid in self.cancelled:
                    self.emit({"id": rid, "event": "cancelled"})
                    continue
                self.current = rid
                emit = lambda ev, rid=rid: self.emit(dict(ev, id=rid))  # noqa: E731
                try:
                    result = grader.grade(str(req.get("code", "")), str(req.get("slug", "")),
                                          bool(req.get("hidden")), emit, lambda rid=rid: rid in self.cancelled)
                    if self.zygote.warning:
                        result["sandbox_warning"] = self.zygote.warning
                    self.emit({"id": rid, "event": "done", "result": result})
                except Cancelled:
                    self.emit({"id": rid, "event": "cancelled"})
                except ProblemError as exc:
                    self.emit({"id": rid, "event": "error", "kind": "problem", "message": str(exc)})
                except ZygoteDied as exc:
                    self.emit({"id": rid, "event": "error", "kind": "internal", "message": str(exc)})
                    return 3
                except Exception as exc:  # noqa: BLE001 - report and keep serving
                    traceback.print_exc()
                    self.emit({"id": rid, "event": "error", "kind": "internal",
                               "message": f"{type(exc).__name__}: {exc}"})
                finally:
                    self.current = None
            return 0
        finally:
            if hasattr(self, "zygote"):
                self.zygote.close()
            shutil.rmtree(judge_root, ignore_errors=True)


def main() -> int:
    # The protocol gets its own copy of stdout; anything printed by libraries goes to stderr.
    out = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))  # so the temporary root is removed
    from mockint.grading import sandbox

    sandbox.prctl(sandbox.PR_SET_PDEATHSIG, signal.SIGTERM)  # the app went away: stop
    return Worker(out).serve()


if __name__ == "__main__":
    sys.exit(main())
