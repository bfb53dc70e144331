# problem: union-find
# expect: verdict=too_slow complexity=bad
class UnionFind:
    """Right answers, but find never shortens a path and union always hangs a's root under
    b's: groups grow into long chains and find becomes O(n)."""

    def __init__(self, n):
        if n < 0:
            raise ValueError("n < 0")
        self.parent = list(range(n))
        self.sz = [1] * n
        self.groups = n

    def find(self, a):
        if not 0 <= a < len(self.parent):
            raise ValueError("out of range")
        while self.parent[a] != a:
            a = self.parent[a]
        return a

    def union(self, a, b):
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        self.parent[ra] = rb
        self.sz[rb] += self.sz[ra]
        self.groups -= 1
        return True

    def connected(self, a, b):
        return self.find(a) == self.find(b)

    def count(self):
        return self.groups

    def size(self, a):
        return self.sz[self.find(a)]
