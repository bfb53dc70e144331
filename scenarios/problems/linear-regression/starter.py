import numpy as np


def fit_linear_regression(X: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, float]:
    raise NotImplementedError
