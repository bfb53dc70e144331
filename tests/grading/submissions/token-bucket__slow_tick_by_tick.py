# problem: token-bucket
# expect: verdict=time_limit
class TokenBucket:
    """Exact, but refills by simulating every millisecond since the last call: O(elapsed)
    per call instead of O(1). It stops early once the bucket is full."""

    def __init__(self, capacity, rate):
        if capacity < 1 or rate < 1:
            raise ValueError("capacity and rate must be positive")
        self.full, self.rate = capacity * 1000, rate
        self.milli = self.full
        self.last = None

    def _refill(self, now_ms):
        if self.last is not None:
            if now_ms < self.last:
                raise ValueError("time went backwards")
            t = self.last
            while t < now_ms and self.milli < self.full:
                self.milli = min(self.full, self.milli + self.rate)
                t += 1
        self.last = now_ms

    def allow(self, now_ms, cost=1):
        if cost < 1:
            raise ValueError("cost must be positive")
        self._refill(now_ms)
        if self.milli >= cost * 1000:
            self.milli -= cost * 1000
            return True
        return False

    def available(self, now_ms):
        self._refill(now_ms)
        return self.milli // 1000
