# problem: cosine-topk-filter
# expect: verdict=wrong_answer
import numpy as np


def cosine_top_k(queries, embeddings, categories, allowed, k):
    """Takes the top k over all documents, then drops those the filter rejects: fewer than
    k results whenever a rejected document ranks high."""
    if k < 0:
        raise ValueError("k")
    if queries.ndim != 2 or embeddings.ndim != 2 or queries.shape[1] != embeddings.shape[1]:
        raise ValueError("shapes")
    if categories.shape != (len(embeddings),):
        raise ValueError("categories")
    q = queries / np.maximum(np.linalg.norm(queries, axis=1, keepdims=True), 1e-12)
    e = embeddings / np.maximum(np.linalg.norm(embeddings, axis=1, keepdims=True), 1e-12)
    sims = np.round(q @ e.T, 6)
    top = np.argsort(-sims, axis=1, kind="stable")[:, :k]
    ok = np.isin(categories[top], allowed)
    m = int(ok.sum(axis=1).min()) if len(top) else 0
    idx = np.stack([row[keep][:m] for row, keep in zip(top, ok)]) if len(top) else top
    return idx, np.take_along_axis(sims, idx, axis=1)
