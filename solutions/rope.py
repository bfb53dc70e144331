import torch


def _rotate(x: torch.Tensor, cos: torch.Tensor, sin: torch.Tensor) -> torch.Tensor:
    h = x.shape[-1] // 2
    x1, x2 = x[..., :h], x[..., h:]  # half-split pairs: feature i with feature i + h
    return torch.cat([x1 * cos - x2 * sin, x1 * sin + x2 * cos], dim=-1)


def apply_rope(
    q: torch.Tensor, k: torch.Tensor, positions: torch.Tensor, base: float = 10000.0
) -> tuple[torch.Tensor, torch.Tensor]:
    if q.dim() != 4 or k.dim() != 4:
        raise ValueError("q and k must be (B, H, T, d)")
    b, _, t, d = q.shape
    if d % 2 or (k.shape[0], k.shape[2], k.shape[3]) != (b, t, d) or k.dtype != q.dtype:
        raise ValueError(f"q {tuple(q.shape)} and k {tuple(k.shape)} do not fit")
    if tuple(positions.shape) not in ((t,), (b, t)):
        raise ValueError(f"positions {tuple(positions.shape)}: expected ({t},) or ({b}, {t})")
    # Angles in float64: float32 loses about 1e-4 rad at positions in the thousands.
    theta = base ** (-2.0 * torch.arange(d // 2, dtype=torch.float64) / d)
    angles = positions.to(torch.float64).unsqueeze(-1) * theta  # (T, h) or (B, T, h)
    if angles.dim() == 3:
        angles = angles.unsqueeze(1)  # a head axis: (B, 1, T, h)
    cos, sin = angles.cos().to(q.dtype), angles.sin().to(q.dtype)
    return _rotate(q, cos, sin), _rotate(k, cos, sin)
