import numpy as np


def batch_norm_forward(
    x: np.ndarray, gamma: np.ndarray, beta: np.ndarray, eps: float = 1e-5
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    mean = x.mean(axis=0)
    centered = x - mean
    var = (centered * centered).mean(axis=0)  # biased: training mode divides by N
    out = gamma * centered / np.sqrt(var + eps) + beta
    return out, mean, var
