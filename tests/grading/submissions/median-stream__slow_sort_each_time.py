# problem: median-stream
# expect: verdict=too_slow complexity=bad
class MedianFinder:
    """Sorts every value again on each median: O(n log n) per call."""

    def __init__(self):
        self.values = []

    def add(self, value):
        self.values.append(value)

    def median(self):
        if not self.values:
            raise ValueError("empty")
        s = sorted(self.values)
        mid = len(s) // 2
        return float(s[mid]) if len(s) % 2 else (s[mid - 1] + s[mid]) / 2
