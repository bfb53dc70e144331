# problem: cosine-topk-filter
# expect: verdict=wrong_answer
import numpy as np


def cosine_top_k(queries, embeddings, categories, allowed, k):
    """argsort ascending then reversed: equal scores come out higher index first."""
    if k < 0:
        raise ValueError("k")
    if queries.ndim != 2 or embeddings.ndim != 2 or queries.shape[1] != embeddings.shape[1]:
        raise ValueError("shapes")
    if categories.shape != (len(embeddings),):
        raise ValueError("categories")
    keep = np.where(np.isin(categories, allowed))[0]
    qn = np.linalg.norm(queries, axis=1, keepdims=True).clip(min=1e-12)
    en = np.linalg.norm(embeddings[keep], axis=1).clip(min=1e-12)
    sims = np.round((queries @ embeddings[keep].T) / qn / en, 6)
    top = np.argsort(sims, axis=1, kind="stable")[:, ::-1][:, :k]
    return keep[top], np.take_along_axis(sims, top, axis=1)
