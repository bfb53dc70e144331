"""Trusted cases for token-bucket: a model that keeps the tokens as exact Fractions."""

from fractions import Fraction

from mockint.grading.values import raises


def _ops(capacity, rate, calls):
    return [["TokenBucket", [capacity, rate]]] + [[name, list(args)] for name, *args in calls]


def visible():
    return [
        {
            "id": "example",
            "ops": _ops(
                2,
                1,
                [("allow", 0), ("allow", 0), ("allow", 500), ("available", 1000), ("allow", 1000)],
            ),
        },
        {
            "id": "cost",
            "ops": _ops(
                10, 5, [("allow", 0, 7), ("allow", 0, 4), ("allow", 200, 4), ("available", 200)]
            ),
        },
        {
            "id": "capped",
            "ops": _ops(3, 100, [("allow", 0, 3), ("available", 60_000), ("allow", 60_000, 4)]),
        },
        {
            "id": "time-backwards",
            "ops": _ops(5, 1, [("allow", 100), ("allow", 50), ("available", 100)]),
        },
        {
            "id": "tenths",
            "ops": _ops(
                1,
                10,
                [("allow", 0)] + [("available", t) for t in range(10, 100, 10)] + [("allow", 100)],
            ),
        },
        {"id": "bad-rate", "ops": _ops(5, 0, [])},
    ]


def hidden():
    drip = [("allow", 0, 7)] + [("available", t) for t in range(1, 1000)] + [("allow", 1000, 7)]
    return [
        {
            "id": "exact-after-many-steps",
            "ops": _ops(7, 7, drip),
            "note": "a token arriving exactly on time after a thousand small refills",
        },
        {
            "id": "thirds",
            "ops": _ops(
                1,
                3,
                [("allow", 0), ("allow", 333), ("allow", 334), ("allow", 666), ("allow", 667)],
            ),
            "note": "refills in thousandths around a capacity of one token",
        },
        {
            "id": "bad-cost",
            "ops": _ops(4, 2, [("allow", 0, 0), ("allow", 0, -1), ("available", 0)]),
            "note": "a cost below 1",
        },
        {"id": "bad-capacity", "ops": _ops(0, 5, []), "note": "capacity 0"},
        {
            "id": "two-buckets",
            "runs": [
                _ops(3, 1, [("allow", 5000, 3), ("available", 5000)]),
                _ops(3, 1, [("available", 0), ("allow", 0, 3), ("allow", 10)]),
            ],
            "note": "a second bucket made after the first: each keeps its own tokens and clock",
        },
        {
            "id": "refused-keeps-tokens",
            "ops": _ops(
                5, 1, [("allow", 0, 4), ("allow", 0, 2), ("allow", 0, 1), ("available", 0)]
            ),
            "note": "a refused request takes nothing",
        },
        {
            "id": "backwards-keeps-clock",
            "ops": _ops(
                2, 1, [("allow", 0, 2), ("available", 1000), ("allow", 400), ("allow", 2000, 2)]
            ),
            "note": "a call back in time changes nothing",
        },
        {
            "id": "long-gap",
            "ops": _ops(
                10**6, 1, [("allow", 0, 10**6), ("available", 10**12), ("allow", 10**12, 10**6)]
            ),
            "note": "a gap of 10^12 milliseconds",
        },
        {
            "id": "first-call-late",
            "ops": _ops(3, 1, [("available", 10**9), ("allow", 10**9, 3), ("allow", 10**9 + 999)]),
            "note": "the first call long after creation",
        },
    ]


def generate(rng):
    capacity, rate = int(rng.integers(1, 20)), int(rng.integers(1, 50))
    calls, now = [], 0
    for _ in range(500):
        if rng.random() < 0.03:
            calls.append(("allow", now - int(rng.integers(1, 100))))
            continue
        now += int(rng.choice([0, 1, 7, 33, 250, 1000]))
        if rng.random() < 0.75:
            calls.append(("allow", now, int(rng.integers(1, capacity + 2))))
        else:
            calls.append(("available", now))
    return {
        "ops": _ops(capacity, rate, calls),
        "note": f"500 random calls, capacity {capacity}, {rate} tokens per second",
    }


def expected(case):
    capacity, rate = case["ops"][0][1]
    if capacity < 1 or rate < 1:
        return [raises("ValueError")]
    tokens, last, out = Fraction(capacity), None, [None]
    for name, args in case["ops"][1:]:
        now = args[0]
        cost = args[1] if len(args) > 1 else 1
        if (last is not None and now < last) or cost < 1:
            out.append(raises("ValueError"))
            continue
        if last is not None:
            tokens = min(Fraction(capacity), tokens + Fraction((now - last) * rate, 1000))
        last = now
        if name == "available":
            out.append(int(tokens))  # floor: tokens are never negative
        elif tokens >= cost:
            tokens -= cost
            out.append(True)
        else:
            out.append(False)
    return out


def sized(n, rng):
    # Calls n milliseconds apart into a bucket that never fills: per-call work must not
    # grow with the time that passed.
    costs = rng.integers(1, 4, size=n)
    return {"ops": _ops(10**12, 1, [("allow", i * n, int(c)) for i, c in enumerate(costs)])}


def examples():
    """The statement's worked examples, as FORMAT.md describes."""
    return [
        dict(
            {
                "ops": _ops(
                    2,
                    1,
                    [
                        ("allow", 0),
                        ("allow", 0),
                        ("allow", 500),
                        ("available", 1000),
                        ("allow", 1000),
                    ],
                )
            },
            shows=[
                "`TokenBucket(2, 1)`: `allow(0)` and `allow(0)` return `True`, `allow(500)`"
                " returns `False` (half a token), `available(1000)` is 1 and `allow(1000)`"
                " returns `True`"
            ],
            want=[None, True, True, False, 1, True],
        )
    ]
