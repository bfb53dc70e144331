# problem: sliding-window-max
# expect: verdict=too_slow complexity=bad
def window_argmax(values, k):
    if k < 1:
        raise ValueError("k must be positive")
    out = []
    for i in range(len(values) - k + 1):
        # Right, but scans the whole window each time: O(n k).
        window = values[i : i + k]
        out.append(i + window.index(max(window)))
    return out
