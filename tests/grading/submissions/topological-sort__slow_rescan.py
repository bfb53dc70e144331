# problem: topological-sort
# expect: verdict=too_slow complexity=bad
def topological_sort(n, edges):
    remaining = set(range(n))
    order = []
    incoming = {v: set() for v in range(n)}
    for a, b in edges:
        incoming[b].add(a)
    done = set()
    while remaining:
        # Scan every remaining task for one whose prerequisites are done: O(n) per step.
        for v in sorted(remaining):
            if incoming[v] <= done:
                break
        else:
            raise ValueError("cycle")
        remaining.discard(v)
        done.add(v)
        order.append(v)
    return order
