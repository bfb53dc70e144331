def topological_sort(n: int, edges: list[tuple[int, int]]) -> list[int]:
    raise NotImplementedError
