# problem: pairwise-distances
# expect: verdict=runtime_error
# expect-message: the statement rules out (“`torch.cdist` (also reached as `torch.functional.cdist`) is off limits”)
import torch


def pairwise_distances(x):
    return torch.cdist(x, x)
