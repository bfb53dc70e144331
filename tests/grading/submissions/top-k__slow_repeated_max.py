# problem: top-k
# expect: verdict=too_slow complexity=bad
def top_k(scores, k):
    if k < 0:
        raise ValueError("k")
    remaining = list(scores)
    out = []
    for _ in range(min(k, len(remaining))):
        best = max(remaining)  # O(n) each time: O(n k) overall
        remaining.remove(best)
        out.append(best)
    return out
