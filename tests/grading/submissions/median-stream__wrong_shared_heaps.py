# problem: median-stream
# expect: verdict=wrong_answer
# The two heaps are class attributes, so every MedianFinder shares them: a second finder
# starts with the first one's values.
import heapq


class MedianFinder:
    low: list = []  # max-heap of the smaller half (negated)
    high: list = []  # min-heap of the larger half

    def add(self, value):
        heapq.heappush(self.low, -value)
        heapq.heappush(self.high, -heapq.heappop(self.low))
        if len(self.high) > len(self.low):
            heapq.heappush(self.low, -heapq.heappop(self.high))

    def median(self):
        if not self.low:
            raise ValueError("no values yet")
        if len(self.low) > len(self.high):
            return float(-self.low[0])
        return (-self.low[0] + self.high[0]) / 2
