def merge_intervals(intervals: list[list[int]]) -> list[list[int]]:
    raise NotImplementedError
