# problem: kmeans
# expect: verdict=not_vectorized vectorized=bad
import numpy as np


def _labels(X, C):
    out = np.empty(len(X), dtype=np.int64)
    for i, x in enumerate(X):  # one Python iteration per point
        out[i] = int(((C - x) ** 2).sum(axis=1).argmin())
    return out


def kmeans(X, init, max_iter):
    C = np.array(init, dtype=np.float64)
    labels = _labels(X, C)
    for _ in range(max_iter):
        for j in range(len(C)):
            if (labels == j).any():
                C[j] = X[labels == j].mean(axis=0)
        new = _labels(X, C)
        if np.array_equal(new, labels):
            break
        labels = new
    return C, labels
