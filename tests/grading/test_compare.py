"""The trusted side's comparisons and decoding, without any subprocess."""

import json

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


def test_clock_timings_take_the_best_call_per_size_and_survive_garbage():
    from mockint.grading.advice import clock_timings

    samples = [[0, 0], [0, 5_000], [0, 8_000], [0, 20_000], [1, 30_000], [1, 50_000]]
    assert clock_timings(samples, 3) == [3e-6, 2e-5]
    for bad in (None, "x", [[0, "1"]], [[0]], [[0, 1, 2]], {"a": 1}, [[0, 1.5]]):
        assert clock_timings(bad, 2) == []
    # A clock that goes back (it cannot, unless the samples are not the init's) is ignored.
    assert clock_timings([[0, 10], [0, 5]], 1) == []


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
