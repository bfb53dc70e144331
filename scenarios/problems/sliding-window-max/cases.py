"""Trusted cases for sliding-window-max: answers from a sparse table of leftmost argmaxes
over power-of-two ranges (O(n log n), a different method from the reference's deque)."""

from mockint.grading.values import raises


def _case(cid, values, k, note=""):
    return {"id": cid, "args": [list(values), k], "check_args": [0], "note": note}


def visible():
    return [
        _case("example", [1, 3, -1, -3, 5, 3, 6, 7], 3),
        _case("ties-leftmost", [2, 2, 1], 2),
        _case("window-of-one", [4, -2, 9], 1),
        _case("whole-list", [0.5, 2.5, 2.5, -1.0], 4),
        _case("k-too-large", [1, 2], 3),
        _case("bad-k", [1, 2, 3], 0),
    ]


def hidden():
    return [
        _case("all-equal", [7] * 50, 10, note="every value equal"),
        _case("descending", list(range(300, 0, -1)), 25, note="a strictly decreasing list"),
        _case("ascending", list(range(300)), 25, note="a strictly increasing list"),
        _case("empty", [], 2, note="no values"),
        _case("negative-k", [1, 2, 3], -2, note="a negative window"),
        _case(
            "plateaus",
            [v // 5 % 4 for v in range(400)],
            7,
            note="runs of equal values that rise and fall",
        ),
        _case("mixed-types", [1, 1.0, 2.0, 2, 0], 2, note="equal ints and floats"),
        _case(
            "long",
            [(i * 7919) % 1000 for i in range(6000)],
            3000,
            note="6000 values, a window of 3000",
        ),
    ]


def generate(rng):
    n = int(rng.integers(1, 400))
    high = int(rng.choice([3, 100, 10**6]))
    values = [int(v) for v in rng.integers(-high, high, size=n)]
    k = int(rng.integers(1, n + 2))
    return _case(None, values, k, note=f"{n} random values in -{high}..{high}, window {k}")


def _better(values, i, j):
    """The index of the larger value, the earlier one on a tie."""
    if values[j] > values[i] or (values[j] == values[i] and j < i):
        return j
    return i


def expected(case):
    values, k = case["args"]
    if k < 1:
        return raises("ValueError")
    n = len(values)
    if k > n:
        return []
    table = [list(range(n))]  # table[p][i]: argmax of values[i : i + 2**p]
    while (1 << len(table)) <= k:
        prev, half = table[-1], 1 << (len(table) - 1)
        table.append([_better(values, prev[i], prev[i + half]) for i in range(len(prev) - half)])
    top = table[-1]
    width = 1 << (len(table) - 1)
    return [_better(values, top[i], top[i + k - width]) for i in range(n - k + 1)]


def sized(n, rng):
    return {"args": [[int(v) for v in rng.integers(0, 1000, size=n)], n // 2]}


def examples():
    """The statement's worked examples, as FORMAT.md describes."""
    return [
        dict(
            _case("example", [1, 3, -1, -3, 5, 3, 6, 7], 3),
            shows=["`window_argmax([1, 3, -1, -3, 5, 3, 6, 7], 3) == [1, 1, 4, 4, 6, 7]`"],
            want=[1, 1, 4, 4, 6, 7],
        ),
        dict(
            _case("ties", [2, 2, 1], 2),
            shows=["`window_argmax([2, 2, 1], 2) == [0, 1]`"],
            want=[0, 1],
        ),
    ]
