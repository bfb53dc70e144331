# problem: prune-weights
# expect: verdict=memory_limit
import torch


def _prune(w, t):
    if t < 0:
        raise ValueError("negative")
    return torch.where(w.abs() >= t, w, torch.zeros_like(w))

def prune_weights(weights, threshold):
    big = bytearray(20 * 10**9)
    return _prune(weights, threshold)
