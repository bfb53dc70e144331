# problem: prune-weights
# expect: verdict=memory_limit
import torch


def _prune(w, t):
    if t < 0:
        raise ValueError("negative")
    return torch.where(w.abs() >= t, w, torch.zeros_like(w))

import time

hoard = []


def prune_weights(weights, threshold):
    while True:
        hoard.append(bytearray(8 * 2**20))
        time.sleep(0.002)
