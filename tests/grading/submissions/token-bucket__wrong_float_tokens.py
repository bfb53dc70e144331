# problem: token-bucket
# expect: verdict=wrong_answer
class TokenBucket:
    """Keeps the tokens as a float: a thousand refills of 0.003 add up to a little less
    than 3, so a request that is exactly on time is refused."""

    def __init__(self, capacity, rate):
        if capacity < 1 or rate < 1:
            raise ValueError("capacity and rate must be positive")
        self.capacity, self.rate = capacity, rate
        self.tokens = float(capacity)
        self.last = None

    def _refill(self, now_ms):
        if self.last is not None:
            if now_ms < self.last:
                raise ValueError("time went backwards")
            elapsed = now_ms - self.last
            self.tokens = min(self.capacity, self.tokens + elapsed * self.rate / 1000)
        self.last = now_ms

    def allow(self, now_ms, cost=1):
        if cost < 1:
            raise ValueError("cost must be positive")
        self._refill(now_ms)
        if self.tokens >= cost:
            self.tokens -= cost
            return True
        return False

    def available(self, now_ms):
        self._refill(now_ms)
        return int(self.tokens)
