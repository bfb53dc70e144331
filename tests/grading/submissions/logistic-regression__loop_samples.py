# problem: logistic-regression
# expect: verdict=not_vectorized vectorized=bad
import math

import numpy as np


def fit_logistic_regression(X, y, lr, epochs, l2=0.0):
    n, d = X.shape
    w, b = np.zeros(d), 0.0
    for _ in range(epochs):
        gw, gb = np.zeros(d), 0.0
        for i in range(n):  # one Python iteration per sample
            z = float(X[i] @ w + b)
            p = 1 / (1 + math.exp(-z)) if z >= 0 else math.exp(z) / (1 + math.exp(z))
            gw += (p - y[i]) * X[i]
            gb += p - y[i]
        w, b = w - lr * (gw / n + l2 * w), b - lr * gb / n
    return w, float(b)
