"""Trusted cases for rope: float64 angles, each pair rotated by an explicit 2x2 matrix."""

import numpy as np

from mockint.grading.values import raises, tensor


def _case(cid, q, k, positions, base=None, dtype="float32", note=""):
    q, k = np.asarray(q, dtype=np.float64), np.asarray(k, dtype=np.float64)
    positions = np.asarray(positions, dtype=np.int64)
    args = [tensor(q, dtype), tensor(k, dtype), tensor(positions, "int64")]
    if base is not None:
        args.append(base)
    top = max(float(np.abs(q).max(initial=0)), float(np.abs(k).max(initial=0)))
    atol = 1e-5 + 4e-7 * float(positions.max(initial=0)) * top
    return {"id": cid, "args": args, "check_args": [0, 1, 2], "note": note, "atol": atol}


def _random(rng, b, hq, hk, t, d, positions=None, base=None, dtype="float32", cid=None, note=""):
    if positions is None:
        positions = np.arange(t)
    return _case(
        cid,
        rng.normal(size=(b, hq, t, d)),
        rng.normal(size=(b, hk, t, d)),
        positions,
        base,
        dtype,
        note,
    )


def visible():
    rng = np.random.default_rng(25)
    return [
        _case("example", [[[[1.0, 0.0]]]], [[[[0.0, 2.0]]]], [1]),
        _random(rng, 1, 2, 2, 4, 8, cid="heads"),
        _random(rng, 2, 4, 2, 3, 6, positions=[[0, 1, 2], [5, 6, 7]], cid="per-sequence"),
        _random(rng, 1, 1, 1, 2, 3, cid="odd-d"),
    ]


def hidden():
    rng = np.random.default_rng(26)
    return [
        _random(
            rng, 1, 2, 1, 3, 16, positions=[4000, 4001, 4095], note="large positions", cid="far"
        ),
        _random(
            rng, 2, 2, 2, 4, 4, base=500.0, dtype="float64", note="base 500, float64", cid="base"
        ),
        _random(
            rng,
            2,
            1,
            1,
            3,
            4,
            positions=[[0, 1, 2]],
            note="positions (1, T) for B = 2",
            cid="bad-positions",
        ),
    ]


def generate(rng):
    b, hq, t = (int(v) for v in rng.integers(1, 5, size=3))
    hk = int(rng.choice([1, hq]))
    d = 2 * int(rng.integers(1, 9))
    start = rng.integers(0, 300, size=(b, 1))
    positions = start + np.arange(t) if rng.random() < 0.5 else np.arange(t) + int(start[0, 0])
    return _random(rng, b, hq, hk, t, d, positions, note=f"B={b}, Hq={hq}, Hk={hk}, T={t}, d={d}")


def _rotate(x, positions, base):
    b, _, t, d = x.shape
    h = d // 2
    pos = np.broadcast_to(positions, (b, t)).astype(np.float64)
    out = np.empty_like(x)
    for i in range(h):
        a = pos * base ** (-2.0 * i / d)  # (B, T)
        c, s = np.cos(a)[:, None, :], np.sin(a)[:, None, :]
        out[..., i] = x[..., i] * c - x[..., i + h] * s
        out[..., i + h] = x[..., i] * s + x[..., i + h] * c
    return out


def expected(case):
    q, k, positions = (a.data for a in case["args"][:3])
    base = case["args"][3] if len(case["args"]) > 3 else 10000.0
    dtype = case["args"][0].dtype
    if (
        q.ndim != 4
        or k.ndim != 4
        or q.shape[-1] % 2
        or (q.shape[0], q.shape[2], q.shape[3]) != (k.shape[0], k.shape[2], k.shape[3])
        or positions.shape not in ((q.shape[2],), (q.shape[0], q.shape[2]))
    ):
        return raises("ValueError")
    return (tensor(_rotate(q, positions, base), dtype), tensor(_rotate(k, positions, base), dtype))


def sized(n, rng):
    return _random(rng, 2, 4, 2, n, 16)


def examples():
    """The statement's worked examples, as FORMAT.md describes."""
    return [
        dict(
            _case("example", [[[[1.0, 0.0]]]], [[[[0.0, 2.0]]]], [1]),
            shows=[
                "`d = 2`, `positions = [1]`, `q = [[[[1, 0]]]]` and `k = [[[[0, 2]]]]`",
                "`q` becomes `[cos 1, sin 1] = [0.5403, 0.8415]`",
                "`k` becomes `[-2 sin 1, 2 cos 1] = [-1.6829, 1.0806]`",
            ],
            want=(
                tensor([[[[0.5403, 0.8415]]]], "float32"),
                tensor([[[[-1.6829, 1.0806]]]], "float32"),
            ),
            atol=1e-4,
        ),
        dict(
            _case("at-zero", [[[[1.0, 0.0]]]], [[[[0.0, 2.0]]]], [0]),
            shows=["at position 0 nothing moves"],
            want=(tensor([[[[1.0, 0.0]]]], "float32"), tensor([[[[0.0, 2.0]]]], "float32")),
        ),
    ]
