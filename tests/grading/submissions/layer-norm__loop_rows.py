# problem: layer-norm
# expect: verdict=not_vectorized vectorized=bad
import numpy as np


def layer_norm(x, gamma, beta, dy, eps=1e-5):
    n, d = x.shape
    y, dx = np.empty_like(x), np.empty_like(x)
    dgamma, dbeta = np.zeros(d), np.zeros(d)
    for i in range(n):  # one Python iteration per row
        mu = x[i].mean()
        std = np.sqrt(((x[i] - mu) ** 2).mean() + eps)
        x_hat = (x[i] - mu) / std
        y[i] = gamma * x_hat + beta
        g = dy[i] * gamma
        dx[i] = (g - g.mean() - x_hat * (g * x_hat).mean()) / std
        dgamma += dy[i] * x_hat
        dbeta += dy[i]
    return y, dx, dgamma, dbeta
