# problem: prune-weights
# expect: verdict=runtime_error
import torch


def _prune(w, t):
    if t < 0:
        raise ValueError("negative")
    return torch.where(w.abs() >= t, w, torch.zeros_like(w))

def prune_weights(weights, threshold):
    with open('{{SENTINEL_DIR}}/new.txt', 'w') as f:
        f.write('escaped')
    return _prune(weights, threshold)
