# problem: prune-weights
# expect: verdict=output_limit
import torch


def _prune(w, t):
    if t < 0:
        raise ValueError("negative")
    return torch.where(w.abs() >= t, w, torch.zeros_like(w))

def prune_weights(weights, threshold):
    with open('big.bin', 'wb') as f:
        for _ in range(200):
            f.write(b'\0' * 2**20)
    return _prune(weights, threshold)
