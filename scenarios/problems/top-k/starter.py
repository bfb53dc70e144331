def top_k(scores: list[float], k: int) -> list[float]:
    raise NotImplementedError
