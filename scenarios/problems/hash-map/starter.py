class HashMap:
    def __init__(self):
        raise NotImplementedError

    def put(self, key: int, value) -> None:
        raise NotImplementedError

    def get(self, key: int):
        raise NotImplementedError

    def remove(self, key: int):
        raise NotImplementedError

    def size(self) -> int:
        raise NotImplementedError

    def slots(self) -> list:
        raise NotImplementedError
