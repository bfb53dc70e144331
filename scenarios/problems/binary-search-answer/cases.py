"""Trusted cases for binary-search-answer: answers from a binary search whose check jumps
along prefix sums with bisect (written apart from the reference), checked against a
split-point dynamic program on small inputs in development."""

from bisect import bisect_right
from itertools import accumulate

from mockint.grading.values import raises


def _case(cid, sizes, k, note=""):
    return {"id": cid, "args": [list(sizes), k], "check_args": [0], "note": note}


def visible():
    return [
        _case("example", [7, 2, 5, 10, 8], 2),
        _case("more-devices-than-layers", [1, 2, 3], 5),
        _case("one-device", [4, 1, 6, 2], 1),
        _case("empty", [], 3),
        _case("bad-k", [1, 2], 0),
    ]


def hidden():
    return [
        _case("one-per-device", [3, 9, 4, 1], 4, note="exactly as many devices as layers"),
        _case("zero-size", [4, 0, 2], 2, note="a layer of size 0"),
        _case("negative-k", [5], -1, note="a negative device count"),
        _case("equal-layers", [6] * 12, 5, note="twelve equal layers on five devices"),
        _case(
            "huge-sizes",
            [10**9] * 50 + [1] * 50,
            7,
            note="sizes of 10^9 and of 1: a very wide range of budgets",
        ),
        _case(
            "many-layers",
            [(i * 7919) % 10**6 + 1 for i in range(20_000)],
            16,
            note="20000 layers of sizes up to 10^6 on 16 devices",
        ),
        _case("big-first", [100, 1, 1, 1, 1], 3, note="one layer larger than the rest together"),
    ]


def generate(rng):
    n = int(rng.integers(1, 300))
    high = int(rng.choice([10, 1000, 10**6]))
    sizes = [int(v) for v in rng.integers(1, high + 1, size=n)]
    k = int(rng.integers(1, n + 3))
    return _case(None, sizes, k, note=f"{n} random layers of sizes up to {high}, {k} devices")


def _stages_needed(prefix, budget):
    """Devices the greedy uses with this budget: each stage jumps to the last prefix sum
    within budget of where it starts."""
    count, start, n = 0, 0, len(prefix) - 1
    while start < n:
        end = bisect_right(prefix, prefix[start] + budget) - 1
        if end == start:
            return float("inf")  # a single layer is over the budget
        start, count = end, count + 1
    return count


def expected(case):
    sizes, k = case["args"]
    if k < 1 or any(s < 1 for s in sizes):
        return raises("ValueError")
    if not sizes:
        return 0
    prefix = [0, *accumulate(sizes)]
    lo, hi = 1, prefix[-1]
    while lo < hi:
        mid = (lo + hi) // 2
        if _stages_needed(prefix, mid) <= k:
            hi = mid
        else:
            lo = mid + 1
    return lo


def sized(n, rng):
    return {"args": [[int(v) for v in rng.integers(1, 1000, size=n)], 8]}


def examples():
    """The statement's worked examples, as FORMAT.md describes."""
    return [
        dict(
            _case("example", [7, 2, 5, 10, 8], 2),
            shows=[
                "`min_largest_stage([7, 2, 5, 10, 8], 2) == 18` (stages `[7, 2, 5]` and `[10, 8]`)"
            ],
            want=18,
        ),
        dict(
            _case("more-devices", [1, 2, 3], 5),
            shows=["`min_largest_stage([1, 2, 3], 5) == 3`"],
            want=3,
        ),
    ]
