"""Trusted cases for csr-matvec: expected values from the dense product in float64."""

import numpy as np

from mockint.grading.values import ndarray


def _from_rows(rows, n_cols, x, cid, note=""):
    data, indices, indptr = [], [], [0]
    for row in rows:
        for col, val in row:
            indices.append(col)
            data.append(val)
        indptr.append(len(data))
    return {
        "id": cid,
        "note": note,
        "n_cols": n_cols,
        "args": [
            ndarray(np.asarray(data, dtype=np.float64)),
            ndarray(np.asarray(indices, dtype=np.int64)),
            ndarray(np.asarray(indptr, dtype=np.int64)),
            ndarray(np.asarray(x, dtype=np.float64)),
        ],
        "check_args": [0, 1, 2, 3],
    }


def visible():
    return [
        _from_rows([[(0, 1.0), (2, 2.0)], [(1, 3.0)]], 3, [1.0, 1.0, 1.0], "example"),
        _from_rows([[(1, 2.0)], [], [(0, -1.0), (2, 0.5)]], 3, [4.0, 5.0, 6.0], "empty-row"),
        _from_rows([[(0, 1.5), (0, 2.5)]], 2, [2.0, 9.0], "repeated-column"),
        _from_rows([[], []], 4, [1.0, 2.0, 3.0, 4.0], "all-empty"),
    ]


def hidden():
    return [
        _from_rows([], 3, [1.0, 2.0, 3.0], "no-rows", note="a matrix with zero rows"),
        _from_rows(
            [[], [], [(3, 7.0)]], 4, [1.0, 1.0, 1.0, 2.0], "trailing-entry", note="empty rows first"
        ),
    ]


def _random(rng, n_rows, n_cols, per_row):
    rows = []
    for _ in range(n_rows):
        cols = rng.integers(0, n_cols, size=int(rng.integers(0, per_row + 1)))
        rows.append(
            [(int(c), float(v)) for c, v in zip(cols, rng.normal(size=len(cols)), strict=False)]
        )
    return rows


def generate(rng):
    n_rows, n_cols = int(rng.integers(1, 300)), int(rng.integers(1, 300))
    rows = _random(rng, n_rows, n_cols, 6)
    return _from_rows(
        rows, n_cols, rng.normal(size=n_cols), None, note=f"random {n_rows} x {n_cols} matrix"
    )


def expected(case):
    data, indices, indptr, x = (a.data for a in case["args"])
    dense = np.zeros((len(indptr) - 1, case["n_cols"]))
    for i in range(len(indptr) - 1):
        for p in range(indptr[i], indptr[i + 1]):
            dense[i, indices[p]] += data[p]
    return ndarray(dense @ x)


def sized(n, rng):
    case = _from_rows(_random(rng, n, n, 3), n, rng.normal(size=n), "sized")
    return {"args": case["args"]}


def examples():
    """The statement's worked examples, as FORMAT.md describes."""
    return [
        dict(
            _from_rows([[(0, 1.0), (2, 2.0)], [(1, 3.0)]], 3, [1.0, 1.0, 1.0], "example"),
            shows=[
                "`data = [1, 2, 3]`, `indices = [0, 2, 1]`, `indptr = [0, 2, 3]`, `x = [1, 1, 1]`",
                "the matrix `[[1, 0, 2], [0, 3, 0]]`, so the answer is `[3, 3]`",
            ],
            want=ndarray([3.0, 3.0]),
        )
    ]
