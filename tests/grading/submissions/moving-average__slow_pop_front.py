# problem: moving-average
# expect: verdict=too_slow complexity=bad
# A list as the window: pop(0) moves every value after the first, O(window) per add (a fast
# memmove, which hides it while the window is small).

class MovingAverage:
    def __init__(self, window: int):
        if window < 1:
            raise ValueError("window must be at least 1")
        self.window = window
        self.values = []
        self.total = 0.0

    def add(self, value: float) -> None:
        self.values.append(value)
        self.total += value
        if len(self.values) > self.window:
            self.total -= self.values.pop(0)

    def average(self) -> float:
        if not self.values:
            raise ValueError("no values yet")
        return self.total / len(self.values)
