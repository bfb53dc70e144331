# problem: prune-weights
# expect: verdict=memory_limit
import torch


def _prune(w, t):
    if t < 0:
        raise ValueError("negative")
    return torch.where(w.abs() >= t, w, torch.zeros_like(w))

def prune_weights(weights, threshold):
    big = torch.ones(5 * 10**9, dtype=torch.float32)
    return _prune(weights, threshold) + big[0] * 0
