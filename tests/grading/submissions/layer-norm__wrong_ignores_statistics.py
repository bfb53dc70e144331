# problem: layer-norm
# expect: verdict=wrong_answer
import numpy as np


def layer_norm(x, gamma, beta, dy, eps=1e-5):
    mu = x.mean(axis=1, keepdims=True)
    std = np.sqrt(x.var(axis=1, keepdims=True) + eps)
    x_hat = (x - mu) / std
    y = gamma * x_hat + beta
    # bug: treats mu and std as constants, so dx misses their dependence on x
    dx = dy * gamma / std
    return y, dx, (dy * x_hat).sum(axis=0), dy.sum(axis=0)
