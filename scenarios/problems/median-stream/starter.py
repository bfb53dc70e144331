class MedianFinder:
    def __init__(self):
        raise NotImplementedError

    def add(self, value: float) -> None:
        raise NotImplementedError

    def median(self) -> float:
        raise NotImplementedError
