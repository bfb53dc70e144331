# problem: moving-average
# expect: verdict=wrong_answer
class Yes(int):
    def __eq__(self, other):
        return True


class MovingAverage:
    def __init__(self, window):
        if window < 1:
            raise ValueError('window')

    def add(self, value):
        self.last = value

    def average(self):
        if not hasattr(self, 'last'):
            raise ValueError('empty')
        return Yes(0)
