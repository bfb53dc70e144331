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

import contextlib
import itertools
import json
import os
import queue
import secrets
import shutil
import signal
import socket
import struct
import sys
import tempfile
import threading
import traceback

from mockint.grading import framing


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


LANES = 2  # tests of one submission run in this many sandboxes at once
# Exit statuses a runner may be told to end with: not 0, not the set-up failure (70) nor
# "no more requests" (75), nor what a shell uses for signals (128 and up).
SEALS = [n for n in range(1, 128) if n not in (70, 75)]


class ZygoteProcess:
    """The worker's side of the zygote: sandbox sessions, runs, and the replies' router.

    Each of the LANES lanes has an active session and a standby one already set up, which
    takes over at once when the active one is killed (a time or output limit ends the
    whole session), so a test never waits for namespaces and mounts to be set up.
    """

    def __init__(self, judge_root: str, masks: list[str], keeps: list[str]):
        from mockint.grading import zygote

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
                zygote.serve(child, judge_root, masks, keeps)
            except BaseException:
                traceback.print_exc()
            finally:
                os._exit(0)
        child.close()
        self.sock, self.pid = parent, pid
        hello, _ = framing.recv_msg(parent)
        if not hello:
            raise ZygoteDied("the sandbox server did not start")
        self.namespaces, self.warning = hello["namespaces"], hello["warning"] or None
        self.processes, self.protections = hello["processes"], hello["protections"]
        self._send_lock = threading.Lock()
        self._lanes_lock = threading.Lock()
        self._dead = False
        self._sids = itertools.count(1)
        self._pipes: dict[int, int] = {}  # session id -> write end of its request pipe
        self._replies: dict[int, queue.Queue] = {}
        self.active: list[int | None] = [None] * LANES
        self.standby: list[int | None] = [None] * LANES
        threading.Thread(target=self._read_replies, daemon=True).start()

    def _send(self, obj: dict, fds: list[int] | None = None) -> None:
        with self._send_lock:
            framing.send_msg(self.sock, obj, fds)

    def _open(self) -> int:
        sid = next(self._sids)
        r, w = os.pipe()
        self._pipes[sid], self._replies[sid] = w, queue.Queue()
        self._send({"op": "session", "sid": sid, "tmpfs_mb": 16}, [r])
        os.close(r)
        return sid

    def _forget(self, sid: int) -> None:
        os.close(self._pipes.pop(sid))
        self._replies.pop(sid, None)

    def prepare(self, lanes=range(LANES)) -> None:
        """The lanes get an active and a standby session each."""
        with self._lanes_lock:
            for lane in lanes:
                if self.active[lane] is None:
                    self.active[lane], self.standby[lane] = self.standby[lane] or self._open(), None
                if self.standby[lane] is None:
                    self.standby[lane] = self._open()

    def recycle(self) -> None:
        """Between submissions: replace sessions that died. Live ones are reused, since a
        session keeps nothing from a submission (each test ran in its own process, with a
        fresh work directory and IPC namespace, and everything it started was killed)."""
        self.prepare()

    def run(self, lane: int, payload: dict, limits: dict) -> tuple[dict, bytes, bytes]:
        """Run one request in a fresh process of the lane's active session."""
        if self.active[lane] is None:
            self.prepare([lane])
        sid = self.active[lane]
        assert sid is not None  # prepare() opened one
        # The runner exits with this number only after the harness wrote its result.
        seal = secrets.choice(SEALS)
        data = json.dumps({"limits": limits, "request": payload, "seal": seal}).encode()
        # The zygote's clock starts when it reads "run", so the payload follows it.
        self._send(
            {
                "op": "run",
                "sid": sid,
                "wall_s": limits["wall_s"],
                "output_kb": limits["output_kb"],
                "memory_mb": limits["memory_mb"],
            }
        )
        writer = threading.Thread(
            target=_write_all,
            args=(self._pipes[sid], struct.pack("!I", len(data)) + data),
            daemon=True,
        )
        writer.start()
        box = self._replies[sid]
        while True:
            try:
                answer = box.get(timeout=1.0)
                break
            except queue.Empty:
                if self._dead:
                    answer = None
                    break
        if answer is None:
            raise ZygoteDied("the sandbox server stopped")
        reply, output, frame = answer
        reply["seal"] = seal
        writer.join(5)
        if not reply["session_alive"]:  # the zygote dropped it (time limit, output limit...)
            self._forget(sid)
            self.active[lane] = None
        return reply, output, frame

    def _read_replies(self) -> None:
        try:
            while True:
                reply, _ = framing.recv_msg(self.sock)
                if reply is None:
                    break
                output = _recv_exact(self.sock, reply["output_len"])
                frame = _recv_exact(self.sock, reply["frame_len"])
                box = self._replies.get(reply["sid"])
                if box is not None:
                    box.put((reply, output, frame))
        except (OSError, ZygoteDied):
            pass
        self._dead = True
        for box in list(self._replies.values()):
            box.put(None)

    def cancel(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGUSR1)

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self.sock.shutdown(socket.SHUT_RDWR)
        self.sock.close()
        with contextlib.suppress(ChildProcessError):
            os.waitpid(self.pid, 0)


def _secrets_from_client() -> list[str]:
    """Paths the app named as secret (its database, e.g. from `--db`), in MOCKINT_JUDGE_SECRETS."""
    raw = os.environ.get("MOCKINT_JUDGE_SECRETS", "")
    return [p for p in raw.split(os.pathsep) if p]


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
            from mockint.grading import masks

            hidden, keeps = masks.plan(judge_root, _secrets_from_client())
            self.zygote = ZygoteProcess(judge_root, hidden, keeps)
            # Same-user processes must not read our memory (expected values live here).
            sandbox.prctl(sandbox.PR_SET_DUMPABLE, 0)
            from mockint.grading.grader import Cancelled, Grader
            from mockint.grading.problems import ProblemError

            grader = Grader(self.zygote)
            self.zygote.prepare()
            self.emit(
                {
                    "event": "ready",
                    "pid": os.getpid(),
                    "root": judge_root,
                    "namespaces": self.zygote.namespaces,
                    "warning": self.zygote.warning,
                    "processes": self.zygote.processes,
                    "protections": self.zygote.protections,
                }
            )
            threading.Thread(target=self.read_requests, daemon=True).start()
            while (req := self.jobs.get()) is not None:
                rid = req.get("id")
                if rid in self.cancelled:
                    self.emit({"id": rid, "event": "cancelled"})
                    continue
                self.current = rid
                emit = lambda ev, rid=rid: self.emit(dict(ev, id=rid))  # noqa: E731
                try:
                    result = grader.grade(
                        str(req.get("code", "")),
                        str(req.get("slug", "")),
                        bool(req.get("hidden")),
                        emit,
                        lambda rid=rid: rid in self.cancelled,
                    )
                    if self.zygote.warning:
                        result["sandbox_warning"] = self.zygote.warning
                    self.emit({"id": rid, "event": "done", "result": result})
                except Cancelled:
                    self.emit({"id": rid, "event": "cancelled"})
                except ProblemError as exc:
                    self.emit({"id": rid, "event": "error", "kind": "problem", "message": str(exc)})
                except ZygoteDied as exc:
                    self.emit(
                        {"id": rid, "event": "error", "kind": "internal", "message": str(exc)}
                    )
                    return 3
                except Exception as exc:
                    traceback.print_exc()
                    self.emit(
                        {
                            "id": rid,
                            "event": "error",
                            "kind": "internal",
                            "message": f"{type(exc).__name__}: {exc}",
                        }
                    )
                finally:
                    self.current = None
            return 0
        finally:
            if hasattr(self, "zygote"):
                self.zygote.close()
            shutil.rmtree(judge_root, ignore_errors=True)


# How much lower than the app the judge runs, so the app keeps its key presses. Measured with
# four busy processes on two cores: editor p95 lag while grading 94 ms at nice 10, 278 ms at
# nice 4; one `mockint grade` took 83 s at nice 10, 30 s at 4, 15 s at 0. Typing wins.
NICENESS = 10


def main() -> int:
    # Below the app's CPU priority, for the worker and all it forks (zygote, sessions,
    # runners): on a small machine grading must not make typing lag.
    with contextlib.suppress(OSError):
        os.nice(NICENESS)
    # One thread per BLAS/OpenMP pool (each runner is one process on one core anyway).
    for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(name, "1")
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
