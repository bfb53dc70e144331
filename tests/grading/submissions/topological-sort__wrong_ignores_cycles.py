# problem: topological-sort
# expect: verdict=wrong_answer
def topological_sort(n, edges):
    # DFS post-order without tracking nodes on the current path: cycles go unnoticed.
    successors = [[] for _ in range(n)]
    for a, b in edges:
        successors[a].append(b)
    seen, order = set(), []

    def visit(v):
        if v in seen:
            return
        seen.add(v)
        for w in successors[v]:
            visit(w)
        order.append(v)

    for v in range(n):
        visit(v)
    return order[::-1]
