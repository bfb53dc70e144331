# problem: pairwise-distances
# expect: verdict=not_vectorized vectorized=bad
import torch


def pairwise_distances(x):
    n = x.shape[0]
    out = torch.zeros(n, n, dtype=x.dtype)
    for i in range(n):
        for j in range(n):
            out[i, j] = torch.sqrt(((x[i] - x[j]) ** 2).sum())
    return out
