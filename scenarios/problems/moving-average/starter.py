class MovingAverage:
    def __init__(self, window: int):
        raise NotImplementedError

    def add(self, value: float) -> None:
        raise NotImplementedError

    def average(self) -> float:
        raise NotImplementedError
