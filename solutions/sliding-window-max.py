from collections import deque


def window_argmax(values: list[float], k: int) -> list[int]:
    if k < 1:
        raise ValueError("k must be at least 1")
    out: list[int] = []
    # Indices whose values strictly decrease from front to back: an index is dropped only
    # when a later value is strictly larger, so on a tie the earlier index stays in front.
    candidates: deque[int] = deque()
    for i, v in enumerate(values):
        while candidates and values[candidates[-1]] < v:
            candidates.pop()
        candidates.append(i)
        if candidates[0] <= i - k:
            candidates.popleft()
        if i >= k - 1:
            out.append(candidates[0])
    return out
