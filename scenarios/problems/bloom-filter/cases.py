"""Trusted cases for bloom-filter: no false negatives, false positives near the theory."""

import math

from mockint.grading.values import Raises


def _case(cid, m, k, n_add, n_probe, salt, note=""):
    """Half the items added, every added item and every probe asked (the probes twice), the
    other half added, then every item and the probes asked again: answers are state, so a
    repeated query gets the same answer and a false positive stays one as items arrive."""
    added = [f"{salt}-in-{i}" for i in range(n_add)]
    probes = [f"{salt}-out-{i}" for i in range(n_probe)]
    first = n_add // 2
    ops = [["BloomFilter", [m, k]]]
    ops += [["add", [w]] for w in added[:first]]
    ops += [["might_contain", [w]] for w in added[:first]]
    ops += [["might_contain", [w]] for w in probes + probes]
    ops += [["add", [w]] for w in added[first:]]
    ops += [["might_contain", [w]] for w in added + probes]
    return {"id": cid, "ops": ops, "note": note, "shape": [m, k, n_add, n_probe]}


def _bad(cid, m, k, note=""):
    return {"id": cid, "ops": [["BloomFilter", [m, k]]], "note": note, "shape": [m, k, 0, 0]}


def visible():
    return [
        _case("small", 1000, 3, 100, 2000, "a"),
        _case("one-hash", 2000, 1, 300, 3000, "b"),
        _case("many-hashes", 4096, 7, 400, 3000, "c"),
        _bad("zero-bits", 0, 3),
    ]


def hidden():
    return [
        _bad("zero-hashes", 100, 0, note="num_hashes = 0"),
        _case("crowded", 512, 4, 400, 3000, "d", note="more items than the bits can hold well"),
        _case("roomy", 50000, 5, 500, 4000, "e", note="very few false positives expected"),
    ]


def generate(rng):
    m, k, n = int(rng.integers(500, 20000)), int(rng.integers(1, 8)), int(rng.integers(50, 600))
    return _case(
        None, m, k, n, 3000, f"s{int(rng.integers(1 << 30))}", note=f"m={m}, k={k}, {n} items"
    )


def _rate_problem(others, m, k, n_add):
    """None when the share of True among absent items is near the theory for n_add items."""
    p = (1 - math.exp(-k * n_add / m)) ** k
    rate = others.count(True) / len(others)
    # Generous bounds around the theory: five standard deviations plus a relative margin.
    spread = 5 * math.sqrt(p * (1 - p) / len(others))
    low, high = max(0.0, 0.5 * p - spread), min(1.0, 1.6 * p + spread + 0.002)
    if low <= rate <= high:
        return None
    return (
        f"false positive rate {rate:.4f} on {len(others)} absent items; a Bloom filter with "
        f"m={m}, k={k} and {n_add} items gives about {p:.4f}"
    )


def validate(case, got):
    m, k, n_add, n_probe = case["shape"]
    if n_add == 0:
        if got and isinstance(got[0], Raises) and "ValueError" in got[0].mro:
            return None
        return f"BloomFilter({m}, {k}) should raise ValueError"
    if not isinstance(got, list) or len(got) != len(case["ops"]):
        return "not every operation returned"
    if isinstance(got[0], Raises):
        return f"BloomFilter({m}, {k}) raised {got[0].name}"
    first = n_add // 2
    rest = got[1:]
    adds, rest = rest[:first], rest[first:]
    members, rest = rest[:first], rest[first:]
    early, again, rest = rest[:n_probe], rest[n_probe : 2 * n_probe], rest[2 * n_probe :]
    adds, rest = adds + rest[: n_add - first], rest[n_add - first :]
    members, late = members + rest[:n_add], rest[n_add:]
    if any(a is not None for a in adds):
        return "add() should return None"
    if not all(type(v) is bool for v in members + early + again + late):
        return "might_contain() should return a bool"
    missed = members.count(False)
    if missed:
        return f"{missed} added items were reported absent (a Bloom filter has no false negatives)"
    changed = sum(a != b for a, b in zip(early, again, strict=True))
    if changed:
        return (
            f"asked twice in a row, {changed} absent items got different answers (a Bloom "
            "filter answers from its bits, the same way every time)"
        )
    lost = sum(a and not b for a, b in zip(early, late, strict=True))
    if lost:
        return (
            f"{lost} absent items reported present became absent after more additions (bits "
            "are only ever set, so a false positive stays one)"
        )
    return _rate_problem(early, m, k, first) or _rate_problem(late, m, k, n_add)


def sized(n, rng):
    ops = [["BloomFilter", [8 * n, 4]]]
    for i in range(n):
        ops.append(["add", [f"x{i}"]])
        ops.append(["might_contain", [f"y{i}"]])
    return {"ops": ops}
