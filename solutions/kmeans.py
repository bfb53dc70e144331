import numpy as np


def _labels(X: np.ndarray, C: np.ndarray) -> np.ndarray:
    # (n, k) squared distances by broadcasting; argmin takes the lowest index on ties.
    return ((X[:, None, :] - C[None, :, :]) ** 2).sum(axis=2).argmin(axis=1)


def kmeans(X: np.ndarray, init: np.ndarray, max_iter: int) -> tuple[np.ndarray, np.ndarray]:
    C = np.array(init, dtype=np.float64)  # a copy: the caller's array is left alone
    labels = _labels(X, C)
    for _ in range(max_iter):
        for j in range(len(C)):  # k iterations, each vectorized over the points
            mask = labels == j
            if mask.any():
                C[j] = X[mask].mean(axis=0)
        new = _labels(X, C)
        if np.array_equal(new, labels):
            break
        labels = new
    return C, labels
