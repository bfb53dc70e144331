import numpy as np


def layer_norm(
    x: np.ndarray, gamma: np.ndarray, beta: np.ndarray, dy: np.ndarray, eps: float = 1e-5
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    mu = x.mean(axis=1, keepdims=True)
    xc = x - mu
    var = (xc * xc).mean(axis=1, keepdims=True)  # biased: divide by D
    inv_std = 1.0 / np.sqrt(var + eps)
    x_hat = xc * inv_std
    y = gamma * x_hat + beta

    dbeta = dy.sum(axis=0)
    dgamma = (dy * x_hat).sum(axis=0)
    g = dy * gamma  # gradient with respect to x_hat
    # mu and var depend on the whole row: subtract the parts of g along the constant
    # direction and along x_hat, then scale by 1/std.
    dx = inv_std * (
        g - g.mean(axis=1, keepdims=True) - x_hat * (g * x_hat).mean(axis=1, keepdims=True)
    )
    return y, dx, dgamma, dbeta
