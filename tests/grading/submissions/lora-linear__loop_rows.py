# problem: lora-linear
# expect: verdict=not_vectorized vectorized=bad
import torch


def lora_linear(x, W, b, A, B, alpha, dy):
    """Right answers, one row of x at a time, accumulating outer products."""
    n_out, n_in = W.shape
    r = A.shape[0]
    if r == 0 or x.shape[-1] != n_in or A.shape[1] != n_in or B.shape != (n_out, r):
        raise ValueError("shapes")
    if (b is not None and b.shape != (n_out,)) or dy.shape != x.shape[:-1] + (n_out,):
        raise ValueError("shapes")
    s = alpha / r
    X, G = x.reshape(-1, n_in), dy.reshape(-1, n_out)
    ys, dxs = [], []
    dA, dB = torch.zeros_like(A), torch.zeros_like(B)
    for xi, gi in zip(X, G):
        h = A @ xi
        ys.append(W @ xi + s * (B @ h) + (0 if b is None else b))
        dh = s * (B.T @ gi)
        dA += torch.outer(dh, xi)
        dB += s * torch.outer(gi, h)
        dxs.append(W.T @ gi + A.T @ dh)
    y = torch.stack(ys).reshape(dy.shape)
    return y, torch.stack(dxs).reshape(x.shape), dA, dB
