class BloomFilter:
    def __init__(self, num_bits: int, num_hashes: int):
        raise NotImplementedError

    def add(self, item: str) -> None:
        raise NotImplementedError

    def might_contain(self, item: str) -> bool:
        raise NotImplementedError
