# problem: pairwise-distances
# expect: verdict=wrong_answer
import torch


def pairwise_distances(x):
    diff = x[:, None, :] - x[None, :, :]
    return (diff * diff).sum(-1)
