"""What happened to one run of submitted code, read from the zygote's reply and the frame.

Decides the verdicts that do not need expected values: limits, crashes, compile errors.
"""

from __future__ import annotations

import contextlib
import json
import signal

from mockint.grading.values import Raises, WireError, from_wire


def is_memory(err: Raises) -> bool:
    msg = err.message.lower()
    return "MemoryError" in err.mro or (
        "RuntimeError" in err.mro
        and (
            "can't allocate memory" in msg
            or "not enough memory" in msg
            or "defaultcpuallocator" in msg
        )
    )


def limit_verdict(err: Raises, limits: dict) -> tuple[str, str] | None:
    """Errors that mean a resource limit was hit rather than a bug."""
    if is_memory(err):
        return (
            "memory_limit",
            f"ran out of memory ({limits['memory_mb']} MB over the warm process): {err.name}",
        )
    if "OSError" in err.mro and ("[Errno 27]" in err.message or "[Errno 28]" in err.message):
        return (
            "output_limit",
            f"wrote more than the file limit ({limits['file_mb']} MB): {err.message}",
        )
    return None


def _signal_of(reply: dict) -> int | None:
    if reply["signal"] is not None:
        return reply["signal"]
    code = reply["exit"]
    return code - 128 if code is not None and code > 128 else None


def parse_frame(frame: bytes) -> tuple[bool, list[tuple[int, float]], dict | None, str | None]:
    """(module loaded, timings, final result, sandbox error) from a child's frame bytes."""
    loaded, timings, result, sandbox_error = False, [], None, None
    for raw in frame.split(b"\n"):
        if raw == b"I":
            loaded = True
        elif raw.startswith(b"T "):
            parts = raw.split()
            with contextlib.suppress(ValueError, IndexError):
                timings.append((int(parts[1]), float(parts[2])))
        elif raw.startswith(b"R ") and result is None:
            try:
                obj = json.loads(raw[2:])
                result = obj if type(obj) is dict else None
            except (ValueError, RecursionError):
                result = None
        elif raw.startswith(b"S "):
            sandbox_error = raw[2:].decode(errors="replace")
    return loaded, timings, result, sandbox_error


class Outcome:
    """What happened to one child run, before comparing values."""

    def __init__(self, verdict: str | None, message: str, loaded: bool, result: dict | None):
        self.verdict = verdict  # None: ran to the end and returned data to compare
        self.message = message
        self.loaded = loaded
        self.result = result


def classify_run(reply: dict, frame: bytes, limits: dict, entry: str) -> Outcome:
    loaded, _, result, sandbox_error = parse_frame(frame)
    sig = _signal_of(reply)
    if sandbox_error:
        return Outcome(
            "runtime_error",
            f"the judge could not set up the sandbox: {sandbox_error}",
            loaded,
            None,
        )
    if reply.get("oom_killed"):
        return Outcome(
            "memory_limit",
            f"its processes together used more than {limits['memory_mb']} MB",
            loaded,
            None,
        )
    if reply["output_exceeded"]:
        return Outcome("output_limit", f"printed more than {limits['output_kb']} KB", loaded, None)
    if reply["frame_exceeded"]:
        return Outcome("output_limit", "returned a result too large to check", loaded, None)
    if sig == signal.SIGXFSZ:
        return Outcome(
            "output_limit", f"wrote a file larger than {limits['file_mb']} MB", loaded, None
        )
    if reply["timed_out"]:
        return Outcome(
            "time_limit", f"still running after {limits['wall_s']:g} s (wall clock)", loaded, None
        )
    if sig == signal.SIGXCPU or (sig == signal.SIGKILL and reply["cpu_s"] >= limits["cpu_s"]):
        return Outcome(
            "time_limit", f"used more than {limits['cpu_s']:g} s of CPU time", loaded, None
        )
    if result is None:
        if sig is not None:
            name = (
                signal.Signals(sig).name if sig in signal.Signals._value2member_map_ else str(sig)
            )
            hint = " (often a recursion too deep)" if sig == signal.SIGSEGV else ""
            return Outcome("runtime_error", f"crashed with {name}{hint}", loaded, None)
        return Outcome(
            "runtime_error",
            f"exited with code {reply['exit']} before returning a result "
            "(sys.exit, os._exit or closed file descriptors?)",
            loaded,
            None,
        )
    status = result.get("status")
    if status == "compile_error":
        return Outcome("compile_error", str(result.get("message", "")), False, None)
    if status == "missing_entry":
        return Outcome("runtime_error", f"solution.py does not define `{entry}`", loaded, None)
    if status in ("import_error", "raised"):
        try:
            err = from_wire(result.get("error"))
        except WireError:
            err = None
        if not isinstance(err, Raises):
            return Outcome("runtime_error", "failed (unreadable error)", loaded, None)
        limit = limit_verdict(err, limits)
        if limit:
            return Outcome(limit[0], limit[1], loaded, None)
        when = "while loading" if status == "import_error" else "while running"
        return Outcome("runtime_error", f"{err.name} {when}\n{err.traceback}", loaded, None)
    if status != "ok":
        return Outcome("runtime_error", "returned a malformed result", loaded, None)
    return Outcome(None, "", loaded, result)
