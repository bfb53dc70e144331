# problem: moving-average
# expect: verdict=wrong_answer
# The window lives in a class attribute, so every MovingAverage shares one deque: a second
# object starts with the first one's values.
from collections import deque


class MovingAverage:
    values: deque = deque()
    total = 0.0

    def __init__(self, window):
        if window < 1:
            raise ValueError("window must be at least 1")
        self.window = window

    def add(self, value):
        self.values.append(value)
        self.total += value
        if len(self.values) > self.window:
            self.total -= self.values.popleft()

    def average(self):
        if not self.values:
            raise ValueError("no values yet")
        return self.total / len(self.values)
