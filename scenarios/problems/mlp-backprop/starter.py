import numpy as np


def mlp_loss_and_grads(
    X: np.ndarray,
    y: np.ndarray,
    W1: np.ndarray,
    b1: np.ndarray,
    W2: np.ndarray,
    b2: np.ndarray,
) -> tuple[float, dict[str, np.ndarray]]:
    raise NotImplementedError
