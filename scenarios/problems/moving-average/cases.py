"""Trusted cases for moving-average: operation lists checked against a plain model."""

import math

from mockint.grading.values import raises


def _ops(window, calls):
    ops = [["MovingAverage", [window]]]
    for call in calls:
        ops.append(["average", []] if call is None else ["add", [call]])
    return ops


def visible():
    return [
        {"id": "example", "ops": _ops(2, [1.0, None, 3.0, None, 5.0, None])},
        {"id": "window-1", "ops": _ops(1, [4.0, None, -2.5, None])},
        {"id": "partial-window", "ops": _ops(5, [1.0, 2.0, None, 3.0, None])},
        {"id": "bad-window", "ops": _ops(0, [])},
        {"id": "average-before-add", "ops": _ops(3, [None, 2.0, None])},
    ]


def hidden():
    return [
        {"id": "negative-window", "ops": _ops(-4, []), "note": "a negative window"},
        {
            "id": "two-objects",
            "runs": [_ops(3, [1.0, 2.0, 3.0, 4.0, 5.0, None]), _ops(2, [10.0, None, 20.0, None])],
            "note": "a second moving average made after the first: each keeps its own values",
        },
        {"id": "ints", "ops": _ops(3, [1, 2, 3, 4, None]), "note": "integer values"},
        {
            "id": "large-values",
            "ops": _ops(3, [1e12, 1.0, None, -1e12, None, 2.0, 3.0, None]),
            "note": "values of very different sizes",
        },
    ]


def generate(rng):
    window = int(rng.integers(1, 40))
    calls = [None if rng.random() < 0.4 else float(rng.normal(0, 100)) for _ in range(300)]
    return {"ops": _ops(window, calls), "note": f"300 random calls with window {window}"}


def expected(case):
    out = []
    window = case["ops"][0][1][0]
    if window < 1:
        return [raises("ValueError")]
    values = []
    out.append(None)
    for name, args in case["ops"][1:]:
        if name == "add":
            values.append(args[0])
            out.append(None)
        elif not values:
            out.append(raises("ValueError"))
        else:
            recent = values[-window:]
            out.append(math.fsum(recent) / len(recent))
    return out


def sized(n, rng):
    calls = []
    for v in rng.normal(size=n):
        calls += [float(v), None]
    return {"ops": _ops(max(1, n // 2), calls)}


def examples():
    """The statement's worked examples, as FORMAT.md describes."""
    return [
        dict(
            {"ops": _ops(2, [1.0, 3.0, 5.0, None])},
            shows=["with `window = 2`, after `add(1)`, `add(3)`, `add(5)` the average is `4.0`"],
            want=[None, None, None, None, 4.0],
        )
    ]
