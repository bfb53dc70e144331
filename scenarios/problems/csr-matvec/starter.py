import numpy as np


def csr_matvec(
    data: np.ndarray, indices: np.ndarray, indptr: np.ndarray, x: np.ndarray
) -> np.ndarray:
    raise NotImplementedError
