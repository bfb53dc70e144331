def _fits(sizes, k, budget):
    """Greedy: open a new device only when the next layer would go over the budget."""
    devices, load = 1, 0
    for s in sizes:
        if load + s > budget:
            devices += 1
            load = 0
            if devices > k:
                return False
        load += s
    return True


def min_largest_stage(sizes: list[int], k: int) -> int:
    if k < 1:
        raise ValueError("k must be at least 1")
    if any(s < 1 for s in sizes):
        raise ValueError("every layer size must be at least 1")
    if not sizes:
        return 0
    # The answer lies in [largest layer, total]; a budget that fits makes every larger fit.
    lo, hi = max(sizes), sum(sizes)
    while lo < hi:
        mid = (lo + hi) // 2
        if _fits(sizes, k, mid):
            hi = mid
        else:
            lo = mid + 1
    return lo
