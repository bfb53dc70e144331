# problem: causal-padding-mask
# expect: verdict=wrong_answer
import torch


def causal_padding_softmax(scores, attention_mask):
    """A plain softmax of scores + mask: rows with every key masked come out NaN."""
    if scores.dim() != 4 or scores.shape[-1] != scores.shape[-2]:
        raise ValueError("scores")
    b, _, t, _ = scores.shape
    if attention_mask.shape != (b, t):
        raise ValueError("attention_mask")
    if attention_mask.dtype != torch.bool and ((attention_mask != 0) & (attention_mask != 1)).any():
        raise ValueError("attention_mask values")
    keep = torch.tril(torch.ones(t, t, dtype=torch.bool)) & attention_mask.bool().view(b, 1, 1, t)
    mask = torch.zeros(b, 1, t, t, dtype=scores.dtype).masked_fill(~keep, float("-inf"))
    return mask, torch.softmax(scores + mask, dim=-1)
