"""Trusted cases for topological-sort, checked by a validator (many orders are right)."""

from mockint.grading.values import Raises


def _case(cid, n, edges, note=""):
    return {"id": cid, "args": [n, [tuple(e) for e in edges]], "note": note}


def visible():
    return [
        _case("example", 3, [(0, 2), (1, 2)]),
        _case("chain", 5, [(3, 4), (0, 1), (2, 3), (1, 2)]),
        _case("no-edges", 4, []),
        _case("cycle", 3, [(0, 1), (1, 2), (2, 0)]),
        _case("diamond", 4, [(0, 1), (0, 2), (1, 3), (2, 3), (0, 3)]),
    ]


def hidden():
    return [
        _case("self-loop", 3, [(0, 1), (2, 2)], note="a task that depends on itself"),
        _case("long-chain", 5000, [(i, i + 1) for i in range(4999)], note="a chain of 5000 tasks"),
        _case("repeated-edges", 3, [(0, 1), (0, 1), (1, 2)], note="the same edge twice"),
        _case("empty", 0, [], note="no tasks"),
        _case(
            "cycle-behind-dag",
            6,
            [(0, 1), (1, 2), (3, 4), (4, 5), (5, 3)],
            note="a cycle in one part of the graph only",
        ),
    ]


def generate(rng):
    n = int(rng.integers(5, 200))
    order = rng.permutation(n).tolist()
    edges = []
    for _ in range(int(rng.integers(0, 3 * n))):
        i, j = sorted(int(v) for v in rng.integers(0, n, size=2))
        if i != j:
            edges.append((order[i], order[j]))
    cyclic = bool(rng.random() < 0.3) and len(edges) > 0
    if cyclic:
        a, b = edges[int(rng.integers(len(edges)))]
        edges.append((b, a))
    return _case(
        None,
        n,
        edges,
        note=f"random graph, {n} tasks, {len(edges)} edges" + (", with a cycle" if cyclic else ""),
    )


def _has_cycle(n, edges):
    indegree = [0] * n
    out = [[] for _ in range(n)]
    for a, b in edges:
        out[a].append(b)
        indegree[b] += 1
    ready = [v for v in range(n) if indegree[v] == 0]
    seen = 0
    while ready:
        v = ready.pop()
        seen += 1
        for w in out[v]:
            indegree[w] -= 1
            if indegree[w] == 0:
                ready.append(w)
    return seen < n


def validate(case, got):
    n, edges = case["args"]
    if _has_cycle(n, edges):
        if isinstance(got, Raises) and "ValueError" in got.mro:
            return None
        return "the graph has a cycle: expected ValueError"
    if isinstance(got, Raises):
        return f"raised {got.name}, but the graph has no cycle"
    if not isinstance(got, (list, tuple)) or not all(type(v) is int for v in got):
        return "expected a list of ints"
    if sorted(got) != list(range(n)):
        return f"not every task exactly once ({len(got)} items for {n} tasks)"
    position = {v: i for i, v in enumerate(got)}
    for a, b in edges:
        if position[a] > position[b]:
            return f"task {a} must come before task {b}"
    return None


def sized(n, rng):
    edges = []
    for v in range(1, n):
        for _ in range(2):
            edges.append((int(rng.integers(0, v)), v))
    return {"args": [n, edges]}


def examples():
    """The statement's worked examples, as FORMAT.md describes."""
    return [
        dict(
            _case("example", 3, [(0, 2), (1, 2)]),
            shows=["`topological_sort(3, [(0, 2), (1, 2)])` may return `[0, 1, 2]` or `[1, 0, 2]`"],
            one_of=[[0, 1, 2], [1, 0, 2]],
        )
    ]
