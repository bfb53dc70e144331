# problem: pairwise-distances
# expect: verdict=wrong_answer
import torch


def pairwise_distances(x):
    x = x.double()
    return torch.cdist(x, x)
