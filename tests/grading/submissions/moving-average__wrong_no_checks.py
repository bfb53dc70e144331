# problem: moving-average
# expect: verdict=wrong_answer
class MovingAverage:
    def __init__(self, window):
        self.window = window
        self.values = []

    def add(self, value):
        self.values.append(value)

    def average(self):
        recent = self.values[-self.window:] if self.values else [0.0]
        return sum(recent) / len(recent)
