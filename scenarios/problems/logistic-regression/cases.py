"""Trusted cases for logistic-regression: the same gradient steps in float64, with a
stable sigmoid written independently of the reference."""

import math

import numpy as np

from mockint.grading.values import ndarray


def _case(cid, X, y, lr, epochs, l2=0.0, note=""):
    return {
        "id": cid,
        "args": [
            ndarray(np.asarray(X, dtype=np.float64)),
            ndarray(np.asarray(y, dtype=np.float64)),
            lr,
            epochs,
            l2,
        ],
        "check_args": [0, 1],
        "note": note,
    }


def _data(rng, n, d, scale=1.0):
    X = rng.normal(0, scale, size=(n, d))
    w = rng.normal(size=d) / scale
    y = (rng.random(n) < 1 / (1 + np.exp(-(X @ w)))).astype(np.float64)
    return X, y


def visible():
    rng = np.random.default_rng(13)
    X, y = _data(rng, 80, 3)
    return [
        _case("example", [[0.0], [1.0], [2.0], [3.0]], [0, 0, 1, 1], 0.1, 1),
        _case("many-steps", X, y, 0.5, 200),
        _case("with-l2", X, y, 0.5, 200, l2=0.1),
        _case("no-steps", X, y, 0.5, 0),
    ]


def hidden():
    rng = np.random.default_rng(14)
    X, y = _data(rng, 50, 2, scale=100.0)
    sep = np.array([[-3.0], [-2.0], [2.0], [3.0]])
    return [
        _case("large-scores", X, y, 0.01, 50, note="features of size about 100"),
        _case("separable", sep, [0, 0, 1, 1], 1.0, 500, note="perfectly separable data"),
        _case("all-one-class", X[:10], np.ones(10), 0.1, 30, note="every label is 1"),
    ]


def generate(rng):
    n, d = int(rng.integers(10, 300)), int(rng.integers(1, 8))
    X, y = _data(rng, n, d)
    lr, epochs = float(rng.choice([0.01, 0.1, 0.5])), int(rng.integers(1, 150))
    l2 = float(rng.choice([0.0, 0.01, 0.1]))
    return _case(None, X, y, lr, epochs, l2, note=f"{n} samples, {d} features, {epochs} steps")


def _sigmoid(z):
    out = np.empty_like(z)
    for i, v in enumerate(z):
        out[i] = 1 / (1 + math.exp(-v)) if v >= 0 else math.exp(v) / (1 + math.exp(v))
    return out


def expected(case):
    X, y = case["args"][0].data, case["args"][1].data
    lr, epochs, l2 = case["args"][2:]
    n, d = X.shape
    w, b = np.zeros(d), 0.0
    for _ in range(epochs):
        r = _sigmoid(X @ w + b) - y
        w, b = w - lr * (X.T @ r / n + l2 * w), b - lr * float(r.mean())
    return (ndarray(w), float(b))


def sized(n, rng):
    X, y = _data(rng, n, 4)
    return {"args": [ndarray(X), ndarray(y), 0.1, 20, 0.0]}


def examples():
    """The statement's worked examples, as FORMAT.md describes."""
    return [
        dict(
            _case("example", [[0.0], [1.0], [2.0], [3.0]], [0, 0, 1, 1], 0.1, 1),
            shows=[
                "`X = [[0], [1], [2], [3]]`, `y = [0, 0, 1, 1]`, `lr = 0.1`, `epochs = 1`",
                "`w = [0.05]` and `b = 0.0`",
            ],
            want=(ndarray([0.05]), 0.0),
        )
    ]
