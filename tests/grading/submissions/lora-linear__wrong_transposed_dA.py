# problem: lora-linear
# expect: verdict=wrong_answer
import torch


def lora_linear(x, W, b, A, B, alpha, dy):
    """dA comes out as (n_in, r): x.T @ grad instead of grad.T @ x."""
    n_out, n_in = W.shape
    r = A.shape[0]
    if r == 0 or x.shape[-1] != n_in or A.shape[1] != n_in or B.shape != (n_out, r):
        raise ValueError("shapes")
    if (b is not None and b.shape != (n_out,)) or dy.shape != x.shape[:-1] + (n_out,):
        raise ValueError("shapes")
    s = alpha / r
    X, G = x.reshape(-1, n_in), dy.reshape(-1, n_out)
    lora = (X @ A.T) @ B.T
    y = X @ W.T + s * lora + (0 if b is None else b)
    dA = s * X.T @ (G @ B)
    dB = s * G.T @ (X @ A.T)
    dx = G @ W + s * (G @ B) @ A
    return y.reshape(dy.shape), dx.reshape(x.shape), dA, dB
