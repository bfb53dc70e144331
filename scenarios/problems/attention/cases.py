"""Trusted cases for attention: float64 NumPy reference with a stable softmax."""

import numpy as np

from mockint.grading.values import tensor


def _case(cid, q, k, v, mask=None, dtype="float32", note=""):
    args = [tensor(q, dtype), tensor(k, dtype), tensor(v, dtype)]
    if mask is not None:
        args.append(tensor(np.asarray(mask, dtype=bool), "bool"))
    return {"id": cid, "args": args, "check_args": list(range(len(args))), "note": note}


def _random(rng, b, t, s, d, e, scale=1.0, masked=False, dtype="float32", cid=None, note=""):
    mask = None
    if masked:
        mask = rng.random((t, s)) < 0.6
        mask[np.arange(t), rng.integers(0, s, size=t)] = True  # every query keeps a key
    return _case(
        cid,
        rng.normal(0, scale, (b, t, d)),
        rng.normal(0, scale, (b, s, d)),
        rng.normal(size=(b, s, e)),
        mask,
        dtype,
        note,
    )


def visible():
    rng = np.random.default_rng(13)
    causal = np.tril(np.ones((3, 3), dtype=bool))
    return [
        _case("one-key", [[[1.0, 2.0]]], [[[0.5, -1.0]]], [[[3.0, 4.0, 5.0]]]),
        _case("two-keys", [[[1.0, 0.0], [0.0, 1.0]]], [[[1.0, 0.0], [0.0, 1.0]]], [[[1.0], [2.0]]]),
        _random(rng, 2, 3, 3, 4, 2, cid="batch"),
        _case(
            "causal-mask",
            rng.normal(size=(1, 3, 2)),
            rng.normal(size=(1, 3, 2)),
            rng.normal(size=(1, 3, 2)),
            causal,
        ),
    ]


def hidden():
    rng = np.random.default_rng(14)
    return [
        _random(
            rng, 2, 4, 5, 8, 3, scale=30.0, cid="large-scores", note="large scores (stability)"
        ),
        _random(rng, 1, 5, 7, 4, 4, masked=True, cid="random-mask", note="a random mask"),
        _random(rng, 2, 3, 6, 4, 2, dtype="float64", cid="float64", note="float64 inputs"),
    ]


def generate(rng):
    b, t, s, d, e = (int(x) for x in rng.integers(1, 9, size=5))
    masked = bool(rng.random() < 0.5)
    return _random(
        rng,
        b,
        t,
        s,
        d,
        e,
        masked=masked,
        note=f"B={b}, T={t}, S={s}, d={d}, e={e}" + (", masked" if masked else ""),
    )


def expected(case):
    q, k, v = (a.data.astype(np.float64) for a in case["args"][:3])
    scores = q @ np.swapaxes(k, 1, 2) / np.sqrt(q.shape[-1])
    if len(case["args"]) > 3:
        scores = np.where(case["args"][3].data, scores, -np.inf)
    scores -= scores.max(axis=-1, keepdims=True)
    w = np.exp(scores)
    w /= w.sum(axis=-1, keepdims=True)
    return tensor(w @ v, case["args"][0].dtype)


def sized(n, rng):
    return {
        "args": [
            tensor(rng.normal(size=(n, n, 4)), "float32"),
            tensor(rng.normal(size=(n, n, 4)), "float32"),
            tensor(rng.normal(size=(n, n, 4)), "float32"),
        ]
    }


def examples():
    """The statement's worked examples, as FORMAT.md describes."""
    return [
        dict(
            _case("one-key", [[[1.0, 2.0], [-3.0, 0.5]]], [[[0.5, -1.0]]], [[[3.0, 4.0, 5.0]]]),
            shows=["with one key, every query's output is that key's value"],
            want=tensor([[[3.0, 4.0, 5.0], [3.0, 4.0, 5.0]]], "float32"),
        )
    ]
