"""Trusted cases for linear-regression: expected values from float64 least squares."""

import numpy as np

from mockint.grading.values import ndarray


def _case(cid, X, y, note=""):
    return {
        "id": cid,
        "args": [
            ndarray(np.asarray(X, dtype=np.float64)),
            ndarray(np.asarray(y, dtype=np.float64)),
        ],
        "check_args": [0, 1],
        "note": note,
    }


def _noisy(rng, n, d, noise=0.1, scale=1.0):
    X = rng.normal(0, scale, size=(n, d))
    w = rng.normal(size=d)
    return X, X @ w + rng.normal() + rng.normal(0, noise, size=n)


def visible():
    rng = np.random.default_rng(5)
    return [
        _case("example", [[0.0], [1.0], [2.0]], [1.0, 3.0, 5.0]),
        _case(
            "two-features-exact",
            [[1.0, 0.0], [0.0, 1.0], [1.0, 1.0], [2.0, 1.0]],
            [3.0, -1.0, 2.0, 5.0],
        ),
        _case("noisy", *_noisy(rng, 50, 3)),
        _case("negative-slope", [[1.0], [2.0], [3.0], [4.0]], [10.0, 8.0, 6.5, 4.0]),
    ]


def hidden():
    rng = np.random.default_rng(6)
    X, y = _noisy(rng, 200, 5, scale=1000.0)
    return [
        _case("large-scale-features", X, y, note="features of size about 1000"),
        _case("just-enough-rows", *_noisy(rng, 4, 3, noise=0.0), note="n = d + 1, an exact fit"),
    ]


def generate(rng):
    n, d = int(rng.integers(10, 300)), int(rng.integers(1, 8))
    return _case(None, *_noisy(rng, n, d), note=f"{n} noisy samples, {d} features")


def expected(case):
    X, y = case["args"][0].data, case["args"][1].data
    A = np.hstack([X, np.ones((X.shape[0], 1))])
    coef, *_ = np.linalg.lstsq(A, y, rcond=None)
    return (ndarray(coef[:-1]), float(coef[-1]))


def sized(n, rng):
    X, y = _noisy(rng, n, 4)
    return {"args": [ndarray(X), ndarray(y)]}


def examples():
    """The statement's worked examples, as FORMAT.md describes."""
    return [
        dict(
            _case("example", [[0.0], [1.0], [2.0]], [1.0, 3.0, 5.0]),
            shows=["`X = [[0], [1], [2]]`, `y = [1, 3, 5]` gives `weights = [2.0]`, `bias = 1.0`"],
            want=(ndarray([2.0]), 1.0),
        )
    ]
