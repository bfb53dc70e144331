# problem: prune-weights
# expect: verdict=accepted
# A private /dev/shm: writing there works and leaves nothing on the host (checked by the test).
import torch


def _prune(w, t):
    if t < 0:
        raise ValueError("negative")
    return torch.where(w.abs() >= t, w, torch.zeros_like(w))

def prune_weights(weights, threshold):
    with open('/dev/shm/mockint-hostile', 'wb') as f:
        f.write(b'x' * 2**20)
    return _prune(weights, threshold)
