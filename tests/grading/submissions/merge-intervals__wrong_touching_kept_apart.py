# problem: merge-intervals
# expect: verdict=wrong_answer
def merge_intervals(intervals):
    for start, end in intervals:
        if start > end:
            raise ValueError("start after end")
    merged = []
    for start, end in sorted(intervals):
        # Strict overlap only: [1, 3] and [3, 5] stay apart although they share 3.
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return merged
