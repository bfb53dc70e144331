# problem: merge-intervals
# expect: verdict=time_limit
def merge_intervals(intervals):
    # No sort: each interval absorbs every result interval it overlaps or touches.
    # Right, but O(n * m) for m result intervals, so O(n^2) when few of them merge.
    result = []
    for start, end in intervals:
        if start > end:
            raise ValueError("start after end")
        kept = []
        for a, b in result:
            if a <= end and start <= b:
                start, end = min(start, a), max(end, b)
            else:
                kept.append([a, b])
        kept.append([start, end])
        result = kept
    return sorted(result)
