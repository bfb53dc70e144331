def edit_distance(a: str, b: str) -> int:
    raise NotImplementedError
