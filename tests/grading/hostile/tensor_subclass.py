# problem: prune-weights
# expect: verdict=wrong_answer
import torch


def _prune(w, t):
    if t < 0:
        raise ValueError("negative")
    return torch.where(w.abs() >= t, w, torch.zeros_like(w))

class Agreeable(torch.Tensor):
    def __eq__(self, other):
        return True


def prune_weights(weights, threshold):
    return _prune(weights, threshold).as_subclass(Agreeable)
