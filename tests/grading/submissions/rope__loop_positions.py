# problem: rope
# expect: verdict=not_vectorized vectorized=bad
import torch


def apply_rope(q, k, positions, base=10000.0):
    """Right answers, one position (and one sequence) at a time."""
    if q.dim() != 4 or k.dim() != 4 or q.shape[-1] % 2:
        raise ValueError("shapes")
    b, _, t, d = q.shape
    if (k.shape[0], k.shape[2], k.shape[3]) != (b, t, d) or k.dtype != q.dtype:
        raise ValueError("q and k differ")
    if tuple(positions.shape) not in ((t,), (b, t)):
        raise ValueError("positions")
    h = d // 2
    pos = positions.expand(b, t)
    outs = []
    for x in (q, k):
        out = x.clone()
        for s in range(b):
            for j in range(t):
                p = int(pos[s, j])
                angles = torch.tensor([p * base ** (-2 * i / d) for i in range(h)], dtype=x.dtype)
                c, sn = angles.cos(), angles.sin()
                x1, x2 = x[s, :, j, :h], x[s, :, j, h:]
                out[s, :, j, :h] = x1 * c - x2 * sn
                out[s, :, j, h:] = x1 * sn + x2 * c
        outs.append(out)
    return outs[0], outs[1]
