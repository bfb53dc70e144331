"""Trusted cases for merge-intervals: the union computed by marking covered points and
the joints between consecutive points on a grid of every endpoint (no sorting of
intervals involved)."""

from mockint.grading.values import raises


def _case(cid, intervals, note=""):
    return {
        "id": cid,
        "args": [[list(iv) for iv in intervals]],
        "check_args": [0],
        "note": note,
    }


def visible():
    return [
        _case("example", [[8, 10], [1, 3], [2, 6]]),
        _case("touching", [[1, 3], [3, 5]]),
        _case("gap-of-one", [[1, 2], [3, 4]]),
        _case("nested", [[1, 10], [2, 3], [4, 8]]),
        _case("empty", []),
        _case("reversed-interval", [[1, 2], [5, 4]]),
    ]


def hidden():
    return [
        _case("points", [[4, 4], [4, 4], [5, 5], [4, 5], [9, 9]], note="single-point intervals"),
        _case("chain-of-touches", [[i, i + 1] for i in range(50, 0, -1)], note="touching chain"),
        _case("negatives", [[-5, -1], [-1, 0], [-10, -7]], note="negative endpoints"),
        _case("one", [[3, 7]], note="a single interval"),
        _case(
            "contained-tail",
            [[1, 10], [2, 5], [11, 12]],
            note="an interval inside the previous one, then a new one",
        ),
        _case(
            "many",
            [[(i * 37) % 50_000, (i * 37) % 50_000 + i % 7] for i in range(20_000)],
            note="20000 short intervals",
        ),
    ]


def generate(rng):
    n = int(rng.integers(1, 400))
    span = int(rng.choice([50, 1000, 100_000]))
    intervals = []
    for _ in range(n):
        start = int(rng.integers(-span, span))
        intervals.append([start, start + int(rng.integers(0, max(2, span // 20)))])
    return _case(None, intervals, note=f"{n} random intervals in -{span}..{span}")


def expected(case):
    (intervals,) = case["args"]
    if any(a > b for a, b in intervals):
        return raises("ValueError")
    points = sorted({p for iv in intervals for p in iv})
    index = {p: i for i, p in enumerate(points)}
    covered = [False] * len(points)  # each endpoint covered
    joined = [False] * len(points)  # the open gap between points[i] and points[i + 1] covered
    for a, b in intervals:
        for i in range(index[a], index[b] + 1):
            covered[i] = True
        for i in range(index[a], index[b]):
            joined[i] = True
    out: list[list[int]] = []
    for i, p in enumerate(points):
        if not covered[i]:
            continue
        if out and i > 0 and joined[i - 1]:
            out[-1][1] = p
        else:
            out.append([p, p])
    return out


def sized(n, rng):
    starts = rng.integers(0, 40 * n, size=n)
    widths = rng.integers(0, 10, size=n)
    return {"args": [[[int(s), int(s) + int(w)] for s, w in zip(starts, widths, strict=True)]]}


def examples():
    """The statement's worked examples, as FORMAT.md describes."""
    return [
        dict(
            _case("example", [[8, 10], [1, 3], [2, 6]]),
            shows=["`merge_intervals([[8, 10], [1, 3], [2, 6]]) == [[1, 6], [8, 10]]`"],
            want=[[1, 6], [8, 10]],
        ),
        dict(
            _case("touching", [[1, 3], [3, 5]]),
            shows=[
                "`[1, 3]` and `[3, 5]` become `[1, 5]`",
                "`merge_intervals([[1, 3], [3, 5]]) == [[1, 5]]`",
            ],
            want=[[1, 5]],
        ),
        dict(
            _case("gap", [[1, 2], [3, 4]]),
            shows=["`[1, 2]` and `[3, 4]` stay two intervals"],
            want=[[1, 2], [3, 4]],
        ),
    ]
