import hashlib


class BloomFilter:
    def __init__(self, num_bits: int, num_hashes: int):
        if num_bits < 1 or num_hashes < 1:
            raise ValueError("num_bits and num_hashes must be at least 1")
        self.m = num_bits
        self.k = num_hashes
        self.bits = bytearray((num_bits + 7) // 8)

    def _positions(self, item: str):
        # Double hashing: two 64-bit halves of one digest give k well-spread positions.
        digest = hashlib.blake2b(item.encode(), digest_size=16).digest()
        h1 = int.from_bytes(digest[:8], "little")
        h2 = int.from_bytes(digest[8:], "little") | 1
        return [(h1 + i * h2) % self.m for i in range(self.k)]

    def add(self, item: str) -> None:
        for p in self._positions(item):
            self.bits[p >> 3] |= 1 << (p & 7)

    def might_contain(self, item: str) -> bool:
        return all(self.bits[p >> 3] & (1 << (p & 7)) for p in self._positions(item))
