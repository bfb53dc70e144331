import numpy as np


def _sigmoid(z: np.ndarray) -> np.ndarray:
    # exp of a non-positive number never overflows: use the form that only needs that.
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def fit_logistic_regression(
    X: np.ndarray, y: np.ndarray, lr: float, epochs: int, l2: float = 0.0
) -> tuple[np.ndarray, float]:
    n, d = X.shape
    w = np.zeros(d)
    b = 0.0
    for _ in range(epochs):  # epochs steps, each vectorized over all samples
        r = _sigmoid(X @ w + b) - y
        w, b = w - lr * (X.T @ r / n + l2 * w), b - lr * float(r.mean())
    return w, float(b)
