# problem: prune-weights
# expect: verdict=accepted
import torch


def _prune(w, t):
    if t < 0:
        raise ValueError("negative")
    return torch.where(w.abs() >= t, w, torch.zeros_like(w))

import os


def prune_weights(weights, threshold):
    os.write(1, b'\xff\xfe not utf-8 \x80\xc3\x28\n')
    return _prune(weights, threshold)
