# problem: prune-weights
# expect: verdict=memory_limit
import torch


def _prune(w, t):
    if t < 0:
        raise ValueError("negative")
    return torch.where(w.abs() >= t, w, torch.zeros_like(w))

import numpy as np


def prune_weights(weights, threshold):
    big = np.ones(20 * 10**9 // 8)
    return _prune(weights, threshold) + float(big[0]) * 0
