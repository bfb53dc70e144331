"""Timing sweeps: one sandboxed run of some code over every size, read from the CPU clock.

A sweep runs the code on each size in interleaved passes (ascending, then descending), a
size several times in a pass when one call is short; the session's init reads the runner's
CPU clock before and after each call (see `session._wait_and_time` and
`harness._time_sizes`). What a sweep returns is the best time of each size and, when the
larger sizes are missing, why. `advice.complexity` alternates sweeps of the reference and
of the submission, round after round, so both meet the same load.

CPU time, not the wall clock: another process's burst takes wall time from a call but adds
little CPU to it, and the best of several calls spread over passes and rounds drops what
it does add.
"""

from __future__ import annotations

import signal
from dataclasses import dataclass, field

from mockint.grading.outcome import Frame, signal_of

PASSES = 2  # ascending then descending, so a slow drift of the machine weighs on every size
MIN_S = 0.005  # in a pass a size gets calls until they add up to this much CPU ...
MAX_CALLS = 8  # ... but at most this many
WALL_PER_CPU = 4.0  # a sweep's wall limit over its CPU budget: only code that waits meets it
# What an advice run prints is thrown away (the judge keeps a few KB of it whatever the cap),
# so its cap is high: a submission that prints on every call, as a test allows, makes many
# calls here.
ADVICE_OUTPUT_KB = 1 << 20


def advice_limits(problem, cpu_s: float) -> dict:
    """Limits of a timing or line-counting run."""
    return dict(
        problem.limits,
        cpu_s=cpu_s,
        wall_s=WALL_PER_CPU * cpu_s,
        output_kb=max(problem.limits["output_kb"], ADVICE_OUTPUT_KB),
    )


PASS_TAG = 1000  # harness.PASS_TAG: a reading's tag is pass * PASS_TAG + size index


@dataclass
class Sweep:
    """One sweep's outcome: the best seconds per size (None: not timed), the best of each
    pass, and why it ended."""

    best: list[float | None]
    calls: list[list[float]] = field(default_factory=list)  # every call's seconds, per size
    passes: list[list[float | None]] = field(default_factory=list)  # each pass's best per size
    why: str | None = None  # set when sizes are missing: "too slow", "ran out of memory", ...
    deterministic: bool = False  # it ended in a way load cannot cause (a call over its cap,
    # an exception, memory, its CPU budget)
    tampered: bool = False  # the clock readings were not the harness's own
    cpu_s: float = 0.0

    stopped_at: int = 0  # the first size not fully timed (len(best) when all were)


def intervals(samples: object) -> list[tuple[int, float]] | None:
    """(tag, seconds) of each timed call, from the init's clock readings: a reading before
    and one after each call, with the same tag (pass * PASS_TAG + size index). None when the readings do not
    pair up that way (something other than the harness asked for them). A last reading
    without its pair is a call the sweep's CPU budget ended."""
    if type(samples) is not list:
        return None
    out: list[tuple[int, float]] = []
    for k in range(0, len(samples) - 1, 2):
        a, b = samples[k], samples[k + 1]
        for s in (a, b):
            if type(s) is not list or len(s) != 2 or not all(type(v) is int for v in s):
                return None
        if a[0] != b[0] or b[1] < a[1] or a[0] < 0:
            return None
        out.append((a[0], (b[1] - a[1]) / 1e9))
    return out


def fastest(times: list[float]) -> float | None:
    """The fastest call of a size. A call that read no CPU time at all is a clock that had
    not moved on yet (seen once in a busy CI run: 0.0 ms between 0.66 and 2.5 ms, which
    left the slope unsure for every round after), not a call faster than any other."""
    ran = [t for t in times if t > 0]
    return min(ran) if ran else (min(times) if times else None)


def sweep(
    run_child, problem, code: str, cases: list[dict], caps: list[float], budget_s: float
) -> Sweep:
    """Time `code` on `cases` (one per size, smallest first) in one sandboxed run; a call
    over its size's cap (CPU seconds) ends the sweep at that size."""
    payload = {
        "mode": "time",
        "code": code,
        "kind": problem.kind,
        "entry": problem.entry,
        "cases": cases,
        "passes": PASSES,
        "min_s": MIN_S,
        "max_calls": MAX_CALLS,
        "caps": caps,
    }
    reply, _, frame = run_child(payload, advice_limits(problem, budget_s))
    result = Frame(frame, reply["exit"], reply.get("seal")).result
    out = Sweep(best=[None] * len(cases), calls=[[] for _ in cases], cpu_s=reply["cpu_s"])
    pairs = intervals(reply.get("clock"))
    if pairs is None or any(
        tag % PASS_TAG >= len(cases) or tag // PASS_TAG >= PASSES for tag, _ in pairs
    ):
        out.tampered, out.deterministic, out.stopped_at = True, True, 0
        out.why = "its timing could not be read (the clock was asked by something else)"
        return out
    per_pass: list[list[list[float]]] = [[[] for _ in cases] for _ in range(PASSES)]
    for tag, secs in pairs:
        out.calls[tag % PASS_TAG].append(secs)
        per_pass[tag // PASS_TAG][tag % PASS_TAG].append(secs)
    out.best = [fastest(times) for times in out.calls]
    out.passes = [[fastest(c) for c in one] for one in per_pass]
    over = [i for i, times in enumerate(out.calls) if times and max(times) > caps[i]]
    missing = next((i for i, t in enumerate(out.best) if t is None), len(cases))
    if over and over[0] < missing:
        # Sizes past the slow one were never tried: they cannot be faster.
        out.why, out.deterministic, out.stopped_at = "too slow", True, over[0]
        out.best[over[0] + 1 :] = [None] * (len(cases) - over[0] - 1)
        for one in out.passes:
            one[over[0] + 1 :] = [None] * (len(cases) - over[0] - 1)
        return out
    out.stopped_at = missing
    if missing < len(cases):
        out.why, out.deterministic = _why_missing(reply, result)
    return out


def _why_missing(reply: dict, result: dict | None) -> tuple[str, bool]:
    """Why a sweep ended before every size was timed, and whether load could be the cause."""
    error = (result or {}).get("error")
    if type(error) is dict and type(error.get("$raises")) is dict:
        mro = error["$raises"].get("mro", [])
        memory = type(mro) is list and "MemoryError" in mro
        return ("ran out of memory" if memory else "raised an exception"), True
    if reply.get("oom_killed"):
        return "ran out of memory", True
    if reply["output_exceeded"] or reply["frame_exceeded"]:
        return "printed more than the judge takes", True
    if reply["timed_out"]:
        return "out of time on the wall clock (a busy machine?)", False
    sig = signal_of(reply)
    if sig in (signal.SIGXCPU, signal.SIGKILL):
        return "out of its CPU budget", True
    if sig is not None:
        return f"crashed with signal {sig}", True
    return "ended the run itself", True
