"""Trusted cases for causal-padding-mask: the allowed pattern query by query in NumPy,
float64 softmax over each row's allowed keys only."""

import numpy as np

from mockint.grading.values import raises, tensor


def _case(cid, scores, mask, dtype="float32", mask_dtype="int64", note=""):
    scores = np.asarray(scores, dtype=np.float64)
    args = [tensor(scores, dtype), tensor(np.asarray(mask), mask_dtype)]
    return {"id": cid, "args": args, "check_args": [0, 1], "note": note}


def _lengths_mask(t, lengths, left):
    mask = np.zeros((len(lengths), t), dtype=np.int64)
    for b, n in enumerate(lengths):
        if left:
            mask[b, t - n :] = 1
        else:
            mask[b, :n] = 1
    return mask


def _random(rng, b, h, t, left, scale=1.0, dtype="float32", cid=None, note=""):
    lengths = rng.integers(1, t + 1, size=b)
    mask = _lengths_mask(t, lengths, left)
    return _case(cid, rng.normal(0, scale, (b, h, t, t)), mask, dtype, note=note)


def visible():
    rng = np.random.default_rng(27)
    return [
        _case("example", np.zeros((1, 1, 3, 3)), [[0, 1, 1]]),
        _case("no-padding", rng.normal(size=(1, 2, 3, 3)), [[1, 1, 1]]),
        _case("right-padding", rng.normal(size=(2, 1, 4, 4)), _lengths_mask(4, [2, 4], False)),
        _case("left-padding", rng.normal(size=(2, 2, 4, 4)), _lengths_mask(4, [1, 3], True)),
    ]


def hidden():
    rng = np.random.default_rng(28)
    return [
        _random(rng, 3, 2, 6, True, scale=40.0, cid="large-left", note="large scores, left pad"),
        _case(
            "bool-holes",
            rng.normal(size=(2, 1, 5, 5)),
            np.array([[True, False, True, False, True], [False, False, False, False, True]]),
            "float64",
            "bool",
            note="a bool mask with holes, float64",
        ),
        _case("bad-mask-value", np.zeros((1, 1, 2, 2)), [[1, 2]], note="a mask value of 2"),
        _case("bad-shape", np.zeros((2, 1, 3, 3)), [[1, 1, 1]], note="mask (1, T) for B = 2"),
    ]


def generate(rng):
    b, h, t = int(rng.integers(1, 6)), int(rng.integers(1, 4)), int(rng.integers(1, 9))
    left = bool(rng.random() < 0.5)
    side = "left" if left else "right"
    return _random(rng, b, h, t, left, scale=5.0, note=f"B={b}, H={h}, T={t}, {side} padding")


def expected(case):
    scores, mask = case["args"][0].data, case["args"][1].data
    dtype = case["args"][0].dtype
    if scores.ndim != 4 or scores.shape[2] != scores.shape[3]:
        return raises("ValueError")
    b, h, t, _ = scores.shape
    if mask.shape != (b, t) or (mask.dtype != bool and not np.isin(mask, (0, 1)).all()):
        return raises("ValueError")
    add = np.full((b, 1, t, t), -np.inf)
    weights = np.zeros(scores.shape)
    for s in range(b):
        for i in range(t):
            keys = [j for j in range(i + 1) if mask[s, j]]
            add[s, 0, i, keys] = 0.0
            if keys:
                row = scores[s, :, i, :][:, keys]  # (H, number of allowed keys)
                e = np.exp(row - row.max(axis=-1, keepdims=True))
                w = np.zeros((h, t))
                w[:, keys] = e / e.sum(axis=-1, keepdims=True)
                weights[s, :, i, :] = w
    return (tensor(add, dtype), tensor(weights, dtype))


def sized(n, rng):
    return _random(rng, n, 2, 8, True)


def examples():
    """The statement's worked examples, as FORMAT.md describes."""
    inf = float("inf")
    return [
        dict(
            _case("example", np.zeros((1, 1, 3, 3)), [[0, 1, 1]]),
            shows=[
                "`B = H = 1`, `T = 3`, all scores 0 and `attention_mask = [[0, 1, 1]]`",
                "the mask rows `[-inf, -inf, -inf]`, `[-inf, 0, -inf]`, `[-inf, 0, 0]`",
                "weight rows `[0, 0, 0]`, `[0, 1, 0]`, `[0, 0.5, 0.5]`",
            ],
            want=(
                tensor([[[[-inf, -inf, -inf], [-inf, 0, -inf], [-inf, 0, 0]]]], "float32"),
                tensor([[[[0, 0, 0], [0, 1, 0], [0, 0.5, 0.5]]]], "float32"),
            ),
        )
    ]
