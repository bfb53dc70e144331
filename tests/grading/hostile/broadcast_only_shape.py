# problem: prune-weights
# expect: verdict=wrong_answer
import torch


def _prune(w, t):
    if t < 0:
        raise ValueError("negative")
    return torch.where(w.abs() >= t, w, torch.zeros_like(w))

def prune_weights(weights, threshold):
    return _prune(weights, threshold).unsqueeze(0)
