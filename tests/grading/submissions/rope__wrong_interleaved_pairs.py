# problem: rope
# expect: verdict=wrong_answer
import torch


def _rotate(x, cos, sin):
    even, odd = x[..., 0::2], x[..., 1::2]  # pairs (2i, 2i + 1), as in GPT-J
    out = torch.empty_like(x)
    out[..., 0::2] = even * cos - odd * sin
    out[..., 1::2] = even * sin + odd * cos
    return out


def apply_rope(q, k, positions, base=10000.0):
    if q.dim() != 4 or k.dim() != 4 or q.shape[-1] % 2:
        raise ValueError("shapes")
    b, _, t, d = q.shape
    if (k.shape[0], k.shape[2], k.shape[3]) != (b, t, d) or k.dtype != q.dtype:
        raise ValueError("q and k differ")
    if tuple(positions.shape) not in ((t,), (b, t)):
        raise ValueError("positions")
    inv_freq = 1.0 / base ** (torch.arange(0, d, 2, dtype=torch.float32) / d)
    angles = positions.float()[..., None] * inv_freq
    if angles.dim() == 3:
        angles = angles[:, None]
    return _rotate(q, angles.cos(), angles.sin()), _rotate(k, angles.cos(), angles.sin())
