"""Trusted cases for lora-linear: float64 NumPy, the weight gradients as explicit sums of
per-row outer products (not the matrix formulas the reference uses)."""

import numpy as np

from mockint.grading.values import raises, tensor


def _results(x, W, b, A, B, alpha, dy):
    """(y, dx, dA, dB) in float64 for a 2-D x."""
    s = alpha / A.shape[0]
    h = np.einsum("ni,ri->nr", x, A)
    y = x @ W.T + (0.0 if b is None else b) + s * h @ B.T
    g = s * np.einsum("no,or->nr", dy, B)  # gradient reaching h
    dA = np.einsum("nr,ni->ri", g, x)
    dB = s * np.einsum("no,nr->or", dy, h)
    dx = dy @ W + g @ A
    return y, dx, dA, dB


def _case(cid, x, W, b, A, B, alpha, dy, dtype="float32", note=""):
    arrays = [np.asarray(a, dtype=np.float64) for a in (x, W, A, B, dy)]
    x, W, A, B, dy = arrays
    args = [tensor(x, dtype), tensor(W, dtype), None if b is None else tensor(b, dtype)]
    args += [tensor(A, dtype), tensor(B, dtype), alpha, tensor(dy, dtype)]
    case = {"id": cid, "args": args, "note": note}
    case["check_args"] = [i for i, a in enumerate(args) if a is not None and i != 5]
    # Rounding of float32 sums grows with the terms added up: bound it by running the same
    # formulas on absolute values.
    flat = [np.abs(a).reshape(-1, a.shape[-1]) if a.ndim else a for a in (x, dy)]
    try:
        bias = None if b is None else np.abs(np.asarray(b, dtype=np.float64))
        bound = _results(flat[0], np.abs(W), bias, np.abs(A), np.abs(B), abs(alpha), flat[1])
        top = max(float(np.max(r)) for r in bound)
    except ValueError:
        top = 1.0
    case["atol"] = 1e-6 + 32 * float(np.finfo(dtype).eps) * top
    return case


def _random(rng, lead, n_in, n_out, r, alpha=8.0, bias=True, dtype="float32", cid=None, note=""):
    return _case(
        cid,
        rng.normal(size=(*lead, n_in)),
        rng.normal(0, 0.5, size=(n_out, n_in)),
        rng.normal(size=n_out) if bias else None,
        rng.normal(0, 0.5, size=(r, n_in)),
        rng.normal(0, 0.5, size=(n_out, r)),
        alpha,
        rng.normal(size=(*lead, n_out)),
        dtype,
        note,
    )


def visible():
    rng = np.random.default_rng(23)
    x = [[1.0, 2.0], [0.5, -1.0]]
    return [
        _case(
            "b-zero",
            x,
            [[1, 0], [0, 1], [1, 1]],
            [0.1, 0.2, 0.3],
            [[1.0, -1.0]],
            np.zeros((3, 1)),
            2.0,
            [[1, 0, 1], [0, 1, 0]],
        ),
        _random(rng, (4,), 5, 3, 2, cid="rank-2"),
        _random(rng, (2, 3), 4, 6, 3, alpha=16.0, bias=False, cid="batch-and-time"),
        _case(
            "bad-rank",
            [[1.0, 2.0]],
            [[1.0, 0.0]],
            None,
            [[1.0, 1.0]],
            [[1.0, 2.0]],
            1.0,
            [[1.0]],
            note="B has r = 2, A has r = 1",
        ),
    ]


def hidden():
    rng = np.random.default_rng(24)
    return [
        _random(rng, (3, 2, 4), 6, 5, 2, note="three leading dimensions", cid="3-leading"),
        _random(rng, (5,), 8, 4, 4, alpha=1.0, dtype="float64", note="float64", cid="float64"),
        _random(rng, (), 3, 2, 1, note="a single 1-D input", cid="one-dim"),
        _case(
            "bad-dy",
            [[1.0, 2.0]],
            [[1.0, 0.0]],
            [0.0],
            [[1.0, 1.0]],
            [[2.0]],
            1.0,
            [[1.0, 1.0]],
            note="dy of the wrong shape",
        ),
    ]


def generate(rng):
    lead = tuple(int(v) for v in rng.integers(1, 6, size=int(rng.integers(1, 3))))
    n_in, n_out = (int(v) for v in rng.integers(1, 12, size=2))
    r = int(rng.integers(1, 5))
    bias = bool(rng.random() < 0.7)
    alpha = float(rng.choice([1.0, 8.0, 16.0, 32.0]))
    return _random(
        rng,
        lead,
        n_in,
        n_out,
        r,
        alpha,
        bias,
        note=f"x {lead + (n_in,)}, n_out={n_out}, r={r}, alpha={alpha:g}",
    )


def expected(case):
    x, W, b, A, B, alpha, dy = (a.data if hasattr(a, "data") else a for a in case["args"])
    dtype = case["args"][0].dtype
    r = A.shape[0]
    n_out, n_in = W.shape
    if (
        x.ndim < 1
        or x.shape[-1] != n_in
        or A.shape[1] != n_in
        or r == 0
        or B.shape != (n_out, r)
        or (b is not None and b.shape != (n_out,))
        or dy.shape != x.shape[:-1] + (n_out,)
    ):
        return raises("ValueError")
    lead = x.shape[:-1]
    y, dx, dA, dB = _results(
        x.reshape(-1, n_in).astype(np.float64),
        W,
        b,
        A,
        B,
        alpha,
        dy.reshape(-1, n_out).astype(np.float64),
    )
    return (
        tensor(y.reshape(*lead, n_out), dtype),
        tensor(dx.reshape(x.shape), dtype),
        tensor(dA, dtype),
        tensor(dB, dtype),
    )


def sized(n, rng):
    return _random(rng, (n,), 16, 16, 4)


def examples():
    """The statement's worked examples, as FORMAT.md describes."""
    x, W, b = [[1.0, 2.0], [0.5, -1.0]], [[1, 0], [0, 1], [1, 1]], [0.1, 0.2, 0.3]
    return [
        dict(
            _case("example", x, W, b, [[1.0, -1.0]], np.zeros((3, 1)), 2.0, [[1, 0, 1], [0, 1, 0]]),
            shows=[
                "`x = [[1, 2], [0.5, -1]]`, `W = [[1, 0], [0, 1], [1, 1]]`, `b = [0.1, 0.2, 0.3]`",
                "`A = [[1, -1]]`, `B = [[0], [0], [0]]`",
                "`alpha = 2` and `dy = [[1, 0, 1], [0, 1, 0]]`",
                "`y = x @ W.T + b = [[1.1, 2.2, 3.3], [0.6, -0.8, -0.2]]`",
                "`dx = dy @ W = [[2, 1], [0, 1]]` and `dA = [[0, 0]]`",
                "`dB = (alpha / r) * dy.T @ (x @ A.T) = [[-2], [3], [-2]]`",
            ],
            want=(
                tensor([[1.1, 2.2, 3.3], [0.6, -0.8, -0.2]], "float32"),
                tensor([[2.0, 1.0], [0.0, 1.0]], "float32"),
                tensor([[0.0, 0.0]], "float32"),
                tensor([[-2.0], [3.0], [-2.0]], "float32"),
            ),
        )
    ]
