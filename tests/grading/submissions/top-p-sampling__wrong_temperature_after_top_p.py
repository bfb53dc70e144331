# problem: top-p-sampling
# expect: verdict=wrong_answer
import numpy as np


def _softmax(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def sample_tokens(logits, temperature, top_k, top_p, seed):
    """Chooses the top-k / top-p set from the untempered distribution, then applies the
    temperature to the survivors only."""
    if logits.ndim != 2 or np.isnan(logits).any() or np.isposinf(logits).any():
        raise ValueError("logits")
    if not np.isfinite(logits).any(axis=1).all():
        raise ValueError("row")
    if temperature < 0 or (top_k is not None and top_k < 1) or not 0 < top_p <= 1:
        raise ValueError("parameter")
    if temperature == 0:
        return logits.argmax(axis=1)
    order = np.argsort(-logits, axis=1, kind="stable")
    z = np.take_along_axis(logits, order, axis=1)
    if top_k is not None:
        z[:, top_k:] = -np.inf
    p = _softmax(z)
    keep = np.cumsum(p, axis=1) - p < top_p
    z = np.where(keep, z / temperature, -np.inf)
    c = np.cumsum(_softmax(z), axis=1)
    u = np.random.default_rng(seed).random(len(z))
    pos = np.minimum((c <= u[:, None]).sum(axis=1), keep.sum(axis=1) - 1)
    return order[np.arange(len(z)), pos]
