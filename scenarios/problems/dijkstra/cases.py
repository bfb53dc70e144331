"""Trusted cases for dijkstra: (cost, links) pairs by a heap search over the pairs, parents
by one pass over the edges afterwards; checked against Bellman-Ford on pairs in
development."""

import heapq

from mockint.grading.values import raises


def _case(cid, n, edges, source, note=""):
    return {
        "id": cid,
        "args": [n, [tuple(e) for e in edges], source],
        "check_args": [1],
        "note": note,
    }


def visible():
    return [
        _case("example", 5, [(0, 1, 1), (1, 2, 1), (0, 3, 2), (2, 4, 1), (3, 4, 1)], 0),
        _case("direct-or-around", 4, [(0, 1, 4), (0, 2, 1), (2, 1, 3), (1, 3, 1), (2, 3, 5)], 0),
        _case("unreachable", 4, [(0, 1, 2), (2, 3, 1)], 0),
        _case("tie-smallest-parent", 4, [(0, 2, 1), (0, 1, 1), (2, 3, 1), (1, 3, 1)], 0),
        _case("zero-weights", 3, [(0, 1, 0), (1, 2, 0), (0, 2, 0)], 0),
        _case("negative-weight", 3, [(0, 1, 2), (1, 2, -1)], 0),
    ]


def _grid(side):
    """A grid with links both ways, costing 0 or 1 in a fixed pattern: many routes of equal
    cost and different numbers of links."""
    edges = []
    for r in range(side):
        for c in range(side):
            v = r * side + c
            for u in (v + 1 if c + 1 < side else None, v + side if r + 1 < side else None):
                if u is not None:
                    edges += [(v, u, (v * 7 + u) % 3 % 2), (u, v, (u * 5 + v) % 3 % 2)]
    return edges


def hidden():
    side = 40
    grid = _grid(side)
    return [
        _case(
            "negative-unreachable",
            4,
            [(0, 1, 1), (2, 3, -5)],
            0,
            note="a negative link that no route reaches",
        ),
        _case("bad-source", 3, [(0, 1, 1)], 3, note="a source outside the nodes"),
        _case("bad-endpoint", 3, [(0, 5, 1)], 0, note="a link to a node outside the nodes"),
        _case(
            "parallel-and-loops",
            3,
            [(0, 1, 5), (0, 1, 2), (1, 1, 0), (1, 2, 3), (0, 0, 1)],
            0,
            note="repeated links and self-loops",
        ),
        _case("single-node", 1, [], 0, note="one node, no links"),
        _case(
            "grid-from-corner",
            side * side,
            grid,
            0,
            note="a 40 x 40 grid of links costing 0 or 1, from a corner",
        ),
        _case(
            "grid-from-middle",
            side * side,
            grid,
            side * side // 2 + side // 2,
            note="a 40 x 40 grid of links costing 0 or 1, from the middle",
        ),
        _case(
            "fewer-links-larger-parent",
            6,
            [(0, 1, 1), (1, 2, 1), (2, 5, 1), (0, 4, 1), (4, 5, 2), (0, 3, 0), (3, 5, 3)],
            0,
            note="equal costs with different numbers of links, larger node on the shorter",
        ),
        _case(
            "cheap-long-vs-short",
            5,
            [(0, 4, 10), (0, 1, 2), (1, 2, 2), (2, 3, 2), (3, 4, 4)],
            0,
            note="a cheap route with more links against a direct one",
        ),
    ]


def generate(rng):
    n = int(rng.integers(2, 300))
    m = int(rng.integers(0, 5 * n))
    high = int(rng.choice([3, 20, 1000]))
    edges = [
        (int(u), int(v), int(w))
        for u, v, w in zip(
            rng.integers(0, n, size=m),
            rng.integers(0, n, size=m),
            rng.integers(0, high, size=m),
            strict=True,
        )
    ]
    return _case(
        None,
        n,
        edges,
        int(rng.integers(0, n)),
        note=f"a random graph of {n} nodes, {m} links, costs below {high}",
    )


def expected(case):
    n, edges, source = case["args"]
    if not 0 <= source < n or any(not (0 <= u < n and 0 <= v < n) for u, v, _ in edges):
        return raises("ValueError")
    if any(w < 0 for _, _, w in edges):
        return raises("ValueError")
    out = [[] for _ in range(n)]
    for u, v, w in edges:
        out[u].append((v, w))
    best = [None] * n  # (cost, links) of the chosen route
    best[source] = (0, 0)
    heap = [(0, 0, source)]
    done = [False] * n
    while heap:
        cost, links, u = heapq.heappop(heap)
        if done[u]:
            continue
        done[u] = True
        for v, w in out[u]:
            pair = (cost + w, links + 1)
            if best[v] is None or pair < best[v]:
                best[v] = pair
                heapq.heappush(heap, (pair[0], pair[1], v))
    parent = [-1] * n
    for u, v, w in edges:
        if v == source or best[u] is None or best[v] is None:
            continue
        if (best[u][0] + w, best[u][1] + 1) == best[v] and (parent[v] == -1 or u < parent[v]):
            parent[v] = u
    dist = [-1 if b is None else b[0] for b in best]
    return (dist, parent)


def sized(n, rng):
    edges = [(v - 1, v, 100) for v in range(1, n)]  # a chain keeps every node reachable
    m = 3 * n
    edges += [
        (int(u), int(v), int(w))
        for u, v, w in zip(
            rng.integers(0, n, size=m),
            rng.integers(0, n, size=m),
            rng.integers(1, 100, size=m),
            strict=True,
        )
    ]
    return {"args": [n, edges, 0]}


def examples():
    """The statement's worked examples, as FORMAT.md describes."""
    return [
        dict(
            _case("example", 5, [(0, 1, 1), (1, 2, 1), (0, 3, 2), (2, 4, 1), (3, 4, 1)], 0),
            shows=[
                "`cheapest_routes(5, [(0, 1, 1), (1, 2, 1), (0, 3, 2), (2, 4, 1), (3, 4, 1)], 0)"
                " == ([0, 1, 2, 2, 3], [-1, 0, 1, 0, 3])`"
            ],
            want=([0, 1, 2, 2, 3], [-1, 0, 1, 0, 3]),
        )
    ]
