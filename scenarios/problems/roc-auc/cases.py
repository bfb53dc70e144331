"""Trusted cases for roc-auc: every positive-negative pair compared, with exact fractions."""

import math
from fractions import Fraction

from mockint.grading.values import raises


def _case(cid, labels, scores, note=""):
    return {"id": cid, "args": [list(labels), list(scores)], "check_args": [0, 1], "note": note}


def visible():
    return [
        _case("example", [0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]),
        _case("all-tied", [0, 0, 1, 1], [0.5, 0.5, 0.5, 0.5]),
        _case("some-ties", [1, 0, 1, 0, 1, 0], [3, 3, 2, 1, 1, 0]),
        _case("one-class", [1, 1], [0.2, 0.3]),
    ]


def hidden():
    return [
        _case("perfect", [0, 0, 0, 1, 1], [1.0, 2.0, 3.0, 4.0, 5.0], note="perfect ranking"),
        _case("reversed", [1, 1, 0, 0], [0.9, 0.8, 0.2, 0.1][::-1], note="inverted ranking"),
        _case("bad-label", [0, 2, 1], [0.1, 0.2, 0.3], note="a label of 2"),
        _case("length-mismatch", [0, 1], [0.1], note="lists of different lengths"),
        _case("nan-score", [0, 1], [0.1, float("nan")], note="a NaN score"),
        _case("negative-scores", [1, 0, 1, 0], [-1e9, -1e9, 2.5, -3.0], note="negative scores"),
    ]


def generate(rng):
    n = int(rng.integers(2, 400))
    labels = [int(v) for v in rng.integers(0, 2, size=n)]
    labels[0], labels[1] = 0, 1
    decimals = int(rng.integers(0, 3))  # few decimals: many ties
    scores = [round(float(v), decimals) for v in rng.normal(0, 1, size=n)]
    return _case(None, labels, scores, note=f"{n} examples, scores to {decimals} decimals")


def expected(case):
    labels, scores = case["args"]
    if len(labels) != len(scores) or any(label not in (0, 1) for label in labels):
        return raises("ValueError")
    if any(not math.isfinite(s) for s in scores):
        return raises("ValueError")
    pos = [s for s, label in zip(scores, labels, strict=True) if label == 1]
    neg = [s for s, label in zip(scores, labels, strict=True) if label == 0]
    if not pos or not neg:
        return raises("ValueError")
    total = Fraction(0)
    for p in pos:
        for n in neg:
            total += 1 if p > n else Fraction(1, 2) if p == n else 0
    return float(total / (len(pos) * len(neg)))


def sized(n, rng):
    labels = [int(v) for v in rng.integers(0, 2, size=n)]
    return {"args": [labels, [round(float(v), 3) for v in rng.random(n)]]}


def examples():
    """The statement's worked examples, as FORMAT.md describes."""
    return [
        dict(
            _case("example", [0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]),
            shows=["`labels = [0, 0, 1, 1]`, `scores = [0.1, 0.4, 0.35, 0.8]`", "is `0.75`"],
            want=0.75,
        ),
        dict(
            _case("all-tied", [0, 0, 1, 1], [0.5, 0.5, 0.5, 0.5]),
            shows=["With `scores = [0.5, 0.5, 0.5, 0.5]` it is `0.5`"],
            want=0.5,
        ),
    ]
