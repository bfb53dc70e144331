# problem: mlp-backprop
# expect: verdict=wrong_answer
import numpy as np


def mlp_loss_and_grads(X, y, W1, b1, W2, b2):
    n = X.shape[0]
    z1 = X @ W1 + b1
    a1 = np.maximum(z1, 0.0)
    logits = a1 @ W2 + b2
    s = logits - logits.max(axis=1, keepdims=True)
    logp = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
    loss = float(-logp[np.arange(n), y].mean())
    d = np.exp(logp)
    d[np.arange(n), y] -= 1
    d /= n
    dz1 = d @ W2.T  # bug: the gradient flows through relu where it was off
    return loss, {"W2": a1.T @ d, "b2": d.sum(0), "W1": X.T @ dz1, "b1": dz1.sum(0)}
