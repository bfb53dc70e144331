class TokenBucket:
    """Refilled lazily at each call; tokens counted in thousandths so every step is exact
    integer arithmetic (an elapsed millisecond adds exactly `rate` thousandths)."""

    def __init__(self, capacity: int, rate: int):
        if capacity < 1 or rate < 1:
            raise ValueError("capacity and rate must be at least 1")
        self.full = capacity * 1000
        self.rate = rate
        self.milli = self.full
        self.last = None

    def _refill(self, now_ms):
        if self.last is not None:
            if now_ms < self.last:
                raise ValueError(f"time went backwards: {now_ms} < {self.last}")
            self.milli = min(self.full, self.milli + (now_ms - self.last) * self.rate)
        self.last = now_ms

    def allow(self, now_ms: int, cost: int = 1) -> bool:
        if cost < 1:
            raise ValueError("cost must be at least 1")
        self._refill(now_ms)
        if self.milli >= cost * 1000:
            self.milli -= cost * 1000
            return True
        return False

    def available(self, now_ms: int) -> int:
        self._refill(now_ms)
        return self.milli // 1000
