"""Trusted cases for hash-map: every result and table layout from a plain model of the rules
in the statement (written independently of the reference solution)."""

from mockint.grading.values import raises

DELETED = "DELETED"


class _Model:
    def __init__(self):
        self.cap, self.keys, self.vals = 8, [None] * 8, [None] * 8
        self.size = self.tomb = 0

    def _walk(self, key):
        """(index of the key or None, first tombstone or None, empty slot or None)."""
        i, tomb = key % self.cap, None
        for _ in range(self.cap):
            k = self.keys[i]
            if k is None:
                return None, tomb, i
            if k == DELETED:
                tomb = i if tomb is None else tomb
            elif k == key:
                return i, tomb, None
            i = (i + 1) % self.cap
        return None, tomb, None

    def put(self, key, value):
        at, tomb, empty = self._walk(key)
        if at is not None:
            self.vals[at] = value
            return None
        slot = tomb if tomb is not None else empty
        if tomb is not None:
            self.tomb -= 1
        self.keys[slot], self.vals[slot] = key, value
        self.size += 1
        if (self.size + self.tomb) * 3 > self.cap * 2:
            old = [
                (k, v)
                for k, v in zip(self.keys, self.vals, strict=True)
                if k is not None and k != DELETED
            ]
            self.cap = self.cap * 2 if self.size * 3 > self.cap else self.cap
            self.keys, self.vals = [None] * self.cap, [None] * self.cap
            self.size = self.tomb = 0
            for k, v in old:
                self.put(k, v)
        return None

    def get(self, key):
        at, _, _ = self._walk(key)
        return raises("KeyError") if at is None else self.vals[at]

    def remove(self, key):
        at, _, _ = self._walk(key)
        if at is None:
            return raises("KeyError")
        value = self.vals[at]
        self.keys[at], self.vals[at] = DELETED, None
        self.size -= 1
        self.tomb += 1
        return value


def _ops(calls):
    return [["HashMap", []]] + [[name, list(args)] for name, *args in calls]


def visible():
    return [
        {
            "id": "example",
            "ops": _ops(
                [("put", 3, "a"), ("put", 11, "b"), ("remove", 3), ("get", 11), ("slots",)]
            ),
        },
        {
            "id": "update-and-size",
            "ops": _ops(
                [("put", 1, 10), ("put", 1, 20), ("get", 1), ("size",), ("get", 2), ("slots",)]
            ),
        },
        {
            "id": "negative-keys",
            "ops": _ops([("put", -1, "x"), ("put", -9, "y"), ("slots",), ("get", -9)]),
        },
        {
            "id": "grow",
            "ops": _ops([("put", k, k * k) for k in range(7)] + [("slots",), ("get", 5)]),
        },
        {
            "id": "reuse-tombstone",
            "ops": _ops(
                [
                    ("put", 2, "a"),
                    ("put", 10, "b"),
                    ("put", 18, "c"),
                    ("remove", 10),
                    ("put", 26, "d"),
                    ("slots",),
                    ("remove", 10),
                    ("get", 18),
                ]
            ),
        },
    ]


def hidden():
    churn = []
    for k in range(40):
        churn += [("put", k * 8, k), ("remove", k * 8)]
    return [
        {
            "id": "churn",
            "ops": _ops(churn + [("slots",), ("size",)]),
            "note": "many puts and removes of colliding keys",
        },
        {
            "id": "two-objects",
            "runs": [
                _ops([("put", 1, "a"), ("put", 9, "b"), ("slots",)]),
                _ops([("put", 2, "c"), ("slots",), ("get", 1), ("size",)]),
            ],
            "note": "a second map made after the first: each keeps its own table",
        },
        {
            "id": "empty-remove",
            "ops": _ops([("remove", 5), ("size",), ("slots",)]),
            "note": "remove from an empty map",
        },
        {
            "id": "update-past-tombstone",
            "ops": _ops(
                [
                    ("put", 2, "a"),
                    ("put", 10, "b"),
                    ("put", 18, "c"),
                    ("remove", 10),
                    ("put", 18, "z"),
                    ("size",),
                    ("slots",),
                    ("get", 18),
                    ("remove", 18),
                    ("get", 18),
                    ("size",),
                ]
            ),
            "note": "put of a key stored past a tombstone, then remove it",
        },
        {
            "id": "rebuild-keeps-capacity",
            "ops": _ops(
                [("put", k, k) for k in range(5)]
                + [("remove", k) for k in range(4)]
                + [("put", 5, 5), ("slots",), ("size",)]
                + [("put", k, k) for k in range(6, 12)]
                + [("slots",), ("get", 4)]
            ),
            "note": "a rebuild while tombstones fill most of the table",
        },
        {
            "id": "big-keys",
            "ops": _ops(
                [("put", 10**12 + k, k) for k in range(20)] + [("get", 10**12 + 7), ("slots",)]
            ),
            "note": "very large keys",
        },
    ]


def generate(rng):
    calls, keys = [], []
    for _ in range(600):
        r = rng.random()
        if r < 0.45 or not keys:
            k = int(rng.integers(-500, 500))
            keys.append(k)
            calls.append(("put", k, int(rng.integers(1000))))
        elif r < 0.65:
            calls.append(("remove", int(rng.choice(keys)) if rng.random() < 0.8 else 9999))
        elif r < 0.95:
            calls.append(("get", int(rng.choice(keys))))
        else:
            calls.append(("slots",))
    return {
        "ops": _ops(calls + [("size",), ("slots",)]),
        "note": "600 random operations on keys in -500..500",
    }


def expected(case):
    m, out = _Model(), [None]
    for name, args in case["ops"][1:]:
        if name == "slots":
            out.append(list(m.keys))
        elif name == "size":
            out.append(m.size)
        else:
            out.append(getattr(m, name)(*args))
    return out


def sized(n, rng):
    keys = rng.integers(0, 10 * n, size=n)
    calls = [("put", int(k), 1) for k in keys] + [("get", int(k)) for k in keys]
    return {"ops": _ops(calls)}


def examples():
    """The statement's worked examples, as FORMAT.md describes."""
    return [
        dict(
            {
                "ops": _ops(
                    [("put", 3, "a"), ("put", 11, "b"), ("remove", 3), ("get", 11), ("slots",)]
                )
            },
            shows=[
                '`put(3, "a")`, `put(11, "b")` (11 % 8 == 3, so it lands in slot 4), `remove(3)`',
                '`get(11)` returns `"b"`',
                '`[None, None, None, "DELETED", 11, None, None, None]`',
            ],
            want=[None, None, None, "a", "b", [None, None, None, "DELETED", 11, None, None, None]],
        )
    ]
