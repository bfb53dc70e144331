def merge_intervals(intervals: list[list[int]]) -> list[list[int]]:
    for start, end in intervals:
        if start > end:
            raise ValueError(f"interval [{start}, {end}] ends before it starts")
    merged: list[list[int]] = []
    for start, end in sorted(intervals):  # sorted() copies: the input stays as it was
        if merged and start <= merged[-1][1]:  # overlaps or touches the last one
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return merged
