# problem: lru-cache
# expect: verdict=wrong_answer
# The entries live in a class attribute, so every LRUCache shares one OrderedDict: a second
# cache sees (and evicts) the first one's keys.
from collections import OrderedDict


class LRUCache:
    entries: OrderedDict = OrderedDict()

    def __init__(self, capacity):
        if capacity < 1:
            raise ValueError("capacity must be at least 1")
        self.capacity = capacity

    def get(self, key):
        if key not in self.entries:
            return -1
        self.entries.move_to_end(key)
        return self.entries[key]

    def put(self, key, value):
        self.entries[key] = value
        self.entries.move_to_end(key)
        if len(self.entries) > self.capacity:
            self.entries.popitem(last=False)
