# problem: sliding-window-max
# expect: verdict=wrong_answer
from collections import deque


def window_argmax(values, k):
    if k < 1:
        raise ValueError("k must be positive")
    dq, out = deque(), []
    for i, v in enumerate(values):
        # Pops equal values too (<=), so on a tie the later index survives, not the leftmost.
        while dq and values[dq[-1]] <= v:
            dq.pop()
        dq.append(i)
        if dq[0] <= i - k:
            dq.popleft()
        if i >= k - 1:
            out.append(dq[0])
    return out
