import numpy as np


def log_sum_exp_softmax(x: np.ndarray, axis: int = -1) -> tuple[np.ndarray, np.ndarray]:
    if x.ndim == 0:
        raise ValueError("x needs at least one dimension")
    if not -x.ndim <= axis < x.ndim:
        raise ValueError(f"axis {axis} is out of range for {x.ndim} dimensions")
    if x.shape[axis] == 0:
        raise ValueError("the axis has length 0")
    if np.isnan(x).any() or np.isposinf(x).any():
        raise ValueError("x contains NaN or +inf")
    m = x.max(axis=axis, keepdims=True)
    # A slice of all -inf would give -inf - (-inf) = NaN: shift it by 0 instead.
    shift = np.where(np.isfinite(m), m, 0).astype(x.dtype)
    e = np.exp(x - shift)  # every entry <= 1; exactly 0 for -inf
    total = e.sum(axis=axis, keepdims=True)
    with np.errstate(divide="ignore"):  # log(0) = -inf for an all -inf slice, as wanted
        lse = shift + np.log(total)
    p = e / np.where(total > 0, total, 1)
    return np.squeeze(lse, axis=axis), p
