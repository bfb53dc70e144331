def cheapest_routes(
    n: int, edges: list[tuple[int, int, int]], source: int
) -> tuple[list[int], list[int]]:
    raise NotImplementedError
