# problem: binary-search-answer
# expect: verdict=wrong_answer
def min_largest_stage(sizes, k):
    if k < 1 or any(s < 1 for s in sizes):
        raise ValueError("bad input")
    if not sizes:
        return 0

    def fits(budget):
        devices, load = 1, 0
        for s in sizes:
            if load + s > budget:
                devices, load = devices + 1, 0
            load += s
        return devices <= k

    lo, hi = max(sizes), sum(sizes)
    while lo < hi:
        mid = (lo + hi) // 2
        # Off by one: a budget that fits is dropped from the range, so the search can
        # step past the answer.
        if fits(mid):
            hi = mid - 1
        else:
            lo = mid + 1
    return lo
