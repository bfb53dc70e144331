"""Trusted cases for top-k: expected values by a full sort."""

from mockint.grading.values import raises


def _case(cid, scores, k, note=""):
    return {"id": cid, "args": [list(scores), k], "check_args": [0], "note": note}


def visible():
    return [
        _case("example", [3.0, 1.0, 4.0, 1.5, 9.0, 2.6], 3),
        _case("duplicates", [5.0, 5.0, 1.0], 2),
        _case("k-zero", [1.0, 2.0], 0),
        _case("k-too-large", [2.0, -1.0, 7.0], 10),
        _case("negative-k", [1.0], -1),
    ]


def hidden():
    return [
        _case("empty", [], 3, note="no scores at all"),
        _case("all-equal", [0.5] * 50, 7, note="fifty equal scores"),
        _case("negative-scores", [-3.0, -1.0, -2.0, -10.0], 2, note="only negative scores"),
    ]


def generate(rng):
    n = int(rng.integers(1, 500))
    k = int(rng.integers(0, n + 5))
    scores = [round(float(v), 2) for v in rng.normal(0, 10, size=n)]
    return _case(None, scores, k, note=f"{n} scores, k = {k}")


def expected(case):
    scores, k = case["args"]
    if k < 0:
        return raises("ValueError")
    return sorted(scores, reverse=True)[:k]


def sized(n, rng):
    return {"args": [[float(v) for v in rng.random(n)], n // 10]}
