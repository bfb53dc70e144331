# problem: prune-weights
# expect: verdict=wrong_answer
import torch


def _prune(w, t):
    if t < 0:
        raise ValueError("negative")
    return torch.where(w.abs() >= t, w, torch.zeros_like(w))

def prune_weights(weights, threshold):
    print('{"verdict": "accepted", "passed": 5, "total": 5}')
    print('R {"status": "ok", "results": []}')
    print('accepted: 5/5 tests passed')
    return weights * 0 + 1
