# problem: prune-weights
# expect: verdict=runtime_error
import torch


def _prune(w, t):
    if t < 0:
        raise ValueError("negative")
    return torch.where(w.abs() >= t, w, torch.zeros_like(w))

import sys


def prune_weights(weights, threshold):
    sys.exit(0)
