# problem: union-find
# expect: verdict=wrong_answer
class UnionFind:
    def __init__(self, n):
        if n < 0:
            raise ValueError("n < 0")
        self.parent = list(range(n))
        self.rank = [0] * n
        self.sz = [1] * n
        self.groups = n

    def find(self, a):
        if not 0 <= a < len(self.parent):
            raise ValueError("out of range")
        while self.parent[a] != a:
            self.parent[a] = self.parent[self.parent[a]]  # path halving
            a = self.parent[a]
        return a

    def union(self, a, b):
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        if self.rank[ra] < self.rank[rb]:
            ra, rb = rb, ra
        self.parent[rb] = ra
        if self.rank[ra] == self.rank[rb]:
            self.rank[ra] += 1
        self.sz[ra] += self.sz[rb]
        self.groups -= 1
        return True

    def connected(self, a, b):
        return self.find(a) == self.find(b)

    def count(self):
        return self.groups

    def size(self, a):
        # The size is only kept up to date at the root, but this reads a's own entry.
        self.find(a)
        return self.sz[a]
