"""Trusted cases for layer-norm. The gradient dx comes from the full Jacobian of each row's
normalisation (built explicitly, O(D^2) per row), not from the closed form the reference
uses, so the two are independent."""

import numpy as np

from mockint.grading.values import ndarray


def _case(cid, x, gamma, beta, dy, eps=1e-5, note=""):
    arrs = [ndarray(np.asarray(a, dtype=np.float64)) for a in (x, gamma, beta, dy)]
    return {"id": cid, "args": [*arrs, eps], "check_args": [0, 1, 2, 3], "note": note}


def _rand(rng, n, d, scale=1.0, shift=0.0, note="", cid=None, eps=1e-5):
    return _case(
        cid,
        rng.normal(shift, scale, size=(n, d)),
        rng.normal(1, 0.3, size=d),
        rng.normal(0, 0.3, size=d),
        rng.normal(size=(n, d)),
        eps,
        note,
    )


def visible():
    rng = np.random.default_rng(15)
    return [
        _case("example", [[1, 2, 3]], [1, 1, 1], [0, 0, 0], [[1, 1, 1]], eps=0.0),
        _rand(rng, 4, 6, cid="random"),
        _case(
            "gamma-beta",
            [[0.5, -1.0], [2.0, 4.0]],
            [2.0, -1.0],
            [0.5, 0.25],
            [[0.1, -0.3], [1.0, 2.0]],
        ),
        _rand(rng, 1, 1, cid="one-feature"),
    ]


def hidden():
    rng = np.random.default_rng(16)
    return [
        _rand(rng, 3, 16, scale=1e-3, note="tiny variance, eps matters", cid="tiny-variance"),
        _rand(rng, 5, 8, scale=10.0, shift=1e3, note="large offset", cid="offset"),
        _case(
            "constant-row",
            [[3.0, 3.0, 3.0, 3.0]],
            [1.0, 2.0, 3.0, 4.0],
            [0.0] * 4,
            [[1.0, -1.0, 2.0, 0.5]],
            note="a row with zero variance",
        ),
    ]


def generate(rng):
    n, d = int(rng.integers(1, 40)), int(rng.integers(2, 64))
    return _rand(
        rng,
        n,
        d,
        scale=float(rng.uniform(0.1, 5)),
        shift=float(rng.normal(0, 3)),
        note=f"{n} rows of {d} features",
    )


def expected(case):
    x, gamma, beta, dy = (a.data for a in case["args"][:4])
    eps = case["args"][4]
    n, d = x.shape
    mu = x.mean(axis=1, keepdims=True)
    var = ((x - mu) ** 2).mean(axis=1, keepdims=True)
    std = np.sqrt(var + eps)
    x_hat = (x - mu) / std
    y = gamma * x_hat + beta
    dx = np.empty_like(x)
    eye = np.eye(d)
    for i in range(n):  # Jacobian of x_hat w.r.t. the row, element by element
        c = x[i] - mu[i]
        s = std[i, 0]
        jac = (eye - 1.0 / d) / s - np.outer(c, c) / (d * s**3)
        dx[i] = jac.T @ (dy[i] * gamma)
    return (ndarray(y), ndarray(dx), ndarray((dy * x_hat).sum(axis=0)), ndarray(dy.sum(axis=0)))


def sized(n, rng):
    d = 16
    return {
        "args": [
            ndarray(rng.normal(size=(n, d))),
            ndarray(np.ones(d)),
            ndarray(np.zeros(d)),
            ndarray(rng.normal(size=(n, d))),
            1e-5,
        ]
    }


def examples():
    """The statement's worked examples, as FORMAT.md describes."""
    return [
        dict(
            _case("example", [[1, 2, 3]], [1, 1, 1], [0, 0, 0], [[1, 1, 1]], eps=0.0),
            shows=[
                "`x = [[1, 2, 3]]`, `gamma = [1, 1, 1]`, `beta = [0, 0, 0]`, `eps = 0`",
                "`y = [[-1.2247, 0, 1.2247]]`; with `dy = [[1, 1, 1]]` the gradient `dx` is zero",
                "`dgamma = y[0]` and `dbeta = [1, 1, 1]`",
            ],
            want=(
                ndarray([[-1.2247, 0.0, 1.2247]]),
                ndarray([[0.0, 0.0, 0.0]]),
                ndarray([-1.2247, 0.0, 1.2247]),
                ndarray([1.0, 1.0, 1.0]),
            ),
            atol=1e-4,
        )
    ]
