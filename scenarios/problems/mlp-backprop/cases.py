"""Trusted cases for mlp-backprop. Gradients are computed sample by sample with explicit
per-sample Jacobians in float64 (a different route from the batched matrix form)."""

import math

import numpy as np

from mockint.grading.values import ndarray


def _case(cid, X, y, W1, b1, W2, b2, note=""):
    arrs = [np.asarray(X, dtype=np.float64), np.asarray(y, dtype=np.int64)]
    arrs += [np.asarray(a, dtype=np.float64) for a in (W1, b1, W2, b2)]
    return {
        "id": cid,
        "args": [ndarray(a) for a in arrs],
        "check_args": list(range(6)),
        "note": note,
    }


def _rand(rng, n, d, h, c, scale=1.0, cid=None, note=""):
    return _case(
        cid,
        rng.normal(size=(n, d)),
        rng.integers(0, c, size=n),
        rng.normal(0, scale / math.sqrt(d), size=(d, h)),
        rng.normal(0, 0.1, size=h),
        rng.normal(0, scale / math.sqrt(h), size=(h, c)),
        rng.normal(0, 0.1, size=c),
        note,
    )


def _zero_weights():
    """Two samples, three classes, every weight and bias zero: the statement's example."""
    zeros = (np.zeros((2, 3)), np.zeros(3), np.zeros((3, 3)), np.zeros(3))
    return _case("zero-weights", [[1.0, 2.0], [3.0, -1.0]], [0, 2], *zeros)


def visible():
    rng = np.random.default_rng(17)
    return [
        _zero_weights(),
        _rand(rng, 5, 4, 6, 3, cid="random"),
        _rand(rng, 1, 3, 2, 2, cid="one-sample"),
    ]


def hidden():
    rng = np.random.default_rng(18)
    return [
        _rand(
            rng,
            8,
            5,
            7,
            4,
            scale=40.0,
            cid="large-logits",
            note="large weights: logits in the hundreds",
        ),
        _rand(rng, 30, 10, 1, 5, cid="one-hidden-unit", note="a single hidden unit"),
        _rand(rng, 12, 3, 8, 2, cid="two-classes", note="two classes"),
    ]


def generate(rng):
    n, d, h, c = (int(v) for v in rng.integers([1, 1, 1, 2], [60, 12, 16, 8]))
    return _rand(
        rng, n, d, h, c, scale=float(rng.uniform(0.5, 3.0)), note=f"{n} samples, {d} -> {h} -> {c}"
    )


def expected(case):
    X, y, W1, b1, W2, b2 = (a.data for a in case["args"])
    n = X.shape[0]
    loss = 0.0
    g = {
        "W1": np.zeros_like(W1),
        "b1": np.zeros_like(b1),
        "W2": np.zeros_like(W2),
        "b2": np.zeros_like(b2),
    }
    for i in range(n):
        z1 = X[i] @ W1 + b1
        a1 = np.maximum(z1, 0.0)
        logits = a1 @ W2 + b2
        m = logits.max()
        lse = m + math.log(float(np.exp(logits - m).sum()))
        loss += (lse - logits[y[i]]) / n
        p = np.exp(logits - lse)
        dlogits = (p - np.eye(len(b2))[y[i]]) / n
        g["W2"] += np.outer(a1, dlogits)
        g["b2"] += dlogits
        da1 = W2 @ dlogits
        dz1 = da1 * (z1 > 0)
        g["W1"] += np.outer(X[i], dz1)
        g["b1"] += dz1
    return (float(loss), {k: ndarray(v) for k, v in g.items()})


def sized(n, rng):
    c = _rand(rng, n, 8, 16, 4)
    return {"args": c["args"]}


def examples():
    """The statement's worked examples, as FORMAT.md describes."""
    return [
        dict(
            _zero_weights(),
            shows=[
                "with every weight and bias zero, the logits are all 0, so the loss is `log(c)`",
                '`grads["b2"]` is `mean(softmax - one_hot(y))` over the samples, while the other',
            ],
            # c = 3 classes; labels 0 and 2: mean of [1/3 - 1, 1/3, 1/3] and [1/3, 1/3, 1/3 - 1].
            want=(
                float(np.log(3)),
                {
                    "W1": ndarray(np.zeros((2, 3))),
                    "b1": ndarray(np.zeros(3)),
                    "W2": ndarray(np.zeros((3, 3))),
                    "b2": ndarray([1 / 3 - 0.5, 1 / 3, 1 / 3 - 0.5]),
                },
            ),
        )
    ]
