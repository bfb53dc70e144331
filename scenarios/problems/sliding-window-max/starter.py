def window_argmax(values: list[float], k: int) -> list[int]:
    raise NotImplementedError
