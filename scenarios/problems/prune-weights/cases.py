"""Trusted cases for prune-weights."""

import numpy as np

from mockint.grading.values import raises, tensor


def _case(cid, w, threshold, dtype="float32", note=""):
    return {
        "id": cid,
        "args": [tensor(np.asarray(w), dtype), threshold],
        "check_args": [0],
        "note": note,
    }


def visible():
    return [
        _case("example", [0.5, -0.05, 0.1], 0.1),
        _case("matrix", [[1.0, -2.0, 0.01], [-0.3, 0.2, -0.001]], 0.25),
        _case("zero-threshold", [[0.0, -1e-8], [3.0, -0.0]], 0.0),
        _case("negative-threshold", [1.0, 2.0], -0.5),
        _case("float64", [[0.1, -0.7], [0.69, -0.71]], 0.7, "float64"),
    ]


def hidden():
    return [
        _case("empty", np.zeros((0, 3)), 0.5, note="a tensor with no elements"),
        _case("scalar", np.float32(-0.25), 0.3, note="a zero-dimensional tensor"),
        _case("all-pruned", np.full((4, 4), 0.01), 1.0, note="everything below the threshold"),
    ]


def generate(rng):
    shape = tuple(int(s) for s in rng.integers(1, 9, size=int(rng.integers(1, 4))))
    dtype = "float32" if rng.random() < 0.7 else "float64"
    w = rng.normal(size=shape)
    threshold = float(np.quantile(np.abs(w), 0.5))
    return _case(None, w, threshold, dtype, note=f"random {dtype} tensor of shape {shape}")


def expected(case):
    w, threshold = case["args"]
    if threshold < 0:
        return raises("ValueError")
    data = w.data.astype(w.dtype)
    return tensor(np.where(np.abs(data) < threshold, np.zeros_like(data), data), w.dtype)


def sized(n, rng):
    return {"args": [tensor(rng.normal(size=(n,)), "float32"), 0.5]}


def examples():
    """The statement's worked examples, as FORMAT.md describes."""
    return [
        dict(
            _case("example", [0.5, -0.05, 0.1], 0.1),
            shows=[
                "`prune_weights(torch.tensor([0.5, -0.05, 0.1]), 0.1)` is `tensor([0.5, 0.0, 0.1])`"
            ],
            want=tensor([0.5, 0.0, 0.1], "float32"),
        )
    ]
