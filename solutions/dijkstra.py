import heapq


def cheapest_routes(
    n: int, edges: list[tuple[int, int, int]], source: int
) -> tuple[list[int], list[int]]:
    if not 0 <= source < n:
        raise ValueError(f"source {source} is outside 0..{n - 1}")
    out = [[] for _ in range(n)]
    for u, v, w in edges:
        if not (0 <= u < n and 0 <= v < n):
            raise ValueError(f"link ({u}, {v}) leaves the nodes 0..{n - 1}")
        if w < 0:
            raise ValueError(f"link ({u}, {v}) has a negative cost {w}")
        out[u].append((v, w))
    # Routes compare by (cost, links); adding (w, 1) never makes a pair smaller, so
    # Dijkstra settles vertices in order of their final pair.
    best = [None] * n
    best[source] = (0, 0)
    parent = [-1] * n
    heap = [(0, 0, source)]
    while heap:
        cost, links, u = heapq.heappop(heap)
        if (cost, links) != best[u]:
            continue  # stale: u was reached more cheaply after this entry was pushed
        for v, w in out[u]:
            pair = (cost + w, links + 1)
            if best[v] is None or pair < best[v]:
                best[v], parent[v] = pair, u
                heapq.heappush(heap, (cost + w, links + 1, v))
            elif pair == best[v] and u < parent[v]:
                parent[v] = u  # an equally good route through a smaller predecessor
    dist = [-1 if b is None else b[0] for b in best]
    return dist, parent
