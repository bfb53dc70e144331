# problem: moving-average
# expect: verdict=too_slow complexity=bad
class MovingAverage:
    def __init__(self, window):
        if window < 1:
            raise ValueError("window")
        self.window = window
        self.values = []

    def add(self, value):
        self.values.append(value)

    def average(self):
        if not self.values:
            raise ValueError("empty")
        total, count = 0.0, 0
        for v in self.values[-self.window:]:  # O(window) per call
            total += v
            count += 1
        return total / count
