# problem: binary-search-answer
# expect: verdict=time_limit
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

    # Right answers, but tries the budgets one at a time from the largest layer upward:
    # O(n * (answer - max)), hopeless when sizes reach millions.
    budget = max(sizes)
    while not fits(budget):
        budget += 1
    return budget
