"""What happened to one run of submitted code, read from the zygote's reply and the frame.

Decides the verdicts that do not need expected values: limits, crashes, compile errors.
"""

from __future__ import annotations

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
    # The messages are the judge's own words only: the exception's text could carry data.
    if is_memory(err):
        return "memory_limit", f"ran out of memory ({limits['memory_mb']} MB over the warm process)"
    if "OSError" in err.mro and ("[Errno 27]" in err.message or "[Errno 28]" in err.message):
        return "output_limit", f"wrote more than its files may hold ({limits['file_mb']} MB)"
    return None


def signal_of(reply: dict) -> int | None:
    if reply["signal"] is not None:
        return reply["signal"]
    code = reply["exit"]
    return code - 128 if code is not None and code > 128 else None


SANDBOX_ERROR = 70  # the exit status of a runner or session whose set-up failed (session.py)


class Frame:
    """What a runner's frame says, as far as the judge believes it.

    `result` is the harness's one `R` line, and only when the runner exited with the
    request's seal: code that writes its own result to the frame pipe and then ends the
    process cannot also end it the way the harness does. `sandbox_error` is believed only
    from a set-up that failed (exit SANDBOX_ERROR) or a sealed run.
    """

    def __init__(self, frame: bytes, exit_code: int | None, seal: int | None):
        self.sealed = seal is not None and exit_code == seal
        self.loaded = False
        self.result: dict | None = None
        self.sandbox_error: str | None = None
        self.malformed = False
        results = []
        lines = [raw for raw in frame.split(b"\n") if raw]
        for raw in lines:
            if raw == b"I":
                self.loaded = True
            elif raw.startswith(b"R "):
                results.append(raw)
            elif raw.startswith(b"S ") and (self.sealed or exit_code == SANDBOX_ERROR):
                self.sandbox_error = raw[2:].decode(errors="replace")[:600]
        if not self.sealed:
            return
        if len(results) != 1 or lines[-1] is not results[0]:
            self.malformed = bool(results)  # two results, or lines after it: not the harness's
            return
        try:
            obj = json.loads(results[0][2:])
        except (ValueError, RecursionError):
            self.malformed = True
            return
        if type(obj) is dict:
            self.result = obj
        else:
            self.malformed = True


class Outcome:
    """What happened to one child run, before comparing values."""

    def __init__(
        self,
        verdict: str | None,
        message: str,
        loaded: bool,
        result: dict | None,
        rule_broken: str = "",
    ):
        self.verdict = verdict  # None: ran to the end and returned data to compare
        self.message = message
        self.loaded = loaded
        self.result = result
        self.rule_broken = rule_broken  # trusted text: the statement rule a call broke


FORBIDDEN_CALL = "mockint.grading.harness.ForbiddenCall"  # the class harness.forbid raises


def _forbidden_call(err: Raises, problem) -> Outcome | None:
    """A call the statement rules out, named from the problem's own list (never from the
    exception's text, which submitted code could have written)."""
    if problem is None or err.name != FORBIDDEN_CALL:
        return None
    name = next((f for f in problem.forbidden if err.message.startswith(f + " ")), None)
    if name is None:
        return None
    # A hidden test's message gets only the rule: which call it was could carry a bit out.
    quote = f" (“{problem.forbidden_rule}”)" if problem.forbidden_rule else ""
    message = f"calls {name}, which the statement rules out{quote}\n{err.traceback}"
    rule = f"a call the statement rules out{quote}"
    return Outcome("runtime_error", message, True, None, rule_broken=rule)


def classify_run(reply: dict, frame: bytes, limits: dict, entry: str, problem=None) -> Outcome:
    """`problem` (optional): whose `forbidden` calls to report as the rule they broke."""
    parsed = Frame(frame, reply["exit"], reply.get("seal"))
    loaded, result, sandbox_error = parsed.loaded, parsed.result, parsed.sandbox_error
    sig = signal_of(reply)
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
        waited = float(reply.get("cpu_wait_s") or 0.0)
        busy = f", not counting {waited:.1f} s it waited for a busy CPU" if waited >= 0.1 else ""
        return Outcome(
            "time_limit",
            f"still running after {limits['wall_s']:g} s (wall clock{busy})",
            loaded,
            None,
        )
    if sig == signal.SIGXCPU or (sig == signal.SIGKILL and reply["cpu_s"] >= limits["cpu_s"]):
        return Outcome(
            "time_limit", f"used more than {limits['cpu_s']:g} s of CPU time", loaded, None
        )
    if parsed.malformed:
        return Outcome("runtime_error", "returned a malformed result", loaded, None)
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
        ruled_out = _forbidden_call(err, problem)
        if ruled_out is not None:
            ruled_out.loaded = loaded
            return ruled_out
        when = "while loading" if status == "import_error" else "while running"
        return Outcome("runtime_error", f"{err.name} {when}\n{err.traceback}", loaded, None)
    if status != "ok":
        return Outcome("runtime_error", "returned a malformed result", loaded, None)
    return Outcome(None, "", loaded, result)
