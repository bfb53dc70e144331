# problem: edit-distance
# expect: verdict=wrong_answer
def edit_distance(a, b):
    # Only insertions and deletions: a substitution costs 2 here.
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            best = min(previous[j] + 1, current[j - 1] + 1)
            if ca == cb:
                best = min(best, previous[j - 1])
            current.append(best)
        previous = current
    return previous[-1]
