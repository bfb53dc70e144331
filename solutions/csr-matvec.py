import numpy as np


def csr_matvec(
    data: np.ndarray, indices: np.ndarray, indptr: np.ndarray, x: np.ndarray
) -> np.ndarray:
    rows = len(indptr) - 1
    products = data * x[indices]
    # Row number of every stored entry, then one weighted count per row.
    row_of_entry = np.repeat(np.arange(rows), np.diff(indptr))
    return np.bincount(row_of_entry, weights=products, minlength=rows).astype(np.float64)
