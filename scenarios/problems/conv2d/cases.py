"""Trusted cases for conv2d: expected outputs by direct summation in float64."""

import numpy as np

from mockint.grading.values import raises, tensor


def _case(cid, x, w, b=None, stride=1, padding=0, note=""):
    xs = tensor(np.asarray(x, dtype=np.float64), "float32")
    ws = tensor(np.asarray(w, dtype=np.float64), "float32")
    bs = None if b is None else tensor(np.asarray(b, dtype=np.float64), "float32")
    # float32 sums of C_in * kH * kW products: allow rounding in proportion to their size.
    terms = ws.data.shape[1] * ws.data.shape[2] * ws.data.shape[3] if ws.data.ndim == 4 else 1
    scale = float(np.abs(xs.data).max(initial=0) * np.abs(ws.data).max(initial=0))
    atol = 4e-7 * terms * scale + 1e-6
    return {
        "id": cid,
        "args": [xs, ws, bs, stride, padding],
        "check_args": [0, 1],
        "atol": atol,
        "note": note,
    }


def _rand(rng, n, c_in, c_out, h, w, k, stride=1, padding=0, bias=True, note="", cid=None):
    return _case(
        cid,
        rng.normal(size=(n, c_in, h, w)),
        rng.normal(size=(c_out, c_in, k[0], k[1])) / np.sqrt(c_in * k[0] * k[1]),
        rng.normal(size=c_out) if bias else None,
        stride,
        padding,
        note,
    )


def visible():
    rng = np.random.default_rng(3)
    img = np.arange(1, 10, dtype=float).reshape(1, 1, 3, 3)
    return [
        _case("example", img, [[[[1, 0], [0, -1]]]]),
        _case("bias-and-padding", img, np.ones((2, 1, 3, 3)), [0.5, -1.0], padding=1),
        _rand(rng, 2, 3, 4, 7, 6, (3, 3), stride=2, padding=1, cid="stride-two"),
        _rand(rng, 1, 2, 3, 5, 5, (1, 1), bias=False, cid="one-by-one"),
        _case("channel-mismatch", np.ones((1, 2, 4, 4)), np.ones((1, 3, 2, 2))),
    ]


def hidden():
    rng = np.random.default_rng(4)
    return [
        _rand(rng, 1, 1, 1, 4, 4, (4, 4), note="kernel as large as the image", cid="full"),
        _rand(
            rng,
            3,
            4,
            2,
            9,
            5,
            (2, 3),
            stride=3,
            padding=2,
            note="rectangular kernel",
            cid="rectangular",
        ),
        _case(
            "too-small",
            np.ones((1, 1, 2, 2)),
            np.ones((1, 1, 3, 3)),
            note="kernel larger than the padded image",
        ),
        _case(
            "bad-stride", np.ones((1, 1, 4, 4)), np.ones((1, 1, 2, 2)), stride=0, note="stride 0"
        ),
        _rand(rng, 4, 8, 16, 28, 28, (5, 5), padding=2, note="a small CNN layer", cid="layer"),
    ]


def generate(rng):
    n, c_in, c_out = (int(v) for v in rng.integers(1, 6, size=3))
    kh, kw = (int(v) for v in rng.integers(1, 5, size=2))
    stride, padding = int(rng.integers(1, 4)), int(rng.integers(0, 3))
    h = int(rng.integers(max(1, kh - 2 * padding), 20))
    w = int(rng.integers(max(1, kw - 2 * padding), 20))
    return _rand(
        rng,
        n,
        c_in,
        c_out,
        h,
        w,
        (kh, kw),
        stride,
        padding,
        bias=bool(rng.random() < 0.7),
        note=f"{n}x{c_in}x{h}x{w} input, {c_out} {kh}x{kw} kernels, stride {stride}, pad {padding}",
    )


def expected(case):
    x, w, b, stride, padding = case["args"]
    xd, wd = x.data.astype(np.float64), w.data.astype(np.float64)
    n, c_in, h, wid = xd.shape
    c_out, c_in_w, kh, kw = wd.shape
    if c_in != c_in_w or stride < 1 or padding < 0:
        return raises("ValueError")
    h_out = (h + 2 * padding - kh) // stride + 1
    w_out = (wid + 2 * padding - kw) // stride + 1
    if h_out < 1 or w_out < 1:
        return raises("ValueError")
    xp = np.pad(xd, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    out = np.zeros((n, c_out, h_out, w_out))
    for i in range(h_out):
        for j in range(w_out):
            patch = xp[:, :, i * stride : i * stride + kh, j * stride : j * stride + kw]
            out[:, :, i, j] = np.einsum("ncab,ocab->no", patch, wd)
    if b is not None:
        out += b.data.astype(np.float64)[None, :, None, None]
    return tensor(out, "float32")


def sized(n, rng):
    x = tensor(rng.normal(size=(1, 4, n, n)), "float32")
    w = tensor(rng.normal(size=(4, 4, 3, 3)) / 6, "float32")
    return {"args": [x, w, None, 1, 1]}


def examples():
    """The statement's worked examples, as FORMAT.md describes."""
    return [
        dict(
            _case("example", np.arange(1, 10).reshape(1, 1, 3, 3), [[[[1, 0], [0, -1]]]]),
            shows=[
                "a `(1, 1, 3, 3)` image `[[1, 2, 3], [4, 5, 6], [7, 8, 9]]`",
                "kernel `[[1, 0], [0, -1]]` and no bias gives `[[[[-4, -4], [-4, -4]]]]`",
            ],
            want=tensor([[[[-4.0, -4.0], [-4.0, -4.0]]]], "float32"),
        )
    ]
