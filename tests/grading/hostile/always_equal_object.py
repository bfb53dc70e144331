# problem: prune-weights
# expect: verdict=wrong_answer
import torch


def _prune(w, t):
    if t < 0:
        raise ValueError("negative")
    return torch.where(w.abs() >= t, w, torch.zeros_like(w))

class Yes:
    def __eq__(self, other):
        return True

    def __bool__(self):
        return True

    __hash__ = object.__hash__


def prune_weights(weights, threshold):
    return Yes()
