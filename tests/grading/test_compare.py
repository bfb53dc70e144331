"""The trusted side's comparisons and decoding, without any subprocess."""

import json
import warnings

import numpy as np
import pytest

from mockint.grading.compare import compare
from mockint.grading.outcome import classify_run
from mockint.grading.values import (
    NDArray,
    Other,
    Raises,
    Tensor,
    WireError,
    from_wire,
    npy_bytes,
    raises,
    tensor,
)

LIMITS = {"cpu_s": 1.0, "wall_s": 2.0, "memory_mb": 256, "output_kb": 1024, "file_mb": 8}


def test_exact_types():
    assert compare(1, 1, 0, 0) is None
    assert compare(1, True, 0, 0) is not None  # a bool is not an int
    assert compare(True, 1, 0, 0) is not None
    assert compare(2.0, 2, 0, 0) is None  # an int is an exact number
    assert compare(2.0, Other("mymod.Yes"), 0, 0) is not None
    assert compare([1, 2], (1, 2), 0, 0) is None
    assert compare({"a": 1}, {"a": 1, "b": 2}, 0, 0) is not None


def test_float_tolerance_nan_and_inf():
    assert compare(1.0, 1.0 + 1e-7, 1e-6, 0) is None
    assert compare(1.0, 1.0 + 1e-5, 1e-6, 0) is not None
    assert compare(float("nan"), float("nan"), 0, 0) is None
    assert compare(1.0, float("nan"), 1, 1) is not None
    assert compare(float("inf"), float("inf"), 0, 0) is None
    assert compare(float("inf"), float("-inf"), 1, 1) is not None


def test_arrays_with_infinities_compare_without_warnings():
    want = NDArray(np.array([[-np.inf, 0.0], [np.inf, 1.0]]))
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a RuntimeWarning would reach the user's terminal
        assert compare(want, NDArray(want.data.copy()), 1e-6, 0) is None
        for wrong in (np.inf, np.finfo(np.float64).min, 0.0):  # only -inf itself matches
            got = NDArray(np.array([[wrong, 0.0], [np.inf, 1.0]]))
            assert "values differ" in compare(want, got, 1e-6, 0)


def test_tensors_check_dtype_shape_and_values():
    want = tensor([[1.0, 2.0]], "float32")
    assert compare(want, tensor([[1.0, 2.0]], "float32"), 0, 0) is None
    assert "dtype" in compare(want, tensor([[1.0, 2.0]], "float64"), 0, 0)
    assert "shape" in compare(
        want, tensor([1.0, 2.0], "float32"), 0, 0
    )  # broadcastable is not enough
    assert "values differ" in compare(want, tensor([[1.0, 2.5]], "float32"), 1e-3, 1e-3)
    assert compare(want, tensor([[np.nan, 2.0]], "float32"), 1, 1) is not None
    assert compare(want, NDArray(np.array([[1.0, 2.0]])), 0, 0) is not None  # not a tensor
    ints = tensor([1, 2], "int64")
    assert compare(ints, tensor([1, 2], "int64"), 0.5, 0.5) is None
    assert compare(ints, tensor([1, 3], "int64"), 0.5, 0.5) is not None  # ints compare exactly


def test_expected_exceptions():
    assert (
        compare(
            raises("ValueError"), Raises("MyError", ["MyError", "ValueError", "Exception"]), 0, 0
        )
        is None
    )
    assert compare(raises("ValueError"), Raises("TypeError", ["TypeError"]), 0, 0) is not None
    assert compare(raises("ValueError"), None, 0, 0) is not None
    assert compare(None, Raises("ValueError", ["ValueError"]), 0, 0) is not None


def test_decoding_is_strict():
    assert from_wire({"$tuple": [1, {"$dict": {"a": None}}]}) == (1, {"a": None})
    t = from_wire(
        {"$tensor": npy_bytes(np.ones((2, 2), np.float32)), "dtype": "float32", "param": True}
    )
    assert isinstance(t, Tensor) and t.param and t.shape == (2, 2)
    assert from_wire({"$tensor": npy_bytes(np.float64(3.0)), "dtype": "float64"}).shape == ()
    for bad in (
        {"$pickle": "x"},
        {"$tensor": "not base64!", "dtype": "float32"},
        {},
        {"$dict": [1]},
        {"$ndarray": npy_bytes(np.array(["a"]))},
    ):
        with pytest.raises(WireError):
            from_wire(bad)


SEAL = 42


def _reply(**kw):
    base = {
        "exit": SEAL,
        "seal": SEAL,
        "signal": None,
        "wall_s": 0.01,
        "cpu_s": 0.01,
        "timed_out": False,
        "output_exceeded": False,
        "frame_exceeded": False,
        "cancelled": False,
    }
    return dict(base, **kw)


def test_classify_runs():
    ok = b"I\nR " + json.dumps({"status": "ok", "results": []}).encode() + b"\n"
    assert classify_run(_reply(), ok, LIMITS, "f").verdict is None
    assert classify_run(_reply(timed_out=True), b"I\n", LIMITS, "f").verdict == "time_limit"
    assert (
        classify_run(_reply(signal=24, exit=None), b"I\n", LIMITS, "f").verdict == "time_limit"
    )  # SIGXCPU
    assert (
        classify_run(_reply(exit=128 + 25), b"I\n", LIMITS, "f").verdict == "output_limit"
    )  # SIGXFSZ via init
    assert classify_run(_reply(output_exceeded=True), ok, LIMITS, "f").verdict == "output_limit"
    assert (
        classify_run(_reply(exit=0), b"I\n", LIMITS, "f").verdict == "runtime_error"
    )  # no result frame
    # A result written by submitted code that then ended the process itself is not believed.
    forged = classify_run(_reply(exit=0), ok, LIMITS, "f")
    assert forged.verdict == "runtime_error" and "before returning a result" in forged.message
    # Two results, or lines after the result: not what the harness writes.
    assert classify_run(_reply(), ok + ok, LIMITS, "f").verdict == "runtime_error"
    assert classify_run(_reply(), ok + b"I\n", LIMITS, "f").verdict == "runtime_error"
    # A set-up error is believed only from a set-up that failed.
    setup = b"S " + json.dumps({"sandbox_error": "x"}).encode() + b"\n"
    assert classify_run(_reply(exit=70), setup, LIMITS, "f").message.startswith("the judge could")
    assert not classify_run(_reply(exit=3), setup, LIMITS, "f").message.startswith("the judge")
    assert classify_run(_reply(exit=139), b"I\n", LIMITS, "f").message.startswith(
        "crashed with SIGSEGV"
    )
    mem = {
        "status": "raised",
        "error": {"$raises": {"name": "MemoryError", "mro": ["MemoryError"], "message": "x=3"}},
    }
    # The judge's words only: nothing of the exception's own text.
    assert (
        "x=3"
        not in classify_run(_reply(), b"I\nR " + json.dumps(mem).encode(), LIMITS, "f").message
    )
    assert (
        classify_run(_reply(), b"I\nR " + json.dumps(mem).encode(), LIMITS, "f").verdict
        == "memory_limit"
    )
    ce = classify_run(
        _reply(),
        b"R " + json.dumps({"status": "compile_error", "message": "bad"}).encode(),
        LIMITS,
        "f",
    )
    assert ce.verdict == "compile_error" and not ce.loaded
    # The submission cannot claim a verdict: an unknown status is a malformed result.
    fake = classify_run(
        _reply(), b"I\nR " + json.dumps({"status": "accepted"}).encode(), LIMITS, "f"
    )
    assert fake.verdict == "runtime_error"


def test_clock_readings_pair_up_per_call_or_are_not_believed():
    from mockint.grading.timing import intervals

    samples = [[0, 0], [0, 5_000], [1, 8_000], [1, 20_000], [1000, 30_000], [1000, 50_000]]
    assert intervals(samples) == [(0, 5e-6), (1, 1.2e-5), (1000, 2e-5)]
    # The last call of a run its CPU budget ended has a reading before it and none after.
    assert intervals(samples + [[1, 60_000]]) == intervals(samples)
    for bad in (None, "x", [[0, "1"], [0, 2]], [[0], [0]], [[0, 1, 2], [0, 3, 4]], {"a": 1}):
        assert intervals(bad) is None
    # A pair with two sizes, or a clock that goes back, is not the harness's.
    assert intervals([[0, 10], [1, 20]]) is None
    assert intervals([[0, 10], [0, 5]]) is None


def test_a_call_that_read_no_cpu_time_is_not_the_fastest():
    """A busy CI run once read 0.0 ms for a call between 0.66 and 2.5 ms: the clock had not
    moved on. Taken as the best time it left the reference's slope unsure in every round."""
    from mockint.grading.advice import Rounds, judge_rounds
    from mockint.grading.timing import fastest

    assert fastest([0.0, 1.3e-3, 1.2e-3]) == 1.2e-3
    assert fastest([0.0]) == 0.0 and fastest([]) is None
    sizes = [2000, 4000, 8000, 16000, 32000]
    rounds = Rounds(len(sizes))
    for r in range(6):
        times = [n * 1.6e-7 * (1 + 0.02 * r) for n in sizes]
        glitch = [0.0 if (r == 2 and i == 2) else t for i, t in enumerate(times)]
        rounds.ref.append([fastest([t, times[i] * 1.05]) for i, t in enumerate(glitch)])
        rounds.sub.append([fastest([t, times[i] * 1.05]) for i, t in enumerate(glitch)])
    verdict = judge_rounds(sizes, rounds, 1.0)
    assert verdict["ok"] is True, verdict


def _rounds(sizes, sub_slope, ref_slope, jitter, samples=4, ratio=1.0):
    """Samples of the best times of a submission and a reference growing as n^slope, each
    multiplied by a factor between 1 and 1 + jitter (load only ever adds time)."""
    from mockint.grading.advice import Rounds

    rng = np.random.default_rng(7)
    rounds = Rounds(len(sizes))
    for _ in range(samples):
        rounds.ref.append(
            [1e-3 * (n / sizes[0]) ** ref_slope * (1 + jitter * rng.random()) for n in sizes]
        )
        rounds.sub.append(
            [
                ratio * 1e-3 * (n / sizes[0]) ** sub_slope * (1 + jitter * rng.random())
                for n in sizes
            ]
        )
    return rounds


def test_a_slope_is_judged_only_when_its_interval_is_clear_of_the_limit():
    from mockint.grading.advice import judge_rounds

    sizes = [1000, 2000, 4000, 8000, 16000]
    # The reference itself, steady or on a busy machine: fine.
    assert judge_rounds(sizes, _rounds(sizes, 1.0, 1.0, 0.05), 1.0)["ok"] is True
    assert judge_rounds(sizes, _rounds(sizes, 1.0, 1.0, 0.4), 1.0)["ok"] is True
    # Quadratic where linear is asked, measured steadily: too slow.
    slow = judge_rounds(sizes, _rounds(sizes, 2.0, 1.0, 0.05, ratio=3), 1.0)
    assert slow["ok"] is False and slow["interval"][0] > 1.35
    # Slightly too steep, on a machine so noisy that the interval straddles the limit: not sure.
    unsure = judge_rounds(sizes, _rounds(sizes, 1.45, 1.0, 1.5, samples=2), 1.0)
    assert unsure["ok"] is None
    lo, hi = unsure["interval"]
    assert lo <= 1.35 < hi
    # Steeper than the target like the reference (its cache effects) and near it: fine.
    assert judge_rounds(sizes, _rounds(sizes, 1.6, 1.6, 0.05, ratio=2), 1.0)["ok"] is True
    # Near the reference is no excuse when the reference measured clearly within the limit
    # in the same rounds (a list.pop(0) window, 3x the reference, was "not sure" under load).
    assert judge_rounds(sizes, _rounds(sizes, 1.6, 1.3, 0.05, ratio=3), 1.0)["ok"] is False
    # ... nor hundreds of times slower than it.
    assert judge_rounds(sizes, _rounds(sizes, 1.9, 1.6, 0.05, ratio=300), 1.0)["ok"] is False
    # Fewer than three sizes timed: no slope at all.
    assert "slope" not in judge_rounds(sizes[:2], _rounds(sizes[:2], 1.0, 1.0, 0.05), 1.0)


def _spell_sweeps(monkeypatch, clean_from: int, cpu_s: float) -> list[str]:
    """Fake sweeps of a linear submission and its reference: in round 0 one pass is clean
    and one partly three times too slow, every pass of rounds 1 to clean_from - 1 likewise
    (a busy spell CPU time cannot remove), later ones are clean. The spell falls on the
    submission's three largest sizes and the reference's two smallest, a load that shifts
    between sweeps, so that the passes timed side by side disagree as well."""
    from mockint.grading import advice, timing

    sizes = [1000, 2000, 4000, 8000, 16000]
    seen: list[str] = []

    def sweep(run_child, problem, code, cases, caps, budget_s):
        rnd = len(seen) // 2
        seen.append(code)
        hit = (lambda i: i >= 2) if code == "submission" else (lambda i: i < 2)
        clean = [rnd >= clean_from or (rnd == 0 and p == 0) for p in range(2)]
        passes = [
            [n * 1e-7 * (1.0 if clean[p] or not hit(i) else 3.0) for i, n in enumerate(sizes)]
            for p in range(2)
        ]
        best = [min(c) for c in zip(*passes, strict=True)]
        return timing.Sweep(best=best, passes=passes, cpu_s=cpu_s, stopped_at=len(sizes))

    monkeypatch.setattr(timing, "sweep", sweep)
    monkeypatch.setattr(advice, "sized_cases", lambda mod, ns, seed: [{} for _ in ns])
    monkeypatch.setattr(advice, "reference_code", lambda problem: "reference")
    return seen


class _Problem:
    complexity = {"sizes": [1000, 2000, 4000, 8000, 16000], "target": "O(n)", "exponent": 1.0}


def test_a_busy_spell_longer_than_five_rounds_is_waited_out(monkeypatch):
    from mockint.grading import advice

    # Clean again from round 7: more rounds than five, and the advice is green.
    seen = _spell_sweeps(monkeypatch, clean_from=7, cpu_s=0.1)
    got = advice.complexity(None, _Problem, None, "submission")
    assert got["ok"] is True and len(seen) == 2 * 8, got
    # Busy for good: more rounds only while the sweeps have used under UNSURE_CPU_S of CPU,
    # then "not sure" (never a verdict the data do not support).
    seen = _spell_sweeps(monkeypatch, clean_from=99, cpu_s=2.0)
    got = advice.complexity(None, _Problem, None, "submission")
    assert got["ok"] is None and "not sure" in got["measured"], got
    assert len(seen) == 2 * round(advice.UNSURE_CPU_S / 4.0) < 2 * advice.MAX_ROUNDS_UNSURE


def test_a_tensor_dtype_comes_from_its_data_not_its_label():
    arr = np.arange(3, dtype=np.float64)
    got = from_wire({"$tensor": npy_bytes(arr), "dtype": "float32", "param": "yes"})
    assert got.dtype == "float64" and got.param is False


def test_a_forbidden_call_is_named_from_the_problem_and_quotes_its_rule():
    from mockint.grading.outcome import FORBIDDEN_CALL
    from mockint.grading.problems import load_problem

    problem = load_problem("pairwise-distances")

    def raised(name: str, message: str):
        err = {"$raises": {"name": name, "mro": [name], "message": message, "traceback": ""}}
        frame = b"I\nR " + json.dumps({"status": "raised", "error": err}).encode()
        return classify_run(_reply(), frame, LIMITS, "f", problem)

    out = raised(FORBIDDEN_CALL, "torch.cdist is off limits in this problem")
    assert out.verdict == "runtime_error"
    assert out.message.startswith(
        "calls torch.cdist, which the statement rules out (“`torch.cdist`"
    )
    assert out.rule_broken.startswith("a call the statement rules out (“`torch.cdist`")
    # A name the problem does not list, or another class, is an ordinary runtime error.
    for name, message in ((FORBIDDEN_CALL, "os.system is off limits"), ("X", "torch.cdist x")):
        other = raised(name, message)
        assert other.verdict == "runtime_error" and not other.rule_broken


def test_a_call_over_the_cap_settles_an_unsure_slope_as_too_slow(monkeypatch):
    # Three sizes timed with a slope the load left unsure, then a call over FAR times the
    # reference's CPU time at the next size (as bpe's recount-every-merge did in a busy CI).
    from mockint.grading import advice, timing

    sizes = _Problem.complexity["sizes"]
    calls: list[str] = []

    def sweep(run_child, problem, code, cases, caps, budget_s):
        if code == "reference":
            passes = [[n * 1e-6 for n in sizes[: len(cases)]] for _ in range(2)]
            best = [min(c) for c in zip(*passes, strict=True)]
            return timing.Sweep(best=best, passes=passes, cpu_s=0.1, stopped_at=len(cases))
        # Busy rounds: only the very first pass is clean, every later one 2.5 times slower,
        # so the two best samples of each size disagree and the slope's interval is wide.
        calls.append(code)
        passes = [
            [n * n * 1e-9 * (1.0 if len(calls) == 1 and p == 0 else 2.5) for n in sizes[:3]]
            + [None] * (len(cases) - 3)
            for p in range(2)
        ]
        best = [min(c) if None not in c else None for c in zip(*passes, strict=True)]
        return timing.Sweep(
            best=best, passes=passes, cpu_s=0.1, why="too slow", deterministic=True, stopped_at=3
        )

    monkeypatch.setattr(timing, "sweep", sweep)
    monkeypatch.setattr(advice, "sized_cases", lambda mod, ns, seed: [{} for _ in ns])
    monkeypatch.setattr(advice, "reference_code", lambda problem: "reference")
    got = advice.complexity(None, _Problem, None, "submission")
    assert got["ok"] is False and got["confidence"] == "sure", got
    assert "too slow at n=8000" in got["measured"], got


def _drifting(sizes, sub_slope, ref_slope, rounds_n=12):
    """A machine whose speed drifts: in round r (of the first five) the first pass of size r
    runs at full speed, every other pass 1.4 times slower, the same for both sweeps of the
    round (a second apart), with a little independent jitter. Every size's best then comes
    from another round and its two best samples disagree by the drift."""
    from mockint.grading.advice import Rounds

    rng = np.random.default_rng(11)
    rounds = Rounds(len(sizes))
    for r in range(rounds_n):
        for p in range(2):
            drift = [1.0 if (i, p) == (r, 0) else 1.4 for i in range(len(sizes))]
            for side, slope in ((rounds.ref, ref_slope), (rounds.sub, sub_slope)):
                side.append(
                    [
                        1e-3 * (n / sizes[0]) ** slope * drift[i] * (1 + 0.03 * rng.random())
                        for i, n in enumerate(sizes)
                    ]
                )
    return rounds


def test_a_drifting_machine_leaves_the_reference_beside_itself_green():
    from mockint.grading.advice import judge_rounds

    sizes = [2000, 4000, 8000, 16000, 32000]
    # A reference steeper than the limit (cache effects, as topological-sort's 1.2-1.5):
    # beside itself it is fine, though best-of-samples alone left it "not sure".
    same = judge_rounds(sizes, _drifting(sizes, 1.25, 1.25), 1.0)
    assert same["ok"] is True, same
    assert same["interval"][1] > 1.35  # the slope alone could not have said so
    # The paired estimate excuses nothing clearly steeper than the reference ...
    steeper = judge_rounds(sizes, _drifting(sizes, 1.9, 1.25), 1.0)
    assert steeper["ok"] is not True, steeper
    # ... nor a steep submission beside a reference within the limit.
    flat_ref = judge_rounds(sizes, _drifting(sizes, 1.6, 1.0), 1.0)
    assert flat_ref["ok"] is not True, flat_ref
    # Too few rounds to trust a spread: still not sure.
    few = judge_rounds(sizes, _drifting(sizes, 1.25, 1.25, rounds_n=2), 1.0)
    assert few["ok"] is None, few
