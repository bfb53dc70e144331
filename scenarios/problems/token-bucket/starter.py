class TokenBucket:
    def __init__(self, capacity: int, rate: int):
        raise NotImplementedError

    def allow(self, now_ms: int, cost: int = 1) -> bool:
        raise NotImplementedError

    def available(self, now_ms: int) -> int:
        raise NotImplementedError
