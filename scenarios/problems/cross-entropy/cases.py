"""Trusted cases for cross-entropy: float64 log-sum-exp in NumPy."""

import numpy as np

from mockint.grading.values import tensor


def _case(cid, logits, targets, dtype="float32", note=""):
    logits = np.asarray(logits, dtype=np.float64)
    # Rounding the logits themselves moves the loss by about eps * |logit|.
    atol = 1e-5 + 16 * float(np.finfo(dtype).eps) * float(np.max(np.abs(logits)))
    return {
        "id": cid,
        "args": [tensor(logits, dtype), tensor(np.asarray(targets), "int64")],
        "check_args": [0, 1],
        "note": note,
        "atol": atol,
    }


def visible():
    return [
        _case("example", [[0.0, 0.0]], [1]),
        _case("batch", [[2.0, 1.0, 0.1], [0.5, 2.5, -1.0]], [0, 2]),
        _case("confident", [[10.0, -10.0], [-10.0, 10.0]], [0, 1]),
        _case("float64", [[1.0, 2.0, 3.0, 4.0]], [3], "float64"),
    ]


def hidden():
    return [
        _case(
            "huge-logits",
            [[1000.0, 999.0, 0.0], [-1000.0, -1001.0, -999.0]],
            [1, 2],
            note="logits around +-1000",
        ),
        _case("one-class", [[3.0], [-7.0]], [0, 0], note="a single class"),
        _case("huge-float64", [[800.0, -800.0]], [1], "float64", note="float64 logits of 800"),
    ]


def generate(rng):
    n, c = int(rng.integers(1, 64)), int(rng.integers(2, 20))
    scale = float(rng.choice([1.0, 30.0, 300.0]))
    dtype = "float32" if rng.random() < 0.7 else "float64"
    return _case(
        None,
        rng.normal(0, scale, size=(n, c)),
        rng.integers(0, c, size=n),
        dtype,
        note=f"{n} x {c} {dtype} logits with spread {scale:g}",
    )


def expected(case):
    logits, targets = case["args"]
    z = logits.data.astype(np.float64)
    t = targets.data
    top = z.max(axis=1, keepdims=True)
    lse = top[:, 0] + np.log(np.exp(z - top).sum(axis=1))
    return tensor(np.mean(lse - z[np.arange(len(t)), t]), logits.dtype)


def sized(n, rng):
    return {
        "args": [
            tensor(rng.normal(size=(n, 10)), "float32"),
            tensor(rng.integers(0, 10, size=n), "int64"),
        ]
    }


def examples():
    """The statement's worked examples, as FORMAT.md describes."""
    return [
        dict(
            _case("example", [[0.0, 0.0]], [1]),
            shows=["`logits = [[0, 0]]`, `targets = [1]` gives `log 2 = 0.6931...`"],
            want=tensor(0.6931, "float32"),
            atol=1e-4,
        )
    ]
