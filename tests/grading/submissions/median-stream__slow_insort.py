# problem: median-stream
# expect: verdict=too_slow complexity=bad
import bisect


class MedianFinder:
    """A sorted list kept with insort: O(log n) to find the place, but O(n) to move the
    values after it, so each add is O(n) (a fast memmove, which hides it at small n)."""

    def __init__(self):
        self.values = []

    def add(self, value):
        bisect.insort(self.values, value)

    def median(self):
        if not self.values:
            raise ValueError("empty")
        n = len(self.values)
        mid = n // 2
        return float(self.values[mid]) if n % 2 else (self.values[mid - 1] + self.values[mid]) / 2
