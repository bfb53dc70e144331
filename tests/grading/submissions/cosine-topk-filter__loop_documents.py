# problem: cosine-topk-filter
# expect: verdict=not_vectorized vectorized=bad
import heapq
import math

import numpy as np


def cosine_top_k(queries, embeddings, categories, allowed, k):
    """Right answers, scoring one document at a time and keeping a heap per query."""
    if k < 0:
        raise ValueError("k")
    if queries.ndim != 2 or embeddings.ndim != 2 or queries.shape[1] != embeddings.shape[1]:
        raise ValueError("shapes")
    if categories.shape != (len(embeddings),):
        raise ValueError("categories")
    allowed = set(allowed)
    passing = [i for i in range(len(embeddings)) if int(categories[i]) in allowed]
    m = min(k, len(passing))
    indices = np.zeros((len(queries), m), dtype=np.int64)
    scores = np.zeros((len(queries), m))
    for qi, q in enumerate(queries):
        qn = max(math.sqrt(float(q @ q)), 1e-12)
        heap = []
        for i in passing:
            e = embeddings[i]
            s = round(float(q @ e) / (qn * max(math.sqrt(float(e @ e)), 1e-12)), 6)
            heap.append((-s, i))
        best = heapq.nsmallest(m, heap)
        indices[qi] = [i for _, i in best]
        scores[qi] = [-s for s, _ in best]
    return indices, scores
