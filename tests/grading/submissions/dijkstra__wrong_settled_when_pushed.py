# problem: dijkstra
# expect: verdict=wrong_answer
import heapq


def cheapest_routes(n, edges, source):
    if not 0 <= source < n:
        raise ValueError("source")
    out = [[] for _ in range(n)]
    for u, v, w in edges:
        if not (0 <= u < n and 0 <= v < n) or w < 0:
            raise ValueError("bad link")
        out[u].append((v, w))
    dist, links, parent = [-1] * n, [0] * n, [-1] * n
    dist[source] = 0
    seen = {source}
    heap = [(0, 0, source)]
    while heap:
        d, k, u = heapq.heappop(heap)
        for v, w in out[u]:
            # Marks a node done the first time it is reached, as in breadth-first search:
            # a cheaper route found later is never taken.
            if v in seen:
                continue
            seen.add(v)
            dist[v], links[v], parent[v] = d + w, k + 1, u
            heapq.heappush(heap, (d + w, k + 1, v))
    return dist, parent
