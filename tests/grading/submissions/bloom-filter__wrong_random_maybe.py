# problem: bloom-filter
# expect: verdict=wrong_answer
# Keeps the exact items and answers "maybe" at random, at the rate the statement gives:
# right on average, but a real filter answers the same query the same way every time.
import math
import random


class BloomFilter:
    def __init__(self, num_bits, num_hashes):
        if num_bits < 1 or num_hashes < 1:
            raise ValueError("num_bits and num_hashes must be positive")
        self.m, self.k = num_bits, num_hashes
        self.items = set()

    def add(self, item):
        self.items.add(item)

    def might_contain(self, item):
        if item in self.items:
            return True
        rate = (1 - math.exp(-self.k * len(self.items) / self.m)) ** self.k
        return random.random() < rate
