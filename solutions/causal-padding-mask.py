import torch


def causal_padding_softmax(
    scores: torch.Tensor, attention_mask: torch.Tensor
) -> tuple[torch.Tensor, torch.Tensor]:
    if scores.dim() != 4 or scores.shape[2] != scores.shape[3]:
        raise ValueError(f"scores must be (B, H, T, T), got {tuple(scores.shape)}")
    b, _, t, _ = scores.shape
    if tuple(attention_mask.shape) != (b, t):
        raise ValueError(f"attention_mask must be ({b}, {t}), got {tuple(attention_mask.shape)}")
    if (
        attention_mask.dtype != torch.bool
        and not ((attention_mask == 0) | (attention_mask == 1)).all()
    ):
        raise ValueError("attention_mask must hold only 0 and 1")
    causal = torch.ones(t, t, dtype=torch.bool).tril()
    allowed = causal & attention_mask.bool()[:, None, None, :]  # (B, 1, T, T): keys masked
    zero = torch.zeros((), dtype=scores.dtype)
    mask = torch.where(allowed, zero, torch.tensor(float("-inf"), dtype=scores.dtype))
    masked = scores + mask
    top = masked.max(dim=-1, keepdim=True).values
    top = torch.where(top.isinf(), zero, top)  # a fully masked row: avoid -inf - -inf
    e = (masked - top).exp()  # exactly 0 where masked
    total = e.sum(dim=-1, keepdim=True)
    return mask, e / torch.where(total > 0, total, torch.ones_like(total))
