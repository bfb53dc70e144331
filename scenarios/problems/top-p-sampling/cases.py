"""Trusted cases for top-p-sampling: one row at a time in plain float64 Python, with a check
that no case sits within 1e-9 of a decision boundary (so the answer is unique)."""

import math

import numpy as np

from mockint.grading.values import ndarray, raises

MARGIN = 1e-9


def _case(cid, logits, temperature, top_k, top_p, seed, note=""):
    arr = ndarray(np.asarray(logits, dtype=np.float64))
    return {
        "id": cid,
        "args": [arr, temperature, top_k, top_p, seed],
        "check_args": [0],
        "note": note,
    }


def visible():
    return [
        _case("example", [[2.0, 1.0, 0.0]], 1.0, None, 0.5, 0),
        _case("greedy-tie", [[1.0, 3.0, 3.0, -2.0]], 0.0, None, 1.0, 5),
        _case("top-k-2", [[0.5, 0.1, 0.4, 0.3], [1.0, 1.0, 1.0, 1.0]], 1.0, 2, 1.0, 7),
        _case("hot-batch", [[1.0, 2.0, 3.0], [3.0, 2.0, 1.0], [0.0, 0.0, 5.0]], 2.0, None, 0.9, 3),
        _case("temperature-first", [[3.0, 2.0, 1.0, 0.0]], 3.0, None, 0.7, 4),
        _case("bad-top-p", [[1.0, 2.0]], 1.0, None, 0.0, 1),
    ]


def hidden():
    rng = np.random.default_rng(24)
    banned = rng.normal(size=(4, 12))
    banned[:, ::3] = -np.inf
    return [
        _case("banned-tokens", banned, 0.7, 6, 0.8, 11, note="-inf logits"),
        _case(
            "cold-and-wide",
            rng.normal(0, 3, size=(6, 40)),
            0.3,
            1000,
            0.95,
            12,
            note="low temperature, top_k above V",
        ),
        _case(
            "ties-in-order",
            [[1.0, 2.0, 2.0, 2.0, 0.0, 2.0]] * 5,
            1.0,
            3,
            1.0,
            5,
            note="equal logits cut by top_k",
        ),
        _case(
            "many-ties",
            np.where(np.arange(40) % 7 == 0, 2.0, 1.0) * np.ones((6, 1)),
            1.0,
            10,
            0.95,
            8,
            note="40 tokens, most of them tied, top_k cutting through the ties",
        ),
        _case("negative-temperature", [[1.0, 2.0]], -1.0, None, 0.9, 1, note="temperature < 0"),
        _case("top-k-zero", [[1.0, 2.0]], 1.0, 0, 0.9, 1, note="top_k = 0"),
        _case("nan-logit", [[1.0, float("nan")]], 1.0, None, 0.9, 1, note="a NaN logit"),
        _case("greedy-bad-seed", [[1.0, 2.0]], 0.0, None, 0.9, -3, note="greedy, seed < 0"),
    ]


def generate(rng):
    b, v = int(rng.integers(4, 17)), int(rng.integers(2, 60))
    logits = np.round(rng.normal(0, 2, size=(b, v)), 1)  # rounded: equal logits happen
    temperature = float(rng.choice([0.5, 0.8, 1.0, 1.7]))
    top_k = None if rng.random() < 0.4 else int(rng.integers(1, v + 3))
    top_p = float(rng.choice([0.3, 0.75, 0.9, 1.0]))
    return _case(
        None,
        logits,
        temperature,
        top_k,
        top_p,
        int(rng.integers(0, 10**6)),
        note=f"{b} x {v} logits, T={temperature}, top_k={top_k}, top_p={top_p}",
    )


def _row(z, temperature, top_k, top_p, u):
    if temperature == 0:
        return max(range(len(z)), key=lambda j: (z[j], -j))
    z = [x / temperature for x in z]
    order = sorted(range(len(z)), key=lambda j: (-z[j], j))
    if top_k is not None:
        order = order[:top_k]
    top = z[order[0]]
    weights = [math.exp(z[j] - top) for j in order]
    total = math.fsum(weights)
    p = [w / total for w in weights]
    kept, before = [], 0.0
    for j, pj in zip(order, p, strict=True):
        if kept and before >= top_p:
            break
        if pj > 1e-12:
            assert abs(before - top_p) > MARGIN, "case too close to the top-p boundary"
        kept.append((j, pj))
        before = math.fsum([before, pj])
    mass = math.fsum(pj for _, pj in kept)
    c = 0.0
    for j, pj in kept:
        c = math.fsum([c, pj / mass])
        if pj > 0:
            assert abs(c - u) > MARGIN, "case too close to a sampling boundary"
        if c > u:
            return j
    return kept[-1][0]


def expected(case):
    logits, temperature, top_k, top_p, seed = case["args"]
    z = logits.data
    if (
        z.ndim != 2
        or np.isnan(z).any()
        or np.isposinf(z).any()
        or not np.isfinite(z).any(axis=1).all()
        or temperature < 0
        or (top_k is not None and top_k < 1)
        or seed < 0
        or not 0 < top_p <= 1
    ):
        return raises("ValueError")
    u = np.random.default_rng(seed).random(z.shape[0])
    rows = [_row(list(z[b]), temperature, top_k, top_p, float(u[b])) for b in range(len(z))]
    return ndarray(np.asarray(rows, dtype=np.int64))


def sized(n, rng):
    return {"args": [ndarray(rng.normal(size=(n, 32))), 0.8, 20, 0.9, 1]}


def examples():
    """The statement's worked examples, as FORMAT.md describes."""
    return [
        dict(
            _case(None, [[2.0, 1.0, 0.0]], 1.0, None, 0.5, seed, "example"),
            shows=[
                "`logits = [[2.0, 1.0, 0.0]]`, `temperature = 1`, `top_k = None`, `top_p = 0.5`",
                "so token `0` is returned whatever the seed",
            ],
            want=ndarray(np.array([0], dtype=np.int64)),
        )
        for seed in (0, 1, 99)
    ]
