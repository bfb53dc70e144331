"""Trusted cases for kmeans: a plain Lloyd's loop with exact distances in float64."""

import numpy as np

from mockint.grading.values import ndarray


def _case(cid, X, init, max_iter, note=""):
    return {
        "id": cid,
        "args": [
            ndarray(np.asarray(X, dtype=np.float64)),
            ndarray(np.asarray(init, dtype=np.float64)),
            max_iter,
        ],
        "check_args": [0, 1],
        "note": note,
    }


def _blobs(rng, n, k, d, spread=1.0):
    centres = rng.normal(0, 6, size=(k, d))
    X = centres[rng.integers(0, k, size=n)] + rng.normal(0, spread, size=(n, d))
    return X, X[rng.choice(n, size=k, replace=False)]


def visible():
    rng = np.random.default_rng(11)
    X, init = _blobs(rng, 60, 3, 2)
    return [
        _case("example", [[0, 0], [0, 1], [10, 10], [10, 11]], [[0, 0], [10, 10]], 10),
        _case("three-blobs", X, init, 50),
        _case("empty-cluster", [[0, 0], [1, 0], [0, 1], [1, 1]], [[0.5, 0.5], [100, 100]], 5),
        _case("no-iterations", X, init, 0),
        _case("one-iteration", X, init + 1.0, 1),
    ]


def hidden():
    rng = np.random.default_rng(12)
    X, init = _blobs(rng, 300, 6, 5, spread=3.0)
    return [
        _case("overlapping", X, init, 100, note="overlapping clusters in 5 dimensions"),
        _case("one-cluster", X, init[:1], 10, note="k = 1"),
        _case(
            "one-dimension",
            [[1.0], [2.0], [9.0], [10.0], [11.0]],
            [[0.0], [5.0]],
            20,
            note="points on a line",
        ),
    ]


def generate(rng):
    n, k, d = int(rng.integers(20, 400)), int(rng.integers(2, 8)), int(rng.integers(1, 6))
    X, init = _blobs(rng, n, k, d, spread=float(rng.uniform(0.5, 4.0)))
    return _case(
        None, X, init, int(rng.integers(1, 60)), note=f"{n} points in {d} dimensions, k = {k}"
    )


def _assign(X, C):
    d2 = ((X[:, None, :] - C[None, :, :]) ** 2).sum(axis=2)
    return d2.argmin(axis=1)


def expected(case):
    X, init, max_iter = case["args"][0].data, case["args"][1].data, case["args"][2]
    C = init.copy()
    labels = _assign(X, C)
    for _ in range(max_iter):
        new = C.copy()
        for j in range(len(C)):
            members = X[labels == j]
            if len(members):
                new[j] = members.mean(axis=0)
        C = new
        new_labels = _assign(X, C)
        changed = bool((new_labels != labels).any())
        labels = new_labels
        if not changed:
            break
    return (ndarray(C), ndarray(labels.astype(np.int64)))


def sized(n, rng):
    X, init = _blobs(rng, n, 4, 3)
    return {"args": [ndarray(X), ndarray(init), 5]}


def examples():
    """The statement's worked examples, as FORMAT.md describes."""
    return [
        dict(
            _case("example", [[0, 0], [0, 1], [10, 10], [10, 11]], [[0, 0], [10, 10]], 10),
            shows=[
                "`X = [[0, 0], [0, 1], [10, 10], [10, 11]]`, `init = [[0, 0], [10, 10]]`",
                "gives centroids `[[0, 0.5], [10, 10.5]]` and labels `[0, 0, 1, 1]`",
            ],
            want=(ndarray([[0.0, 0.5], [10.0, 10.5]]), ndarray([0, 0, 1, 1])),
        )
    ]
