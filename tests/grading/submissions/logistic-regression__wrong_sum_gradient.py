# problem: logistic-regression
# expect: verdict=wrong_answer
import numpy as np


def fit_logistic_regression(X, y, lr, epochs, l2=0.0):
    w, b = np.zeros(X.shape[1]), 0.0
    for _ in range(epochs):
        p = 1 / (1 + np.exp(-(X @ w + b)))
        # bug: summed instead of averaged, so the step grows with n
        w, b = w - lr * (X.T @ (p - y) + l2 * w), b - lr * float((p - y).sum())
    return w, float(b)
