# problem: moving-average
# expect: verdict=too_slow complexity=bad
# Timing comes from the CPU clock the session's init reads, never from what the submission
# writes: fake timing lines on the frame pipe (one malformed, which once crashed the grade
# command) change nothing, and the slow average is still found slow.
import os


class MovingAverage:
    def __init__(self, window):
        if window < 1:
            raise ValueError('window')
        self.window = window
        self.values = []
        for line in (b'T 0 0.0001\n', b'T 1 0.0002\n', b'T 2 0.0003\n', b'T 3 nan\n',
                     b'T 99 1e9\n', b'T x y z\n', b'T 4\n'):
            try:
                os.write(3, line)
            except OSError:
                pass

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
