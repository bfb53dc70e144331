"""Trusted cases for stable-softmax: each slice in plain Python floats with math.fsum."""

import math

import numpy as np

from mockint.grading.values import ndarray, raises

TOL = {"float32": (1e-5, 1e-6), "float64": (1e-9, 1e-12)}


def _case(cid, x, axis=None, dtype="float64", note=""):
    args = [ndarray(np.asarray(x, dtype=np.float64).astype(dtype))]
    if axis is not None:
        args.append(axis)
    rtol, atol = TOL[dtype]
    return {"id": cid, "args": args, "check_args": [0], "note": note, "rtol": rtol, "atol": atol}


def visible():
    inf = float("inf")
    return [
        _case("example", [[0.0, 0.0], [1000.0, -inf]]),
        _case("axis-0", [[1.0, 2.0, 3.0], [1.0, 0.0, -1.0]], 0),
        _case("all-masked", [[-inf, -inf], [2.0, 2.0]], dtype="float32"),
        _case("nan", [[1.0, float("nan")]]),
    ]


def hidden():
    rng = np.random.default_rng(29)
    big = np.finfo(np.float64).max
    huge32 = np.finfo(np.float32).max
    return [
        _case(
            "float64-max", [[big, big, 0.0], [-big, big, -big]], note="entries near the float64 max"
        ),
        _case(
            "float32-huge",
            [[huge32, huge32 / 2], [-huge32, 0.0]],
            dtype="float32",
            note="float32 near its max",
        ),
        _case("3d-middle-axis", rng.normal(0, 50, (3, 4, 5)), -2, note="a 3-D input, axis -2"),
        _case("plus-inf", [[1.0, float("inf")]], note="+inf entry"),
        _case("bad-axis", [[1.0, 2.0]], 2, note="axis out of range"),
        _case("empty-axis", np.zeros((2, 0)), note="a length-0 axis"),
    ]


def generate(rng):
    ndim = int(rng.integers(1, 4))
    shape = tuple(int(v) for v in rng.integers(1, 7, size=ndim))
    x = rng.normal(0, float(rng.choice([1.0, 100.0, 1e4])), size=shape)
    x[rng.random(shape) < 0.2] = -np.inf
    axis = int(rng.integers(-ndim, ndim))
    dtype = "float32" if rng.random() < 0.4 else "float64"
    return _case(None, x, axis, dtype, note=f"shape {shape}, axis {axis}, {dtype}, some -inf")


def _slice(values):
    finite = [v for v in values if v != -math.inf]
    if not finite:
        return -math.inf, [0.0] * len(values)
    m = max(finite)
    total = math.fsum(math.exp(v - m) for v in finite)
    lse = m + math.log(total)
    return lse, [0.0 if v == -math.inf else math.exp(v - m) / total for v in values]


def expected(case):
    x = case["args"][0].data
    axis = case["args"][1] if len(case["args"]) > 1 else -1
    if x.ndim == 0 or not -x.ndim <= axis < x.ndim or np.isnan(x).any() or np.isposinf(x).any():
        return raises("ValueError")
    if x.shape[axis] == 0:
        return raises("ValueError")
    moved = np.moveaxis(x.astype(np.float64), axis, -1)
    lse = np.empty(moved.shape[:-1])
    p = np.empty(moved.shape)
    for idx in np.ndindex(*moved.shape[:-1]):
        lse[idx], p[idx] = _slice([float(v) for v in moved[idx]])
    with np.errstate(over="ignore"):  # float32 rounding of m + log(total) at the max
        return (ndarray(lse.astype(x.dtype)), ndarray(np.moveaxis(p, -1, axis).astype(x.dtype)))


def sized(n, rng):
    return {"args": [ndarray(rng.normal(size=(n, 16))), 1]}


def examples():
    """The statement's worked examples, as FORMAT.md describes."""
    return [
        dict(
            _case("example", [[0.0, 0.0], [1000.0, -math.inf]]),
            shows=[
                "`x = [[0, 0], [1000, -inf]]` gives `lse = [log 2, 1000]`",
                "`p = [[0.5, 0.5], [1, 0]]`",
            ],
            want=(ndarray([math.log(2), 1000.0]), ndarray([[0.5, 0.5], [1.0, 0.0]])),
        )
    ]
