"""The app's handle on the local judge. Imports neither NumPy nor torch.

The judge runs in a background process (`python -m mockint.grading.worker`) that pays the
torch import once; this module talks to it with JSON lines over pipes.

    judge = GradingClient()
    judge.start()                        # returns at once; the worker warms up meanwhile
    run = judge.submit(code, "moving-average", hidden=False, on_event=callback)
    for event in run.events():           # blocking iterator (use from a thread), or
        ...                              # `async for event in run.aevents()` in asyncio
    result = run.result(timeout=30)      # the final JSON result (see `mockint grade --json`)
    run.cancel()                         # stops the run; its last event is "cancelled"
    judge.shutdown()

Events are dicts with an "event" key: "started" (total), "test" (index, test), "advice"
(complexity or vectorized), then exactly one of "done" (result), "cancelled", or "error"
(kind: "problem", "internal" or "worker_died", and message). `on_event` is called on the
client's reader thread; in a Textual app forward it with `app.call_from_thread`.

A worker that dies is noticed at once: its runs end with a "worker_died" error and a fresh
worker starts warming up right away (`submit` also starts one if needed).

`GradingClient(secrets=[path])` hides more files from submissions (the app passes its
database, however it was named). The worker gets only a whitelisted part of the environment
(locale, paths, Python and thread settings, `MOCKINT_*`).

`MOCKINT_JUDGE_NO_NAMESPACES=1` in the environment makes the judge skip Linux namespaces
(as on systems that forbid them): it then says so in `sandbox_warning` and in each result.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path

from mockint.paths import private_dir

_FINAL = ("done", "cancelled", "error")

# The worker (and so every submission) gets only these variables from the app's
# environment: no tokens, agent sockets or anything else a submission could print.
_ENV_NAMES = {
    "PATH", "LANG", "LANGUAGE", "TZ", "HOME", "USER", "LOGNAME", "TMPDIR", "VIRTUAL_ENV",
    "LD_LIBRARY_PATH", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME",
}  # fmt: skip
_ENV_PREFIXES = ("LC_", "PYTHON", "MOCKINT_", "OMP_", "MKL_", "OPENBLAS_", "TORCH_", "COVERAGE_")


def worker_environment(env: dict[str, str], secrets: list[str]) -> dict[str, str]:
    """The worker's environment: the whitelisted part of `env`, plus the secret paths."""
    out = {k: v for k, v in env.items() if k in _ENV_NAMES or k.startswith(_ENV_PREFIXES)}
    out.pop("MOCKINT_JUDGE_SECRETS", None)
    paths = [os.path.abspath(os.path.expanduser(p)) for p in secrets if p]
    if paths:
        out["MOCKINT_JUDGE_SECRETS"] = os.pathsep.join(paths)
    return out


class GradingError(Exception):
    """A run ended without a result: `kind` is problem, internal or worker_died."""

    def __init__(self, kind: str, message: str):
        super().__init__(message)
        self.kind = kind


class GradingRun:
    """One submission: its events as they arrive, and its final result."""

    def __init__(self, client: GradingClient, run_id: int, on_event: Callable[[dict], None] | None):
        self.id = run_id
        self._client = client
        self._events: list[dict] = []
        self._cond = threading.Condition()
        self._listeners: list[Callable[[dict], None]] = [on_event] if on_event else []

    def _push(self, event: dict) -> None:
        with self._cond:
            self._events.append(event)
            listeners = list(self._listeners)
            self._cond.notify_all()
        for listener in listeners:
            with contextlib.suppress(Exception):
                listener(event)

    @property
    def done(self) -> bool:
        with self._cond:
            return bool(self._events) and self._events[-1]["event"] in _FINAL

    def events(self, timeout: float | None = None) -> Iterator[dict]:
        """Every event of this run, from the first, ending with the final one."""
        i = 0
        while True:

            def arrived(n: int = i) -> bool:
                return len(self._events) > n

            with self._cond:
                if not self._cond.wait_for(arrived, timeout):
                    raise TimeoutError("no event from the grading process in time")
                event = self._events[i]
            i += 1
            yield event
            if event["event"] in _FINAL:
                return

    async def aevents(self) -> AsyncIterator[dict]:
        """The same events for asyncio code (e.g. a Textual worker)."""
        import asyncio

        loop = asyncio.get_running_loop()
        q: asyncio.Queue = asyncio.Queue()

        def forward(ev: dict) -> None:
            loop.call_soon_threadsafe(q.put_nowait, ev)

        with self._cond:
            backlog = list(self._events)
            self._listeners.append(forward)
        for event in backlog:
            q.put_nowait(event)
        while True:
            event = await q.get()
            yield event
            if event["event"] in _FINAL:
                return

    def result(self, timeout: float | None = None) -> dict:
        """The final result dict; raises GradingError if the run ended otherwise."""
        last: dict = {}
        for event in self.events(timeout):
            last = event
        if last["event"] == "done":
            return last["result"]
        if last["event"] == "cancelled":
            raise GradingError("cancelled", "the run was cancelled")
        raise GradingError(last.get("kind", "internal"), last.get("message", "grading failed"))

    def cancel(self) -> None:
        self._client._send({"op": "cancel", "id": self.id})


class GradingClient:
    def __init__(
        self,
        python: str | None = None,
        env: dict | None = None,
        log_path: str | None = None,
        launcher: list[str] | None = None,
        secrets: list[str] | None = None,
    ):
        self.python = python or sys.executable
        self.env = env
        # Files submissions must never see beyond the judge's own list (the app's database
        # when it was named with --db): hidden in every sandbox, with their folders.
        self.secrets = list(secrets or [])
        # A command put in front of the worker's (tests run the judge as another user so).
        self.launcher = list(launcher or [])
        # Where the worker's stderr goes. None inherits ours (fine for the CLI); the full-screen
        # app passes a file, since stray output on its terminal would garble the screen.
        self.log_path = log_path
        self._proc: subprocess.Popen | None = None
        self._runs: dict[int, GradingRun] = {}
        self._ids = itertools.count(1)
        self._lock = threading.Lock()
        self._ready = threading.Event()
        self._closing = False
        self._dead_pids: set[int] = set()  # workers whose reader has swept their runs
        self.ready_info: dict = {}

    @property
    def alive(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    @property
    def sandbox_warning(self) -> str | None:
        """Set once ready when Linux namespaces are not available (weaker isolation)."""
        return self.ready_info.get("warning")

    def start(self) -> None:
        """Start the grading process in the background (no-op when it is running)."""
        with self._lock:
            self._closing = False
            if self.alive:
                return
            self._ready.clear()
            env = worker_environment(
                dict(os.environ if self.env is None else self.env), self.secrets
            )
            log = None
            if self.log_path is not None:
                private_dir(Path(os.path.dirname(self.log_path) or "."))
                log = open(self.log_path, "ab")  # noqa: SIM115 (closed below once the child has it)
            try:
                self._proc = subprocess.Popen(
                    [*self.launcher, self.python, "-m", "mockint.grading.worker"],
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                    stderr=log,
                    env=env,
                    text=True,
                    encoding="utf-8",
                    bufsize=1,
                )
            finally:
                if log is not None:
                    log.close()  # the child has its own copy
            threading.Thread(target=self._read, args=(self._proc,), daemon=True).start()

    def wait_ready(self, timeout: float | None = None) -> bool:
        return self._ready.wait(timeout)

    def submit(
        self,
        code: str,
        slug: str,
        hidden: bool = False,
        on_event: Callable[[dict], None] | None = None,
    ) -> GradingRun:
        self.start()
        run = GradingRun(self, next(self._ids), on_event)
        with self._lock:
            dead = self._proc is not None and self._proc.pid in self._dead_pids
            if not dead:
                self._runs[run.id] = run
        if dead:  # died between start() and now: the reader has already swept its runs
            run._push(
                {
                    "id": run.id,
                    "event": "error",
                    "kind": "worker_died",
                    "message": "the grading process exited; submit again",
                }
            )
            return run
        self._send(
            {"op": "grade", "id": run.id, "code": code, "slug": slug, "hidden": bool(hidden)}
        )
        return run

    def shutdown(self, timeout: float = 3.0) -> None:
        self._closing = True
        proc = self._proc
        if proc is None:
            return
        self._send({"op": "shutdown"})
        with contextlib.suppress(OSError):
            if proc.stdin is not None:
                proc.stdin.close()
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            proc.terminate()
            try:
                proc.wait(timeout)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
                # Killed before its own cleanup ran (a starved worker at nice 10 can take
                # longer than the grace period): remove its temporary root here.
                root = self.ready_info.get("root")
                if isinstance(root, str) and os.path.isdir(root):
                    shutil.rmtree(root, ignore_errors=True)
        self._proc = None

    def __enter__(self) -> GradingClient:
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.shutdown()

    def _send(self, obj: dict) -> None:
        proc = self._proc
        if proc is None:
            return
        try:
            with self._lock:
                assert proc.stdin is not None
                proc.stdin.write(json.dumps(obj) + "\n")
                proc.stdin.flush()
        except (OSError, ValueError):
            pass  # the reader thread reports the dead worker

    def _read(self, proc: subprocess.Popen) -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            try:
                event = json.loads(line)
            except ValueError:
                continue
            if event.get("event") == "ready":
                self.ready_info = event
                self._ready.set()
                continue
            with self._lock:
                run = self._runs.get(event.get("id"))
                if run is not None and event.get("event") in _FINAL:
                    del self._runs[run.id]
            if run is not None:
                run._push(event)
        proc.wait()
        with self._lock:
            self._dead_pids.add(proc.pid)
            orphans = [r for r in self._runs.values()]
            for r in orphans:
                del self._runs[r.id]
        for run in orphans:
            run._push(
                {
                    "id": run.id,
                    "event": "error",
                    "kind": "worker_died",
                    "message": f"the grading process exited (code {proc.returncode})",
                }
            )
        if self._proc is proc and not self._closing:
            self.start()  # a replacement warms up now, before the next submission needs it
