# problem: mlp-backprop
# expect: verdict=not_vectorized vectorized=bad
import numpy as np


def mlp_loss_and_grads(X, y, W1, b1, W2, b2):
    n, c = X.shape[0], len(b2)
    loss = 0.0
    g = {"W1": np.zeros_like(W1), "b1": np.zeros_like(b1), "W2": np.zeros_like(W2),
         "b2": np.zeros_like(b2)}
    for i in range(n):  # one Python iteration per sample
        z1 = X[i] @ W1 + b1
        a1 = np.maximum(z1, 0)
        z2 = a1 @ W2 + b2
        z2 = z2 - z2.max()
        lse = np.log(np.exp(z2).sum())
        p = np.exp(z2 - lse)
        loss -= (z2[y[i]] - lse) / n
        d = p.copy()
        d[y[i]] -= 1
        d /= n
        g["W2"] += np.outer(a1, d)
        g["b2"] += d
        dz1 = (W2 @ d) * (z1 > 0)
        g["W1"] += np.outer(X[i], dz1)
        g["b1"] += dz1
    return float(loss), g
