"""Trusted cases for median-stream: medians of the sorted prefix, computed exactly."""

from mockint.grading.values import raises


def _ops(calls):
    ops = [["MedianFinder", []]]
    for c in calls:
        ops.append(["median", []] if c is None else ["add", [c]])
    return ops


def visible():
    return [
        {"id": "example", "ops": _ops([5.0, 1.0, None, 10.0, None])},
        {"id": "one-value", "ops": _ops([7.5, None])},
        {"id": "empty", "ops": _ops([None])},
        {"id": "duplicates", "ops": _ops([2.0, 2.0, None, 2.0, None, 1.0, None])},
        {"id": "descending", "ops": _ops([9.0, None, 8.0, None, 7.0, None, 6.0, None])},
    ]


def hidden():
    return [
        {
            "id": "negatives",
            "ops": _ops([-3.0, -1.0, -2.0, None, -10.0, None]),
            "note": "negative values",
        },
        {"id": "ints", "ops": _ops([1, 2, None, 3, None]), "note": "integer values"},
        {
            "id": "two-objects",
            "runs": [_ops([1.0, 2.0, 3.0, None]), _ops([None, 10.0, None, 20.0, None])],
            "note": "a second finder made after the first: each keeps its own values",
        },
        {
            "id": "alternating",
            "ops": _ops([(-1) ** i * i for i in range(200)] + [None]),
            "note": "alternating large and small values",
        },
    ]


def generate(rng):
    calls = []
    for _ in range(500):
        calls.append(float(rng.normal(0, 50)))
        if rng.random() < 0.5:
            calls.append(None)
    return {"ops": _ops(calls), "note": "500 random values with medians in between"}


def expected(case):
    seen, out = [], [None]
    for name, args in case["ops"][1:]:
        if name == "add":
            seen.append(args[0])
            out.append(None)
        elif not seen:
            out.append(raises("ValueError"))
        else:
            s = sorted(seen)
            mid = len(s) // 2
            out.append(float(s[mid]) if len(s) % 2 else (s[mid - 1] + s[mid]) / 2)
    return out


def sized(n, rng):
    calls = []
    for v in rng.normal(size=n):
        calls += [float(v), None]
    return {"ops": _ops(calls)}


def examples():
    """The statement's worked examples, as FORMAT.md describes."""
    return [
        dict(
            {"ops": _ops([5.0, 1.0, None, 10.0, None])},
            shows=["after `add(5)`, `add(1)` the median is `3.0`; after `add(10)` it is `5.0`"],
            want=[None, None, None, 3.0, None, 5.0],
        )
    ]
