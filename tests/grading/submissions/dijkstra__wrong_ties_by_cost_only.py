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
    inf = float("inf")
    dist, parent = [inf] * n, [-1] * n
    dist[source] = 0
    heap = [(0, source)]
    while heap:
        d, u = heapq.heappop(heap)
        if d > dist[u]:
            continue
        for v, w in out[u]:
            if d + w < dist[v]:
                dist[v], parent[v] = d + w, u
                heapq.heappush(heap, (d + w, v))
            elif d + w == dist[v] and u < parent[v] and v != source:
                # Breaks ties by the smallest predecessor only: the number of links on
                # the route is never compared.
                parent[v] = u
    return [-1 if d == inf else d for d in dist], parent
