# problem: top-p-sampling
# expect: verdict=wrong_answer
import numpy as np


def sample_tokens(logits, temperature, top_k, top_p, seed):
    """np.argsort's default quicksort does not keep equal logits in index order, so top_k
    can keep the wrong tied tokens and the draw walks them in the wrong order."""
    if logits.ndim != 2 or not np.all(np.isfinite(logits) | np.isneginf(logits)):
        raise ValueError("logits must be 2-D with no NaN or +inf")
    if np.isneginf(logits).all(axis=1).any():
        raise ValueError("a row with no finite logit")
    if temperature < 0 or seed < 0 or (top_k is not None and top_k < 1) or not 0 < top_p <= 1:
        raise ValueError("bad parameter")
    if temperature == 0:
        return np.argmax(logits, axis=1)
    rows = np.arange(len(logits))[:, None]
    idx = np.argsort(-logits, axis=1)
    z = logits[rows, idx] / temperature
    if top_k is not None:
        z[:, top_k:] = -np.inf
    probs = np.exp(z - z[:, :1])
    probs = probs / probs.sum(axis=1, keepdims=True)
    cum = np.cumsum(probs, axis=1)
    probs[(cum - probs) >= top_p] = 0.0
    cdf = np.cumsum(probs / probs.sum(axis=1, keepdims=True), axis=1)
    u = np.random.default_rng(seed).random(len(logits))
    pick = np.minimum((cdf <= u[:, None]).sum(axis=1), (probs > 0).sum(axis=1) - 1)
    return idx[np.arange(len(logits)), pick]
