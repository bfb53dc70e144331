"""Trusted cases for pairwise-distances (expected values in float64 by direct differences)."""

import numpy as np

from mockint.grading.values import tensor

_EPS = {"float32": np.finfo(np.float32).eps, "float64": np.finfo(np.float64).eps}


def _case(cid, x, dtype="float32", note=""):
    x = np.asarray(x, dtype=np.float64).reshape(len(x), -1) if len(x) else np.zeros((0, 3))
    t = tensor(x, dtype)
    # The expansion trick cancels |x|^2-sized terms; its error in the distance is about
    # sqrt(eps) * |x|, which a fair judge must accept.
    scale = float(np.max(np.sum(t.data.astype(np.float64) ** 2, axis=1))) if x.size else 0.0
    atol = 8 * float(np.sqrt(_EPS[dtype] * scale)) + 1e-6
    return {"id": cid, "args": [t], "check_args": [0], "atol": atol, "note": note}


def visible():
    return [
        _case("example", [[0.0, 0.0], [3.0, 4.0]]),
        _case("three-points", [[1.0, 2.0, 3.0], [-1.0, 0.5, 2.0], [0.0, 0.0, 0.0]]),
        _case("duplicates", [[1.5, -2.0], [1.5, -2.0], [0.0, 1.0]]),
        _case("one-point", [[7.0, 1.0, -3.0]]),
        _case("float64", [[0.1, 0.2], [0.3, -0.4], [1e-3, 2e-3]], "float64"),
    ]


def hidden():
    return [
        _case("empty", [], note="no points at all"),
        _case("one-dimension", [[1.0], [4.0], [-2.0]], note="points on a line"),
        _case(
            "offset-cluster",
            (np.arange(12).reshape(6, 2) * 1e-2 + 5.0).tolist(),
            note="close points far from the origin",
        ),
    ]


def generate(rng):
    n, d = int(rng.integers(2, 40)), int(rng.integers(1, 12))
    dtype = "float32" if rng.random() < 0.6 else "float64"
    return _case(
        None,
        rng.normal(0, 3, size=(n, d)),
        dtype,
        note=f"{n} random {dtype} points in {d} dimensions",
    )


def expected(case):
    x = case["args"][0]
    pts = x.data.astype(np.float64)
    diff = pts[:, None, :] - pts[None, :, :]
    return tensor(np.sqrt(np.sum(diff * diff, axis=-1)), x.dtype)


def sized(n, rng):
    return {"args": [tensor(rng.normal(size=(n, 8)), "float32")]}


def examples():
    """The statement's worked examples, as FORMAT.md describes."""
    return [
        dict(
            _case("example", [[0.0, 0.0], [3.0, 4.0]]),
            shows=["for `x = [[0, 0], [3, 4]]` the answer is `[[0, 5], [5, 0]]`"],
            want=tensor([[0.0, 5.0], [5.0, 0.0]], "float32"),
        )
    ]
