from collections import deque


def topological_sort(n: int, edges: list[tuple[int, int]]) -> list[int]:
    # Kahn's algorithm: repeatedly take a task nothing is still waiting on.
    successors = [[] for _ in range(n)]
    waiting_on = [0] * n
    for a, b in edges:
        successors[a].append(b)
        waiting_on[b] += 1
    ready = deque(v for v in range(n) if waiting_on[v] == 0)
    order = []
    while ready:
        v = ready.popleft()
        order.append(v)
        for w in successors[v]:
            waiting_on[w] -= 1
            if waiting_on[w] == 0:
                ready.append(w)
    if len(order) < n:
        raise ValueError("the dependencies contain a cycle")
    return order
