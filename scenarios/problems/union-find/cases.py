"""Trusted cases for union-find: every answer from an explicit list of groups (sets),
merged by copying: slow, but obviously right."""

from mockint.grading.values import raises


def _ops(n, calls):
    return [["UnionFind", [n]]] + [[name, list(args)] for name, *args in calls]


def visible():
    return [
        {
            "id": "example",
            "ops": _ops(
                5,
                [
                    ("union", 0, 1),
                    ("union", 1, 0),
                    ("union", 3, 4),
                    ("count",),
                    ("connected", 0, 4),
                    ("size", 4),
                ],
            ),
        },
        {
            "id": "transitive",
            "ops": _ops(
                4,
                [
                    ("union", 0, 1),
                    ("union", 2, 3),
                    ("union", 1, 2),
                    ("connected", 0, 3),
                    ("size", 0),
                ],
            ),
        },
        {"id": "self-union", "ops": _ops(2, [("union", 1, 1), ("count",), ("size", 1)])},
        {"id": "out-of-range", "ops": _ops(3, [("union", 0, 3), ("connected", 0, 0), ("count",)])},
        {"id": "bad-n", "ops": _ops(-1, [])},
    ]


def hidden():
    chain = [("union", i, i + 1) for i in range(0, 3000, 2)] + [
        ("union", i, i + 2) for i in range(0, 2998, 2)
    ]
    return [
        {
            "id": "negative-element",
            "ops": _ops(4, [("union", -1, 2), ("size", -1), ("connected", 3, -4), ("count",)]),
            "note": "negative elements",
        },
        {"id": "empty", "ops": _ops(0, [("count",), ("size", 0)]), "note": "n == 0"},
        {
            "id": "two-structures",
            "runs": [
                _ops(4, [("union", 0, 1), ("union", 2, 3), ("count",)]),
                _ops(4, [("connected", 0, 1), ("count",), ("size", 2), ("union", 1, 2)]),
            ],
            "note": "a second structure made after the first: each keeps its own groups",
        },
        {
            "id": "long-chain",
            "ops": _ops(3001, chain + [("connected", 0, 2999), ("size", 1500), ("count",)]),
            "note": "groups merged into one long chain",
        },
        {
            "id": "sizes-after-merges",
            "ops": _ops(
                6,
                [
                    ("union", 0, 1),
                    ("union", 2, 3),
                    ("union", 4, 5),
                    ("union", 1, 3),
                    ("size", 2),
                    ("size", 0),
                    ("union", 5, 0),
                    ("size", 4),
                    ("count",),
                ],
            ),
            "note": "sizes asked of elements that are not roots",
        },
    ]


def generate(rng):
    n = int(rng.integers(1, 150))
    calls = []
    for _ in range(500):
        a, b = (int(v) for v in rng.integers(0, n, size=2))
        r = rng.random()
        if r < 0.4:
            calls.append(("union", a, b))
        elif r < 0.75:
            calls.append(("connected", a, b))
        elif r < 0.9:
            calls.append(("size", a))
        else:
            calls.append(("count",))
    return {"ops": _ops(n, calls), "note": f"500 random operations on {n} elements"}


def expected(case):
    n = case["ops"][0][1][0]
    if n < 0:
        return [raises("ValueError")]
    group = [{i} for i in range(n)]  # group[i] is the set holding i
    out = [None]
    for name, args in case["ops"][1:]:
        if any(not 0 <= a < n for a in args):
            out.append(raises("ValueError"))
        elif name == "union":
            a, b = args
            if b in group[a]:
                out.append(False)
            else:
                merged = group[a] | group[b]
                for x in merged:
                    group[x] = merged
                out.append(True)
        elif name == "connected":
            out.append(args[1] in group[args[0]])
        elif name == "size":
            out.append(len(group[args[0]]))
        else:
            out.append(len({id(g) for g in group}))
    return out


def sized(n, rng):
    # Every new element joins the group of element 0, then every element asks about 0:
    # without balancing or path compression the trees become one long chain.
    calls = [("union", 0, i) for i in range(1, n)] + [("connected", i, 0) for i in range(n)]
    return {"ops": _ops(n, calls)}


def examples():
    """The statement's worked examples, as FORMAT.md describes."""
    return [
        dict(
            {
                "ops": _ops(
                    5,
                    [
                        ("union", 0, 1),
                        ("union", 1, 0),
                        ("union", 3, 4),
                        ("count",),
                        ("connected", 0, 4),
                        ("size", 4),
                    ],
                )
            },
            shows=[
                "`UnionFind(5)`, `union(0, 1)` returns `True`, `union(1, 0)` returns `False`,"
                " `union(3, 4)`, then `count()` is 3, `connected(0, 4)` is `False` and"
                " `size(4)` is 2"
            ],
            want=[None, True, False, True, 3, False, 2],
        )
    ]
