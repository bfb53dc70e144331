# problem: median-stream
# expect: verdict=wrong_answer
import heapq


class MedianFinder:
    """Returns the lower middle value for even counts instead of the mean of the two."""

    def __init__(self):
        self.low, self.high = [], []

    def add(self, value):
        heapq.heappush(self.low, -value)
        heapq.heappush(self.high, -heapq.heappop(self.low))
        if len(self.high) > len(self.low):
            heapq.heappush(self.low, -heapq.heappop(self.high))

    def median(self):
        if not self.low:
            raise ValueError("empty")
        return float(-self.low[0])
