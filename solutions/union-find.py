class UnionFind:
    """Parent pointers with union by size and path compression (iterative find)."""

    def __init__(self, n: int):
        if n < 0:
            raise ValueError("n must be at least 0")
        self.parent = list(range(n))
        self.sizes = [1] * n  # meaningful at roots only
        self.groups = n

    def _find(self, a):
        if not 0 <= a < len(self.parent):  # a negative index would silently wrap
            raise ValueError(f"element {a} is outside 0..{len(self.parent) - 1}")
        root = a
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[a] != root:  # compress: point the whole path at the root
            self.parent[a], a = root, self.parent[a]
        return root

    def union(self, a: int, b: int) -> bool:
        ra, rb = self._find(a), self._find(b)
        if ra == rb:
            return False
        if self.sizes[ra] < self.sizes[rb]:
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.sizes[ra] += self.sizes[rb]
        self.groups -= 1
        return True

    def connected(self, a: int, b: int) -> bool:
        return self._find(a) == self._find(b)

    def count(self) -> int:
        return self.groups

    def size(self, a: int) -> int:
        return self.sizes[self._find(a)]
