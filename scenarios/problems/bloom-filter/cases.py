"""Trusted cases for bloom-filter: no false negatives, false positives near the theory."""

import math

from mockint.grading.values import Raises


def _case(cid, m, k, n_add, n_probe, salt, note=""):
    added = [f"{salt}-in-{i}" for i in range(n_add)]
    probes = [f"{salt}-out-{i}" for i in range(n_probe)]
    ops = [["BloomFilter", [m, k]]]
    ops += [["add", [w]] for w in added]
    ops += [["might_contain", [w]] for w in added]
    ops += [["might_contain", [w]] for w in probes]
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
    adds = got[1 : 1 + n_add]
    members = got[1 + n_add : 1 + 2 * n_add]
    others = got[1 + 2 * n_add :]
    if any(a is not None for a in adds):
        return "add() should return None"
    if not all(type(v) is bool for v in members + others):
        return "might_contain() should return a bool"
    missed = members.count(False)
    if missed:
        return f"{missed} added items were reported absent (a Bloom filter has no false negatives)"
    p = (1 - math.exp(-k * n_add / m)) ** k
    rate = others.count(True) / n_probe
    # Generous bounds around the theory: five standard deviations plus a relative margin.
    spread = 5 * math.sqrt(p * (1 - p) / n_probe)
    low, high = max(0.0, 0.5 * p - spread), min(1.0, 1.6 * p + spread + 0.002)
    if not low <= rate <= high:
        return (
            f"false positive rate {rate:.4f} on {n_probe} absent items; a Bloom filter with m={m}, k={k} "
            f"and {n_add} items gives about {p:.4f}"
        )
    return None


def sized(n, rng):
    ops = [["BloomFilter", [8 * n, 4]]]
    for i in range(n):
        ops.append(["add", [f"x{i}"]])
        ops.append(["might_contain", [f"y{i}"]])
    return {"ops": ops}
