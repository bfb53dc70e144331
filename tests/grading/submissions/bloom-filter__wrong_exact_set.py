# problem: bloom-filter
# expect: verdict=wrong_answer
class BloomFilter:
    # Exact membership: never a false positive, so not a Bloom filter with m bits.
    def __init__(self, num_bits, num_hashes):
        if num_bits < 1 or num_hashes < 1:
            raise ValueError("bad sizes")
        self.items = set()

    def add(self, item):
        self.items.add(item)

    def might_contain(self, item):
        return item in self.items
