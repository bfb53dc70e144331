class UnionFind:
    def __init__(self, n: int):
        raise NotImplementedError

    def union(self, a: int, b: int) -> bool:
        raise NotImplementedError

    def connected(self, a: int, b: int) -> bool:
        raise NotImplementedError

    def count(self) -> int:
        raise NotImplementedError

    def size(self, a: int) -> int:
        raise NotImplementedError
