import heapq


def top_k(scores: list[float], k: int) -> list[float]:
    if k < 0:
        raise ValueError("k must be non-negative")
    if k == 0:
        return []
    # A min-heap of the best k so far: its root is the score to beat.
    heap = []
    for s in scores:
        if len(heap) < k:
            heapq.heappush(heap, s)
        elif s > heap[0]:
            heapq.heapreplace(heap, s)
    return sorted(heap, reverse=True)
