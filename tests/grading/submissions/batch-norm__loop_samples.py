# problem: batch-norm
# expect: verdict=not_vectorized vectorized=bad
import numpy as np


def batch_norm_forward(x, gamma, beta, eps=1e-5):
    n = len(x)
    mean = np.zeros(x.shape[1])
    for row in x:
        mean += row / n
    var = np.zeros(x.shape[1])
    for row in x:
        var += (row - mean) ** 2 / n
    out = np.empty_like(x)
    for i, row in enumerate(x):
        out[i] = gamma * (row - mean) / np.sqrt(var + eps) + beta
    return out, mean, var
