# problem: prune-weights
# expect: verdict=output_limit
import torch


def _prune(w, t):
    if t < 0:
        raise ValueError("negative")
    return torch.where(w.abs() >= t, w, torch.zeros_like(w))

import sys


def prune_weights(weights, threshold):
    line = 'x' * 2**20
    for _ in range(500):
        sys.stdout.write(line)
    return _prune(weights, threshold)
