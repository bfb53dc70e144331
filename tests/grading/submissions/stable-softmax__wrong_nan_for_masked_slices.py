# problem: stable-softmax
# expect: verdict=wrong_answer
import numpy as np


def log_sum_exp_softmax(x, axis=-1):
    """Subtracts the maximum, but a slice of all -inf becomes -inf - (-inf) = NaN."""
    if x.ndim == 0 or x.shape[axis] == 0:
        raise ValueError("empty")
    if np.isnan(x).any() or np.isposinf(x).any():
        raise ValueError("NaN or +inf")
    m = np.max(x, axis=axis, keepdims=True)
    e = np.exp(x - m)
    s = np.sum(e, axis=axis, keepdims=True)
    return np.squeeze(m + np.log(s), axis=axis), e / s
