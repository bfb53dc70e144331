from collections import deque


class MovingAverage:
    def __init__(self, window: int):
        if window < 1:
            raise ValueError("window must be at least 1")
        self.window = window
        self.values = deque()
        self.total = 0.0

    def add(self, value: float) -> None:
        self.values.append(value)
        self.total += value
        if len(self.values) > self.window:
            self.total -= self.values.popleft()

    def average(self) -> float:
        if not self.values:
            raise ValueError("no values yet")
        return self.total / len(self.values)
