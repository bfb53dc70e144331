"""Trusted cases for batch-norm: float64 statistics computed feature by feature."""

import math

import numpy as np

from mockint.grading.values import ndarray


def _case(cid, x, gamma, beta, eps=None, note=""):
    args = [
        ndarray(np.asarray(x, dtype=np.float64)),
        ndarray(np.asarray(gamma, dtype=np.float64)),
        ndarray(np.asarray(beta, dtype=np.float64)),
    ]
    case = {"id": cid, "args": args, "check_args": [0, 1, 2], "note": note}
    if eps is not None:
        case["args"].append(eps)
    return case


def visible():
    return [
        _case("example", [[1.0, 2.0], [3.0, 6.0]], [1.0, 1.0], [0.0, 0.0]),
        _case("scale-and-shift", [[0.0], [1.0], [2.0], [5.0]], [2.0], [-1.0]),
        _case("constant-feature", [[4.0, 1.0], [4.0, 2.0], [4.0, 3.0]], [1.0, 0.5], [0.0, 0.0]),
        _case("custom-eps", [[1.0], [2.0]], [1.0], [0.0], eps=0.25),
    ]


def hidden():
    rng = np.random.default_rng(12)
    return [
        _case(
            "single-row",
            [[3.0, -2.0, 7.0]],
            [1.0, 2.0, 3.0],
            [0.1, 0.2, 0.3],
            note="a batch of one",
        ),
        _case(
            "large-offset",
            rng.normal(1e6, 1.0, size=(64, 4)),
            np.ones(4),
            np.zeros(4),
            note="features around one million with unit spread",
        ),
    ]


def generate(rng):
    n, d = int(rng.integers(2, 100)), int(rng.integers(1, 16))
    return _case(
        None,
        rng.normal(rng.normal(0, 5), rng.uniform(0.1, 10), size=(n, d)),
        rng.normal(size=d),
        rng.normal(size=d),
        note=f"a random batch of {n} x {d}",
    )


def expected(case):
    x, gamma, beta = (a.data for a in case["args"][:3])
    eps = case["args"][3] if len(case["args"]) > 3 else 1e-5
    n, d = x.shape
    mean, var, out = np.zeros(d), np.zeros(d), np.zeros((n, d))
    for j in range(d):
        col = [float(v) for v in x[:, j]]
        mean[j] = math.fsum(col) / n
        var[j] = math.fsum((v - mean[j]) ** 2 for v in col) / n
        out[:, j] = gamma[j] * (x[:, j] - mean[j]) / math.sqrt(var[j] + eps) + beta[j]
    return (ndarray(out), ndarray(mean), ndarray(var))


def sized(n, rng):
    return {"args": [ndarray(rng.normal(size=(n, 8))), ndarray(np.ones(8)), ndarray(np.zeros(8))]}
