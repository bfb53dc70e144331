"""Trusted cases for cosine-topk-filter: each similarity in plain Python, a full sort per
query, and a check that no similarity sits within 1e-12 of a 6-decimal rounding boundary."""

import math

import numpy as np

from mockint.grading.values import ndarray, raises

MARGIN = 1e-12


def _case(cid, queries, embeddings, categories, allowed, k, note=""):
    args = [
        ndarray(np.asarray(queries, dtype=np.float64)),
        ndarray(np.asarray(embeddings, dtype=np.float64)),
        ndarray(np.asarray(categories, dtype=np.int64)),
        list(allowed),
        k,
    ]
    return {"id": cid, "args": args, "check_args": [0, 1, 2, 3], "note": note}


def _random(rng, q, n, d, n_categories, k, cid=None, note=""):
    """Small integer entries, with some documents repeated or doubled: exact ties."""
    emb = rng.integers(-3, 4, size=(n, d)).astype(np.float64)
    copies = rng.integers(0, n, size=n // 4)
    emb[rng.integers(0, n, size=n // 4)] = emb[copies] * rng.choice(
        [1.0, 2.0, 0.5], size=(n // 4, 1)
    )
    queries = rng.integers(-3, 4, size=(q, d)).astype(np.float64)
    categories = rng.integers(0, n_categories, size=n)
    allowed = sorted({int(c) for c in rng.integers(0, n_categories + 1, size=2)})
    return _case(cid, queries, emb, categories, allowed, k, note)


def visible():
    rng = np.random.default_rng(32)
    docs = [[1.0, 0.0], [0.0, 1.0], [2.0, 0.0], [1.0, 1.0]]
    return [
        _case("example", [[1.0, 0.0]], docs, [0, 0, 1, 1], [1], 1),
        _case("tie-to-lower-index", [[1.0, 0.0]], docs, [0, 0, 1, 1], [0, 1], 2),
        _random(rng, 3, 12, 4, 3, 4, cid="batch"),
        _case("negative-k", [[1.0]], [[1.0]], [0], [0], -1),
    ]


def hidden():
    rng = np.random.default_rng(33)
    return [
        _random(rng, 2, 30, 3, 2, 50, note="k above the passing count", cid="k-too-large"),
        _case("nothing-passes", [[1.0, 2.0]], [[1.0, 0.0]], [3], [1, 2], 2, note="no match"),
        _case(
            "zero-vectors",
            [[0.0, 0.0], [1.0, 1.0]],
            [[0.0, 0.0], [1.0, -1.0], [-1.0, -1.0]],
            [0, 0, 0],
            [0],
            3,
            note="zero query and zero document",
        ),
        _case("k-zero", [[1.0, 0.0]], [[1.0, 0.0]], [0], [0], 0, note="k = 0"),
        _case("bad-dims", [[1.0, 0.0]], [[1.0, 0.0, 0.0]], [0], [0], 1, note="D differs"),
    ]


def generate(rng):
    q, n, d = int(rng.integers(1, 6)), int(rng.integers(4, 80)), int(rng.integers(2, 6))
    k = int(rng.integers(1, 12))
    return _random(rng, q, n, d, 4, k, note=f"Q={q}, N={n}, D={d}, k={k}, repeated documents")


def _cos(a, b):
    na = max(math.sqrt(math.fsum(x * x for x in a)), 1e-12)
    nb = max(math.sqrt(math.fsum(x * x for x in b)), 1e-12)
    s = math.fsum(x * y for x, y in zip(a, b, strict=True)) / (na * nb)
    frac = abs(s * 1e6 - math.floor(s * 1e6) - 0.5)
    assert frac > MARGIN * 1e6, "case too close to a rounding boundary"
    return round(s, 6)


def expected(case):
    queries, embeddings, categories = (a.data for a in case["args"][:3])
    allowed, k = case["args"][3], case["args"][4]
    if (
        k < 0
        or queries.ndim != 2
        or embeddings.ndim != 2
        or queries.shape[1] != embeddings.shape[1]
        or categories.shape != (embeddings.shape[0],)
    ):
        return raises("ValueError")
    passing = [i for i, c in enumerate(categories) if int(c) in allowed]
    m = min(k, len(passing))
    indices, scores = [], []
    for q in queries:
        ranked = sorted((-_cos(q, embeddings[i]), i) for i in passing)[:m]
        indices.append([i for _, i in ranked])
        scores.append([-s + 0.0 for s, _ in ranked])
    shape = (len(queries), m)
    return (
        ndarray(np.asarray(indices, dtype=np.int64).reshape(shape)),
        ndarray(np.asarray(scores, dtype=np.float64).reshape(shape)),
    )


def sized(n, rng):
    return _random(rng, 4, n, 16, 3, 10)


def examples():
    """The statement's worked examples, as FORMAT.md describes."""
    docs = [[1.0, 0.0], [0.0, 1.0], [2.0, 0.0], [1.0, 1.0]]
    return [
        dict(
            _case("example", [[1.0, 0.0]], docs, [0, 0, 1, 1], [1], 1),
            shows=[
                "`queries = [[1, 0]]`, `embeddings = [[1, 0], [0, 1], [2, 0], [1, 1]]`",
                "`categories = [0, 0, 1, 1]`, `allowed = [1]`, `k = 1`",
                "the result is `([[2]], [[1.0]])`",
            ],
            want=(ndarray(np.array([[2]], dtype=np.int64)), ndarray([[1.0]])),
        ),
        dict(
            _case("tie", [[1.0, 0.0]], docs, [0, 0, 1, 1], [0, 1], 2),
            shows=["With `allowed = [0, 1]` and `k = 2`", "`([[0, 2]], [[1.0, 1.0]])`"],
            want=(ndarray(np.array([[0, 2]], dtype=np.int64)), ndarray([[1.0, 1.0]])),
        ),
    ]
