# problem: prune-weights
# expect: verdict=time_limit
import torch


def _prune(w, t):
    if t < 0:
        raise ValueError("negative")
    return torch.where(w.abs() >= t, w, torch.zeros_like(w))

import time


def prune_weights(weights, threshold):
    time.sleep(1000)
