def min_largest_stage(sizes: list[int], k: int) -> int:
    raise NotImplementedError
