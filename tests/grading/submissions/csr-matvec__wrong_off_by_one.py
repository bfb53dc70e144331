# problem: csr-matvec
# expect: verdict=wrong_answer
import numpy as np


def csr_matvec(data, indices, indptr, x):
    y = np.zeros(len(indptr) - 1)
    for i in range(len(indptr) - 1):
        for p in range(indptr[i], indptr[i + 1] - 1):  # drops the last entry of each row
            y[i] += data[p] * x[indices[p]]
    return y
