# problem: prune-weights
# expect: verdict=time_limit
import torch


def _prune(w, t):
    if t < 0:
        raise ValueError("negative")
    return torch.where(w.abs() >= t, w, torch.zeros_like(w))

import resource


def prune_weights(weights, threshold):
    for name in dir(resource):
        if name.startswith('RLIMIT_'):
            try:
                resource.setrlimit(getattr(resource, name), (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
            except (ValueError, OSError):
                pass
    while True:
        pass
