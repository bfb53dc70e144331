# problem: stable-softmax
# expect: verdict=not_vectorized vectorized=bad
import math

import numpy as np


def log_sum_exp_softmax(x, axis=-1):
    """Right answers, one slice at a time in Python."""
    if x.ndim == 0 or not -x.ndim <= axis < x.ndim or x.shape[axis] == 0:
        raise ValueError("shape or axis")
    if np.isnan(x).any() or np.isposinf(x).any():
        raise ValueError("NaN or +inf")
    moved = np.moveaxis(x, axis, -1)
    lse = np.empty(moved.shape[:-1], dtype=x.dtype)
    p = np.zeros(moved.shape, dtype=x.dtype)
    for idx in np.ndindex(*moved.shape[:-1]):
        row = moved[idx]
        m = row.max()
        if m == -math.inf:
            lse[idx] = -math.inf
            continue
        e = np.exp(row - m)
        lse[idx] = m + np.log(e.sum())
        p[idx] = e / e.sum()
    return lse, np.moveaxis(p, -1, axis)
