# problem: info-nce
# expect: verdict=wrong_answer
import torch
import torch.nn.functional as F


def info_nce(queries, keys, temperature, symmetric=False):
    """Sums the per-row losses instead of averaging them."""
    if queries.dim() != 2 or queries.shape != keys.shape or len(queries) == 0:
        raise ValueError("shapes")
    if temperature <= 0:
        raise ValueError("temperature")
    logits = F.normalize(queries, dim=1) @ F.normalize(keys, dim=1).T / temperature
    targets = torch.arange(len(queries))
    loss = F.cross_entropy(logits, targets, reduction="sum")
    if symmetric:
        loss = (loss + F.cross_entropy(logits.T, targets, reduction="sum")) / 2
    return loss
