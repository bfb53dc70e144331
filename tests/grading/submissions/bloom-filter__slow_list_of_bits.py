# problem: bloom-filter
# expect: verdict=too_slow complexity=bad
import hashlib


class BloomFilter:
    def __init__(self, num_bits, num_hashes):
        if num_bits < 1 or num_hashes < 1:
            raise ValueError("bad sizes")
        self.m, self.k = num_bits, num_hashes
        self.set_positions = []  # a list searched linearly: O(number of set bits) per lookup

    def _positions(self, item):
        d = hashlib.sha256(item.encode()).digest()
        h1, h2 = int.from_bytes(d[:8], "big"), int.from_bytes(d[8:16], "big") | 1
        return [(h1 + i * h2) % self.m for i in range(self.k)]

    def add(self, item):
        for p in self._positions(item):
            if p not in self.set_positions:
                self.set_positions.append(p)

    def might_contain(self, item):
        return all(p in self.set_positions for p in self._positions(item))
