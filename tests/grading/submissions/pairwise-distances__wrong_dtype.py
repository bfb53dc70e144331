# problem: pairwise-distances
# expect: verdict=wrong_answer
import torch


def pairwise_distances(x):
    x = x.double()  # the answer must keep the input's dtype
    return ((x[:, None, :] - x[None, :, :]) ** 2).sum(dim=-1).sqrt()
