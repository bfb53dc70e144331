"""Trusted cases for lru-cache: results from a list-based model (slow but obviously right)."""

from mockint.grading.values import raises


def _ops(capacity, calls):
    return [["LRUCache", [capacity]]] + [[name, list(args)] for name, *args in calls]


def visible():
    return [
        {
            "id": "example",
            "ops": _ops(
                2, [("put", 1, 1), ("put", 2, 2), ("get", 1), ("put", 3, 3), ("get", 2), ("get", 3)]
            ),
        },
        {
            "id": "update-refreshes",
            "ops": _ops(
                2,
                [
                    ("put", 1, 1),
                    ("put", 2, 2),
                    ("put", 1, 10),
                    ("put", 3, 3),
                    ("get", 1),
                    ("get", 2),
                ],
            ),
        },
        {
            "id": "capacity-one",
            "ops": _ops(1, [("put", 5, 50), ("get", 5), ("put", 6, 60), ("get", 5), ("get", 6)]),
        },
        {"id": "bad-capacity", "ops": _ops(0, [])},
    ]


def hidden():
    calls = [("put", k, k) for k in range(5)] + [("get", 0)] * 3 + [("put", 9, 9), ("get", 1)]
    return [
        {"id": "repeated-gets", "ops": _ops(5, calls), "note": "repeated gets of one key"},
        {
            "id": "get-missing",
            "ops": _ops(3, [("get", 7), ("put", 7, 1), ("get", 7)]),
            "note": "get before any put",
        },
        {"id": "negative-capacity", "ops": _ops(-2, []), "note": "a negative capacity"},
        {
            "id": "two-objects",
            "runs": [
                _ops(2, [("put", 1, 1), ("put", 2, 2), ("get", 1)]),
                _ops(2, [("get", 1), ("get", 2), ("put", 3, 3), ("put", 4, 4), ("get", 3)]),
            ],
            "note": "a second cache made after the first: each keeps its own entries",
        },
    ]


def generate(rng):
    capacity = int(rng.integers(1, 30))
    calls = []
    for _ in range(800):
        k = int(rng.integers(0, 60))
        calls.append(("put", k, int(rng.integers(1000))) if rng.random() < 0.5 else ("get", k))
    return {"ops": _ops(capacity, calls), "note": f"800 random operations, capacity {capacity}"}


def expected(case):
    capacity = case["ops"][0][1][0]
    if capacity < 1:
        return [raises("ValueError")]
    order, values, out = [], {}, [None]  # order: least recent first
    for name, args in case["ops"][1:]:
        key = args[0]
        if name == "get":
            if key in values:
                order.remove(key)
                order.append(key)
                out.append(values[key])
            else:
                out.append(-1)
        else:
            if key in values:
                order.remove(key)
            order.append(key)
            values[key] = args[1]
            if len(order) > capacity:
                del values[order.pop(0)]
            out.append(None)
    return out


def sized(n, rng):
    keys = rng.integers(0, n, size=n)
    calls = [("put", int(k), 1) if i % 2 else ("get", int(k)) for i, k in enumerate(keys)]
    return {"ops": _ops(max(1, n // 2), calls)}


def examples():
    """The statement's worked examples, as FORMAT.md describes."""
    return [
        dict(
            {
                "ops": _ops(
                    2,
                    [
                        ("put", 1, 1),
                        ("put", 2, 2),
                        ("get", 1),
                        ("put", 3, 3),
                        ("get", 2),
                        ("get", 3),
                    ],
                )
            },
            shows=[
                "capacity 2: `put(1, 1)`, `put(2, 2)`, `get(1)` returns 1, `put(3, 3)` evicts key 2",
                "`get(2)` returns -1, and `get(3)` returns 3",
            ],
            want=[None, None, None, 1, None, -1, 3],
        )
    ]
