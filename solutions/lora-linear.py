import torch


def lora_linear(
    x: torch.Tensor,
    W: torch.Tensor,
    b: torch.Tensor | None,
    A: torch.Tensor,
    B: torch.Tensor,
    alpha: float,
    dy: torch.Tensor,
) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
    n_out, n_in = W.shape
    r = A.shape[0]
    if x.dim() < 1 or x.shape[-1] != n_in or A.shape != (r, n_in) or r == 0:
        raise ValueError(f"x {tuple(x.shape)}, W {tuple(W.shape)}, A {tuple(A.shape)} do not fit")
    if B.shape != (n_out, r) or (b is not None and b.shape != (n_out,)):
        raise ValueError(f"B {tuple(B.shape)} or the bias does not fit W {tuple(W.shape)}")
    if dy.shape != x.shape[:-1] + (n_out,):
        raise ValueError(f"dy {tuple(dy.shape)} is not the shape of y")
    scale = alpha / r
    X = x.reshape(-1, n_in)  # every leading position is one row
    dY = dy.reshape(-1, n_out)
    h = X @ A.T  # (N, r): the low-rank bottleneck
    y = X @ W.T + scale * (h @ B.T)
    if b is not None:
        y = y + b
    dh = scale * (dY @ B)  # (N, r): the gradient reaching h
    dA = dh.T @ X  # (r, n_in)
    dB = scale * (dY.T @ h)  # (n_out, r)
    dx = dY @ W + dh @ A
    return y.reshape(dy.shape), dx.reshape(x.shape), dA, dB
