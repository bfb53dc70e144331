# problem: pairwise-distances
# expect: verdict=runtime_error
import torch


def pairwise_distances(x):
    return torch.cdist(x, x)
