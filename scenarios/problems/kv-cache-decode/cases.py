"""Trusted cases for kv-cache-decode: a float64 model that keeps every key and value in a
list and attends with a plain stable softmax."""

import numpy as np

from mockint.grading.values import raises, tensor


def _t(a):
    return tensor(np.asarray(a, dtype=np.float64), "float32")


def _random_ops(rng, max_len, b, h, d, prompt, steps, scale=1.0):
    ops = [["KVCache", [max_len]]]
    if prompt:
        ops.append(["prefill", [_t(rng.normal(0, scale, (b, h, prompt, d))) for _ in range(2)]])
    for _ in range(steps):
        ops.append(["step", [_t(rng.normal(0, scale, (b, h, d))) for _ in range(3)]])
        ops.append(["length", []])
    return ops


def visible():
    rng = np.random.default_rng(21)
    one = [_t([[[1.0, 2.0]]]), _t([[[0.5, -1.0]]]), _t([[[3.0, 4.0]]])]
    return [
        {"id": "example", "ops": [["KVCache", [4]], ["step", one], ["length", []]]},
        {"id": "prefill-then-steps", "ops": _random_ops(rng, 8, 1, 2, 4, 3, 2)},
        {"id": "batch-decode", "ops": _random_ops(rng, 6, 2, 3, 4, 0, 4)},
        {
            "id": "full-cache",
            "ops": _random_ops(rng, 2, 1, 1, 2, 0, 2) + _random_ops(rng, 2, 1, 1, 2, 0, 1)[1:],
        },
    ]


def hidden():
    rng = np.random.default_rng(22)
    mismatch = _random_ops(rng, 8, 2, 2, 4, 2, 1)
    mismatch += _random_ops(rng, 8, 2, 3, 4, 0, 1)[1:]  # 3 heads instead of 2
    mismatch += _random_ops(rng, 8, 2, 2, 4, 0, 1)[1:]
    overflow = _random_ops(rng, 5, 1, 2, 3, 3, 1)
    overflow += _random_ops(rng, 5, 1, 2, 3, 4, 0)[1:]  # a prefill past max_len
    overflow.append(["prefill", [_t(np.zeros((1, 2, 0, 3))), _t(np.zeros((1, 2, 0, 3)))]])
    overflow += _random_ops(rng, 5, 1, 2, 3, 0, 2)[1:]
    return [
        {
            "id": "large-scores",
            "ops": _random_ops(rng, 16, 2, 2, 8, 5, 3, scale=12.0),
            "note": "large scores (stability)",
        },
        {"id": "shape-change", "ops": mismatch, "note": "a step with another head count"},
        {"id": "prefill-overflow", "ops": overflow, "note": "a prefill that does not fit"},
        {"id": "bad-max-len", "ops": [["KVCache", [0]]], "note": "max_len 0"},
        {
            "id": "two-caches",
            "runs": [_random_ops(rng, 6, 1, 2, 4, 3, 2), _random_ops(rng, 8, 1, 2, 4, 0, 2)],
            "note": "a second cache made after the first starts empty",
        },
    ]


def generate(rng):
    b, h, d = (int(x) for x in rng.integers(1, 5, size=3))
    prompt, steps = int(rng.integers(0, 6)), int(rng.integers(1, 6))
    max_len = prompt + steps + int(rng.integers(0, 3))
    return {
        "ops": _random_ops(rng, max_len, b, h, d, prompt, steps),
        "note": f"B={b}, H={h}, d={d}, a prompt of {prompt} and {steps} steps",
    }


def _shape_ok(shape, want):
    return want is None or shape == want


def expected(case):
    max_len = case["ops"][0][1][0]
    if max_len < 1:
        return [raises("ValueError")]
    out = [None]
    keys, values = [], []  # per position: (B, H, d) float64
    bhd = None
    for name, args in case["ops"][1:]:
        if name == "length":
            out.append(len(keys))
            continue
        arrays = [a.data.astype(np.float64) for a in args]
        if name == "prefill":
            k, v = arrays
            ok = k.ndim == 4 and k.shape == v.shape and k.shape[2] >= 1
            new = [k[:, :, t] for t in range(k.shape[2])] if ok else []
            new_v = [v[:, :, t] for t in range(k.shape[2])] if ok else []
        else:
            q, k, v = arrays
            ok = q.ndim == 3 and q.shape == k.shape == v.shape
            new, new_v = [k], [v]
        shape = tuple(k.shape[:2]) + (k.shape[-1],) if ok else None
        if not ok or not _shape_ok(shape, bhd) or len(keys) + len(new) > max_len:
            out.append(raises("ValueError"))
            continue
        bhd = shape
        keys += new
        values += new_v
        if name == "prefill":
            out.append(None)
            continue
        K, V = np.stack(keys, axis=2), np.stack(values, axis=2)  # (B, H, L, d)
        scores = np.einsum("bhd,bhld->bhl", q, K) / np.sqrt(q.shape[-1])
        w = np.exp(scores - scores.max(axis=-1, keepdims=True))
        w /= w.sum(axis=-1, keepdims=True)
        out.append(tensor(np.einsum("bhl,bhld->bhd", w, V), "float32"))
    return out


def sized(n, rng):
    """A prompt of n positions, then two steps: the work per step grows with n."""
    return {"ops": _random_ops(rng, n + 2, 2, 2, 8, n, 2)}


def examples():
    """The statement's worked examples, as FORMAT.md describes."""
    step = [_t([[[1.0, 2.0]]]), _t([[[0.5, -1.0]]]), _t([[[3.0, 4.0]]])]
    return [
        {
            "ops": [["KVCache", [4]], ["step", step], ["length", []]],
            "shows": [
                "`c.step(q, k, v)` with `q = [[[1, 2]]]`, `k = [[[0.5, -1]]]` and `v = [[[3, 4]]]`",
                "returns `v` (one position, weight 1), and `c.length()` is then 1",
            ],
            "want": [None, tensor([[[3.0, 4.0]]], "float32"), 1],
        }
    ]
