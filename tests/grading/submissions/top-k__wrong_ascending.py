# problem: top-k
# expect: verdict=wrong_answer
import heapq


def top_k(scores, k):
    if k < 0:
        raise ValueError("k")
    return sorted(heapq.nlargest(k, scores))  # ascending: wrong order
