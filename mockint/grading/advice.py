"""Advice beyond correctness: measured time complexity and vectorization.

Both run the submission in sandboxed children like any test. Complexity alternates timing
sweeps (see `timing`) of the reference and of the submission at the same sizes, round
after round, so a busy machine weighs on both alike; each size keeps its best time, and
log(time) against log(n) over the largest sizes gives a slope with an uncertainty from how
far the rounds disagree. The advice says fine or too slow only when the whole interval
says so; otherwise "not sure (machine busy)", which never counts against anyone.
Vectorization counts executed lines of solution.py at two sizes: a loop over the data makes
the count grow with n, whatever the machine's load.
"""

from __future__ import annotations

import math

import numpy as np

from mockint.grading import timing
from mockint.grading.cases import reference_code, sized_cases
from mockint.grading.outcome import Frame, signal_of

SLOPE_SLACK = 0.35  # a slope this far above the target (or the reference's own) still passes
# A slope above the target passes when the reference measured as steep in the same rounds
# (its cache effects, say), but only for a submission within this factor of the reference's
# time at the largest size: an O(n^2) submission hundreds of times slower must not pass.
NEAR_REFERENCE = 20.0
FAR = 50.0  # a submission call this many times the reference's ends the sweep at that size
MIN_CAP_S = 0.25  # ... but never below this much CPU
REFERENCE_CAP_S = 10.0  # the reference's own calls are never cut short
MAX_ROUNDS = 5
# A busy spell can last longer than five rounds: while the verdict is still "not sure",
# up to this many rounds in all, as long as the sweeps so far used less CPU than this.
# 24 s: a busy CI run left moving-average's reference unsure after five rounds of about
# 2.4 s each (load average near 4 from other work); 12 s allowed no more.
MAX_ROUNDS_UNSURE = 12
UNSURE_CPU_S = 24.0
ROUNDS_TO_REJECT = 2  # "too slow" from timing needs two rounds that agree; "fine" needs one
Z = 2.5  # how many standard errors the interval spans on each side
ONE_ROUND_ERROR = 0.15  # log-time error of a size timed in one round only
ERROR_FLOOR = 0.02
# The paired estimate (see `paired_rel`) needs this many pairs of passes, three rounds: a
# spread taken from fewer is itself too uncertain to trust.
MIN_PAIRS = 6


def fit_slope(sizes: list[int], times: list[float]) -> float:
    xs = np.log(np.asarray(sizes, dtype=float))
    ys = np.log(np.maximum(np.asarray(times, dtype=float), 1e-7))
    return float(np.polyfit(xs, ys, 1)[0])


class Rounds:
    """Samples of the best time per size, for the reference and the submission: one per
    pass of each round's sweep."""

    def __init__(self, n: int):
        self.n = n
        self.ref: list[list[float | None]] = []
        self.sub: list[list[float | None]] = []

    @staticmethod
    def of(side: list[list[float | None]], i: int) -> list[float]:
        return sorted(t for r in side if i < len(r) and (t := r[i]) is not None)

    def best(self, side: list[list[float | None]], i: int) -> float | None:
        got = self.of(side, i)
        return got[0] if got else None

    def error(self, side: list[list[float | None]], i: int) -> float:
        """How far the two best samples of size i disagree (log scale)."""
        got = self.of(side, i)
        if len(got) < 2:
            return ONE_ROUND_ERROR
        return max(ERROR_FLOOR, math.log(max(got[1], 1e-9) / max(got[0], 1e-9)))


def paired_rel(rounds: Rounds, tail: list[int], w: np.ndarray) -> tuple[float, float] | None:
    """How much steeper the submission is than the reference, from passes timed side by
    side (pass k of a round's submission sweep against pass k of its reference sweep), with
    its standard error: the median over pairs and the spread of the pairs around it.

    Best-of-all-samples per size is robust to a busy spell but not to a machine whose speed
    drifts: each size's best may then come from a different spell, so their slopes disagree
    and stay "not sure" round after round (topological-sort's reference beside itself, 24
    samples in a CI run). Two passes timed a second apart meet nearly the same machine, so
    their difference cancels most of the drift."""
    if len(rounds.sub) != len(rounds.ref):
        return None
    rels = []
    for sub, ref in zip(rounds.sub, rounds.ref, strict=True):
        if all(i < len(sub) and i < len(ref) and sub[i] and ref[i] for i in tail):
            rels.append(float(w @ np.log([sub[i] / ref[i] for i in tail])))  # type: ignore[operator]
    if len(rels) < MIN_PAIRS:
        return None
    med = float(np.median(rels))
    # Robust spread (median absolute deviation as a normal sigma), and the median's
    # standard error: a pass hit by a burst on one side only moves neither much.
    sigma = 1.4826 * float(np.median(np.abs(np.asarray(rels) - med)))
    return med, max(ERROR_FLOOR, 1.2533 * sigma / math.sqrt(len(rels)))


def judge_rounds(sizes: list[int], rounds: Rounds, exponent: float) -> dict:
    """The slope of the submission, of the reference, their interval and whether the
    submission is fine (True), too slow (False) or not sure (None), over the largest sizes
    the submission was timed at (see FORMAT.md)."""
    timed = [i for i in range(len(sizes)) if rounds.best(rounds.sub, i) is not None]
    last = len(timed)
    tail = list(range(max(0, last - 4), last))
    if last < 3 or timed != list(range(last)):
        return {"points": last}
    xs = np.log(np.asarray([sizes[i] for i in tail], dtype=float))
    w = (xs - xs.mean()) / float(((xs - xs.mean()) ** 2).sum())
    sub = np.log([max(rounds.best(rounds.sub, i) or 0.0, 1e-9) for i in tail])
    ref = np.log([max(rounds.best(rounds.ref, i) or 0.0, 1e-9) for i in tail])
    e_sub = np.asarray([rounds.error(rounds.sub, i) for i in tail])
    e_ref = np.asarray([rounds.error(rounds.ref, i) for i in tail])
    slope, ref_slope = float(w @ sub), float(w @ ref)
    se_abs = float(np.sqrt((w**2 * e_sub**2).sum()))
    se_ref = float(np.sqrt((w**2 * e_ref**2).sum()))
    se_rel = float(np.sqrt((w**2 * (e_sub**2 + e_ref**2)).sum()))
    rel = slope - ref_slope
    ratio = math.exp(sub[-1] - ref[-1])
    near = ratio <= NEAR_REFERENCE
    limit = exponent + SLOPE_SLACK
    # Nearness to the reference excuses a steep slope only when the reference measured
    # steep too: one clearly within the limit in the same rounds shows there was nothing
    # (cache effects, load) to excuse.
    ref_flat = ref_slope + Z * se_ref <= limit
    fine = slope + Z * se_abs <= limit or (near and rel + Z * se_rel <= SLOPE_SLACK)
    if not fine and near and not ref_flat:
        # A reference too steep for the limit, and the submission not clearly steeper than it
        # by the paired estimate: fine. Only ever a route to fine (see `paired_rel`).
        paired = paired_rel(rounds, tail, w)
        fine = paired is not None and paired[0] + Z * paired[1] <= SLOPE_SLACK
    slow = slope - Z * se_abs > limit and (not near or ref_flat or rel - Z * se_rel > SLOPE_SLACK)
    return {
        "points": last,
        "slope": slope,
        "reference_slope": ref_slope,
        "interval": (slope - Z * se_abs, slope + Z * se_abs),
        "reference_interval": (ref_slope - Z * se_ref, ref_slope + Z * se_ref),
        "ratio": ratio,
        "ok": True if fine else False if slow else None,
    }


def complexity(run_child, problem, cases_mod, code: str) -> dict:
    spec = problem.complexity
    sizes = [int(n) for n in spec["sizes"]]
    cases = sized_cases(cases_mod, sizes, 12345)
    budget = float(spec.get("budget_s", 8.0))
    target, exponent = spec["target"], float(spec["exponent"])
    ref_code = reference_code(problem)
    rounds = Rounds(len(sizes))
    stop: timing.Sweep | None = None  # the sweep that showed where the submission stops
    verdict: dict = {"points": 0}
    spent = 0.0  # CPU seconds of every sweep so far
    for r in range(MAX_ROUNDS_UNSURE):
        if r >= MAX_ROUNDS and (verdict.get("ok") is not None or spent >= UNSURE_CPU_S):
            break
        upto = len(sizes) if stop is None else stop.stopped_at
        ref = timing.sweep(
            run_child, problem, ref_code, cases[:upto], [REFERENCE_CAP_S] * upto, budget
        )
        spent += ref.cpu_s
        if ref.stopped_at < upto:
            if not rounds.ref:
                return _unsure(target, "could not time the reference")
            continue
        rounds.ref.extend(ref.passes)
        caps = [max(MIN_CAP_S, FAR * (rounds.best(rounds.ref, i) or 0.0)) for i in range(upto)]
        sub = timing.sweep(run_child, problem, code, cases[:upto], caps, budget)
        if sub.tampered:
            return _result(target, sizes, rounds, {}, False, sub.why or "")
        spent += sub.cpu_s
        rounds.sub.extend(sub.passes)
        if stop is None and sub.why is not None and sub.deterministic:
            stop = sub  # load cannot make it reach further: later rounds time the rest only
        verdict = judge_rounds(sizes, rounds, exponent)
        if verdict["points"] < 3 and stop is not None:
            break  # the sizes it could not do stay out of reach
        if verdict.get("ok") is True or (verdict.get("ok") is False and r + 1 >= ROUNDS_TO_REJECT):
            break
    if verdict["points"] < 3:
        return _too_few(target, sizes, rounds, stop)
    if verdict["ok"] is None and stop is not None and stop.why == "too slow":
        # A call over FAR times the reference's CPU time at the same size, in the same
        # rounds: load cannot do that, so a slope the load left unsure is settled by it.
        verdict = {**verdict, "ok": False}
    note = "" if stop is None else f"; {stop.why} at n={sizes[stop.stopped_at]}"
    return _result(target, sizes, rounds, verdict, verdict["ok"], note)


def _too_few(target: str, sizes: list[int], rounds: Rounds, stop: timing.Sweep | None) -> dict:
    """Fewer than three sizes timed: too slow when the sweep ended in a way load cannot
    cause (an exception, memory, a call FAR times the reference's), else not sure."""
    if stop is None:
        return _unsure(target, "could not time the submission")
    what = f"could not measure: {stop.why} at n={sizes[stop.stopped_at]}"
    if stop.why == "too slow":
        what += f" (over {FAR:g}x the reference's time)"
    return {
        "target": target,
        "measured": what,
        "slope": None,
        "ok": False,
        "confidence": "sure",
    }


def _unsure(target: str, why: str) -> dict:
    return {
        "target": target,
        "measured": f"not sure (machine busy): {why}",
        "slope": None,
        "ok": None,
        "confidence": "not sure",
    }


def _result(
    target: str, sizes: list[int], rounds: Rounds, verdict: dict, ok: bool | None, note: str
) -> dict:
    if not verdict:  # tampered with: nothing measured can be believed
        return {
            "target": target,
            "measured": f"could not measure: {note}",
            "slope": None,
            "ok": ok,
            "confidence": "sure",
        }
    slope, (lo, hi) = verdict["slope"], verdict["interval"]
    if ok is None:
        measured = f"not sure (machine busy): between O(n^{lo:.1f}) and O(n^{hi:.1f})"
    else:
        measured = f"about O(n^{slope:.1f})"
    if verdict["ratio"] >= 2:
        measured += (
            f", {verdict['ratio']:.0f}x the reference's time at n={sizes[verdict['points'] - 1]}"
        )
    best = [rounds.best(rounds.sub, i) for i in range(len(sizes))]
    ref = [rounds.best(rounds.ref, i) for i in range(len(sizes))]
    return {
        "target": target,
        "measured": measured + note,
        "slope": round(slope, 2),
        "ok": ok,
        "confidence": "not sure" if ok is None else "sure",
        "interval": [round(lo, 2), round(hi, 2)],
        "reference_slope": round(verdict["reference_slope"], 2),
        "times_ms": [round(t * 1000, 3) for t in best if t is not None],
        "reference_times_ms": [round(t * 1000, 3) for t in ref if t is not None],
        "sizes": sizes,
        "samples": len(rounds.sub),
    }


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
    # The count does not depend on the machine's speed; only the limits could, so they are
    # generous (CPU) and the wall clock stops only code that waits.
    reply, _, frame = run_child(
        payload, timing.advice_limits(problem, max(problem.limits["cpu_s"], 10.0))
    )
    parsed = Frame(frame, reply["exit"], reply.get("seal"))
    result = parsed.result
    if not result or result.get("status") != "ok" or type(result.get("lines")) is not list:
        return _count_failed(reply, result, parsed.sealed)
    lines = result["lines"]
    if (
        len(lines) != 2
        or not all(type(n) is int for n in lines)
        or result.get("traced") is not True
    ):
        return {
            "ok": False,
            "message": "could not count executed lines: tracing was switched off",
        }
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


def _count_failed(reply: dict, result: dict | None, sealed: bool) -> dict:
    """Why no line count came back. What load can cause (the wall clock) is "not sure"; what
    only the submission can cause (ending the run itself, raising, a crash) is a failure."""
    if reply["timed_out"]:
        return {
            "ok": None,
            "message": "not sure (machine busy): the line count ran out of wall-clock time",
        }
    if result is not None and result.get("status") == "raised":
        why = "it raised an exception"
    elif reply.get("oom_killed") or signal_of(reply) is not None:
        why = "it was stopped by a limit or crashed"
    elif not sealed:
        why = "it ended the run itself"
    else:
        why = "the run failed"
    return {"ok": False, "message": f"could not count executed lines: {why}"}
