# problem: causal-padding-mask
# expect: verdict=wrong_answer
import torch


def causal_padding_softmax(scores, attention_mask):
    """Masks with the dtype's most negative finite number (as some libraries do) instead of
    -inf; the weights are right, the returned mask is not."""
    if scores.dim() != 4 or scores.shape[-1] != scores.shape[-2]:
        raise ValueError("scores")
    b, _, t, _ = scores.shape
    if attention_mask.shape != (b, t):
        raise ValueError("attention_mask")
    if attention_mask.dtype != torch.bool and ((attention_mask != 0) & (attention_mask != 1)).any():
        raise ValueError("attention_mask values")
    allowed = torch.tril(torch.ones(t, t, dtype=torch.bool)) & attention_mask.bool()[:, None, None]
    mask = torch.zeros(b, 1, t, t, dtype=scores.dtype).masked_fill(~allowed, torch.finfo(scores.dtype).min)
    weights = torch.softmax(scores.masked_fill(~allowed, float("-inf")), dim=-1)
    return mask, torch.nan_to_num(weights, nan=0.0)
