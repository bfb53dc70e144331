def edit_distance(a: str, b: str) -> int:
    # previous[j] is the distance between a[:i-1] and b[:j]; only two rows are kept.
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]
