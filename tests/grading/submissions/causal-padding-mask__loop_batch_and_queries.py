# problem: causal-padding-mask
# expect: verdict=not_vectorized vectorized=bad
import torch


def causal_padding_softmax(scores, attention_mask):
    """Right answers, one sequence and one query at a time."""
    if scores.dim() != 4 or scores.shape[-1] != scores.shape[-2]:
        raise ValueError("scores")
    b, _, t, _ = scores.shape
    if attention_mask.shape != (b, t):
        raise ValueError("attention_mask")
    if attention_mask.dtype != torch.bool and ((attention_mask != 0) & (attention_mask != 1)).any():
        raise ValueError("attention_mask values")
    mask = torch.full((b, 1, t, t), float("-inf"), dtype=scores.dtype)
    weights = torch.zeros_like(scores)
    for s in range(b):
        for i in range(t):
            keys = [j for j in range(i + 1) if attention_mask[s, j]]
            if not keys:
                continue
            mask[s, 0, i, keys] = 0.0
            weights[s, :, i, keys] = torch.softmax(scores[s, :, i, keys], dim=-1)
    return mask, weights
