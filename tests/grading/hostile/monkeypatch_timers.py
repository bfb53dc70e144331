# problem: moving-average
# expect: verdict=too_slow complexity=bad
import time

time.perf_counter = lambda: 0.0
time.monotonic = lambda: 0.0
time.time = lambda: 0.0
time.process_time = lambda: 0.0


class MovingAverage:
    def __init__(self, window):
        if window < 1:
            raise ValueError('window')
        self.window = window
        self.values = []

    def add(self, value):
        self.values.append(value)

    def average(self):
        if not self.values:
            raise ValueError('empty')
        recent = self.values[-self.window:]
        total = 0.0
        for v in recent:
            total += v
        return total / len(recent)
