import numpy as np


def sample_tokens(
    logits: np.ndarray, temperature: float, top_k: int | None, top_p: float, seed: int
) -> np.ndarray:
    if logits.ndim != 2:
        raise ValueError(f"logits must be 2-D (B, V), got shape {logits.shape}")
    if np.isnan(logits).any() or np.isposinf(logits).any():
        raise ValueError("logits contain NaN or +inf")
    if not np.isfinite(logits).any(axis=1).all():
        raise ValueError("a row of logits has no finite entry")
    if temperature < 0:
        raise ValueError("temperature must be >= 0")
    if top_k is not None and top_k < 1:
        raise ValueError("top_k must be None or at least 1")
    if not 0 < top_p <= 1:
        raise ValueError("top_p must be in (0, 1]")
    if seed < 0:
        raise ValueError("seed must be >= 0")
    if temperature == 0:
        return logits.argmax(axis=1).astype(np.int64)  # argmax takes the first maximum
    batch = logits.shape[0]
    z = logits / temperature
    order = np.argsort(-z, axis=1, kind="stable")  # largest first, ties by index
    z = np.take_along_axis(z, order, axis=1)
    if top_k is not None:
        z[:, top_k:] = -np.inf
    p = np.exp(z - z[:, :1])  # the first column is each row's maximum
    p /= p.sum(axis=1, keepdims=True)
    before = np.cumsum(p, axis=1) - p  # mass of the tokens ahead of each one
    keep = before < top_p
    keep[:, 0] = True
    p = np.where(keep, p, 0.0)
    c = np.cumsum(p / p.sum(axis=1, keepdims=True), axis=1)
    u = np.random.default_rng(seed).random(batch)
    pos = (c <= u[:, None]).sum(axis=1)  # the first position whose c exceeds u
    pos = np.minimum(pos, keep.sum(axis=1) - 1)
    return order[np.arange(batch), pos].astype(np.int64)
