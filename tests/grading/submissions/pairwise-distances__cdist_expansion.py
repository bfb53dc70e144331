# problem: pairwise-distances
# expect: verdict=accepted vectorized=ok
import torch


def pairwise_distances(x):
    return torch.cdist(x, x)
