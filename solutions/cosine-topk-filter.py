import numpy as np


def cosine_top_k(
    queries: np.ndarray,
    embeddings: np.ndarray,
    categories: np.ndarray,
    allowed: list[int],
    k: int,
) -> tuple[np.ndarray, np.ndarray]:
    if k < 0:
        raise ValueError("k must be >= 0")
    if queries.ndim != 2 or embeddings.ndim != 2 or queries.shape[1] != embeddings.shape[1]:
        raise ValueError(f"queries {queries.shape} and embeddings {embeddings.shape} differ")
    if categories.shape != (embeddings.shape[0],):
        raise ValueError(f"categories {categories.shape}: expected ({embeddings.shape[0]},)")
    ids = np.flatnonzero(np.isin(categories, allowed))  # filter first, keep the indices
    m = min(k, len(ids))
    q = queries / np.maximum(np.linalg.norm(queries, axis=1, keepdims=True), 1e-12)
    e = embeddings[ids]
    e = e / np.maximum(np.linalg.norm(e, axis=1, keepdims=True), 1e-12)
    scores = np.round(q @ e.T, 6)  # (Q, passing)
    # A stable sort of the negated scores: best first, equal scores in index order.
    order = np.argsort(-scores, axis=1, kind="stable")[:, :m]
    return ids[order].astype(np.int64), np.take_along_axis(scores, order, axis=1)
