# problem: top-p-sampling
# expect: verdict=not_vectorized vectorized=bad
import numpy as np


def sample_tokens(logits, temperature, top_k, top_p, seed):
    """Right answers, one row at a time in a Python loop."""
    if logits.ndim != 2 or np.isnan(logits).any() or np.isposinf(logits).any():
        raise ValueError("logits")
    if not np.isfinite(logits).any(axis=1).all():
        raise ValueError("row")
    if temperature < 0 or (top_k is not None and top_k < 1) or not 0 < top_p <= 1:
        raise ValueError("parameter")
    u = np.random.default_rng(seed).random(len(logits))
    out = np.empty(len(logits), dtype=np.int64)
    for b, row in enumerate(logits):
        if temperature == 0:
            out[b] = int(np.argmax(row))
            continue
        z = row / temperature
        order = np.argsort(-z, kind="stable")[:top_k]
        p = np.exp(z[order] - z[order[0]])
        p /= p.sum()
        n = 1
        while n < len(p) and p[:n].sum() < top_p:
            n += 1
        q = p[:n] / p[:n].sum()
        pick = int(np.searchsorted(np.cumsum(q), u[b], side="right"))
        out[b] = order[min(pick, n - 1)]
    return out
