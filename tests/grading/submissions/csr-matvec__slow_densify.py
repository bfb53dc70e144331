# problem: csr-matvec
# expect: verdict=too_slow complexity=bad
import numpy as np


def csr_matvec(data, indices, indptr, x):
    rows = len(indptr) - 1
    dense = np.zeros((rows, len(x)))  # O(rows * cols) memory and time
    for i in range(rows):
        np.add.at(dense[i], indices[indptr[i]:indptr[i + 1]], data[indptr[i]:indptr[i + 1]])
    return dense @ x
