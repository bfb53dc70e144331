# problem: dijkstra
# expect: verdict=too_slow complexity=bad
def cheapest_routes(n, edges, source):
    if not 0 <= source < n:
        raise ValueError("source")
    out = [[] for _ in range(n)]
    for u, v, w in edges:
        if not (0 <= u < n and 0 <= v < n) or w < 0:
            raise ValueError("bad link")
        out[u].append((v, w))
    best = [None] * n
    best[source] = (0, 0)
    parent = [-1] * n
    done = [False] * n
    while True:
        # No heap: scan every node for the closest unsettled one, O(n) per step.
        u = -1
        for v in range(n):
            if not done[v] and best[v] is not None and (u == -1 or best[v] < best[u]):
                u = v
        if u == -1:
            break
        done[u] = True
        cost, links = best[u]
        for v, w in out[u]:
            pair = (cost + w, links + 1)
            if best[v] is None or pair < best[v]:
                best[v], parent[v] = pair, u
            elif pair == best[v] and u < parent[v]:
                parent[v] = u
    return [-1 if b is None else b[0] for b in best], parent
