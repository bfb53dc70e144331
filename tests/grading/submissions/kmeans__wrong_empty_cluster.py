# problem: kmeans
# expect: verdict=wrong_answer
import numpy as np


def kmeans(X, init, max_iter):
    C = np.array(init, dtype=np.float64)
    labels = ((X[:, None] - C[None]) ** 2).sum(2).argmin(1)
    for _ in range(max_iter):
        # bug: the mean of an empty cluster is NaN, and that centroid is lost for good
        C = np.stack([X[labels == j].mean(axis=0) for j in range(len(C))])
        new = np.nan_to_num(((X[:, None] - C[None]) ** 2).sum(2), nan=np.inf).argmin(1)
        if np.array_equal(new, labels):
            break
        labels = new
    return C, labels
