"""Advice beyond correctness: measured time complexity and vectorization.

Both run the submission in sandboxed children like any test. Complexity times the
submission and the reference at the same sizes in the same grading run (so machine load
affects both), taking the minimum of a few repetitions per size and fitting a line to
log(time) against log(n) over the largest sizes. Vectorization counts executed lines of
solution.py at two sizes: a loop over the data makes the count grow with n, whatever the
machine's speed.
"""

from __future__ import annotations

import numpy as np

from mockint.grading.cases import reference_code, sized_cases
from mockint.grading.outcome import Frame

SLOPE_SLACK = 0.35  # what timing noise can add to a log-log slope over these sizes
# A slope above the target passes when the reference measured as steep in the same run (its
# cache effects, say), but only for a submission within this factor of the reference's time
# at the largest size: timing noise can make the reference's small sizes look steep, and an
# O(n^2) submission hundreds of times slower must not pass on that.
NEAR_REFERENCE = 20.0
MAX_CASE_S = 0.5  # a size slower than this stops the sweep: the larger ones cannot be faster


def fit_slope(sizes: list[int], times: list[float]) -> float:
    xs = np.log(np.asarray(sizes, dtype=float))
    ys = np.log(np.maximum(np.asarray(times, dtype=float), 1e-7))
    return float(np.polyfit(xs, ys, 1)[0])


def clock_timings(samples: object, sizes: int) -> list[float]:
    """Seconds per size from the CPU clock samples the session's init took (see
    `session._wait_and_time`): the best of the calls timed at each size, for the leading
    sizes that finished. Anything malformed just ends the list."""
    best: dict[int, int] = {}
    if type(samples) is not list:
        return []
    previous: tuple[int, int] | None = None
    for sample in samples:
        if type(sample) is not list or len(sample) != 2 or not all(type(v) is int for v in sample):
            return []
        index, ns = sample
        if previous is not None and previous[0] == index and ns >= previous[1]:
            delta = ns - previous[1]
            best[index] = min(best.get(index, delta), delta)
        previous = (index, ns)
    out = []
    for i in range(sizes):
        if i not in best:
            break
        out.append(best[i] / 1e9)
    return out


def _timings(
    run_child, problem, code: str, cases: list[dict], budget_s: float
) -> tuple[list[float], str]:
    """Seconds per size for the sizes that finished, and why the sweep stopped early."""
    payload = {
        "mode": "time",
        "code": code,
        "kind": problem.kind,
        "entry": problem.entry,
        "cases": cases,
        "reps": 3,
        "max_case_s": MAX_CASE_S,
    }
    limits = dict(problem.limits, cpu_s=budget_s, wall_s=budget_s)
    reply, _, frame = run_child(payload, limits)
    result = Frame(frame, reply["exit"], reply.get("seal")).result
    out = clock_timings(reply.get("clock"), len(cases))
    sizes = (result or {}).get("sizes")
    done = sizes if (result or {}).get("status") == "ok" and type(sizes) is int else len(out)
    out = out[: max(0, min(done, len(out)))]
    why = "too slow"
    error = (result or {}).get("error")
    if type(error) is dict and type(error.get("$raises")) is dict:
        mro = error["$raises"].get("mro", [])
        why = (
            "ran out of memory"
            if type(mro) is list and "MemoryError" in mro
            else "raised an exception"
        )
    elif reply["timed_out"]:
        why = "out of time"
    elif result is None:
        why = "ended without a result"
    return out, why


def complexity(run_child, problem, cases_mod, code: str) -> dict:
    spec = problem.complexity
    sizes = [int(n) for n in spec["sizes"]]
    cases = sized_cases(cases_mod, sizes, 12345)
    budget = float(spec.get("budget_s", 8.0))
    ref, _ = _timings(run_child, problem, reference_code(problem), cases, budget)
    got, why = _timings(run_child, problem, code, cases, budget)
    target, exponent = spec["target"], float(spec["exponent"])
    if len(ref) < len(sizes):
        return {
            "target": target,
            "measured": "could not time the reference",
            "slope": None,
            "ok": None,
        }
    if len(got) < 3:
        return {
            "target": target,
            "measured": f"could not measure: {why} at n={sizes[len(got)]}",
            "slope": None,
            "ok": False,
        }
    slope, ref_slope, ok = _judge_slopes(sizes, got, ref, exponent)
    if not ok and len(got) == len(sizes):
        # Every size finished and only the slope failed: time both once more and keep each
        # size's best, so one noisy sweep (another process's burst) does not decide it.
        ref2, _ = _timings(run_child, problem, reference_code(problem), cases, budget)
        got2, _ = _timings(run_child, problem, code, cases, budget)
        if len(ref2) == len(ref) and len(got2) == len(got):
            ref = [min(a, b) for a, b in zip(ref, ref2, strict=True)]
            got = [min(a, b) for a, b in zip(got, got2, strict=True)]
            slope, ref_slope, ok = _judge_slopes(sizes, got, ref, exponent)
    measured = f"about O(n^{slope:.1f})"
    if len(got) < len(sizes):
        measured += f"; {why} at n={sizes[len(got)]}"
    return {
        "target": target,
        "measured": measured,
        "slope": round(slope, 2),
        "ok": ok,
        "reference_slope": round(ref_slope, 2),
        "times_ms": [round(t * 1000, 3) for t in got],
        "sizes": sizes,
    }


def _judge_slopes(
    sizes: list[int], got: list[float], ref: list[float], exponent: float
) -> tuple[float, float, bool]:
    """The submission's and the reference's slopes over the largest sizes, and whether the
    submission's is fine (see FORMAT.md)."""
    tail = slice(max(0, len(got) - 4), len(got))
    slope = fit_slope(sizes[tail], got[tail])
    ref_slope = fit_slope(sizes[tail], ref[tail])
    near = got[-1] <= NEAR_REFERENCE * max(ref[len(got) - 1], 1e-6)
    ok = len(got) == len(sizes) and (
        slope <= exponent + SLOPE_SLACK or (slope <= ref_slope + SLOPE_SLACK and near)
    )
    return slope, ref_slope, ok


def vectorization(run_child, problem, cases_mod, code: str) -> dict:
    small, large = (int(n) for n in problem.vectorized["sizes"])
    cases = sized_cases(cases_mod, [small, large], 54321)
    payload = {
        "mode": "trace",
        "code": code,
        "kind": problem.kind,
        "entry": problem.entry,
        "cases": cases,
    }
    limits = dict(
        problem.limits,
        cpu_s=max(problem.limits["cpu_s"], 5.0),
        wall_s=max(problem.limits["wall_s"], 10.0),
    )
    reply, _, frame = run_child(payload, limits)
    result = Frame(frame, reply["exit"], reply.get("seal")).result
    if not result or result.get("status") != "ok" or type(result.get("lines")) is not list:
        return {
            "ok": False,
            "message": "could not count executed lines (the run failed or was too slow)",
        }
    lines = result["lines"]
    if (
        len(lines) != 2
        or not all(type(n) is int for n in lines)
        or result.get("traced") is not True
    ):
        return {"ok": False, "message": "could not count executed lines (tracing was switched off)"}
    a, b = lines
    # A loop over the data adds at least one line per element; allow a little size-dependent branching.
    grows = b - a > max(4, (large - small) // 8)
    if grows:
        return {
            "ok": False,
            "message": f"solution.py ran {a} Python lines at n={small} and {b} at n={large}: "
            "an explicit Python loop does the work; use whole-array (NumPy or torch) operations instead",
            "lines": lines,
        }
    return {
        "ok": True,
        "message": f"solution.py ran {a} Python lines at n={small} and {b} at n={large}: the work is vectorized",
        "lines": lines,
    }
