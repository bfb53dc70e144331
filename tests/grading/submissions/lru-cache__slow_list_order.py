# problem: lru-cache
# expect: verdict=too_slow complexity=bad
class LRUCache:
    """Right answers, but list.remove and pop(0) make every operation O(capacity)."""

    def __init__(self, capacity):
        if capacity < 1:
            raise ValueError("capacity")
        self.capacity, self.order, self.values = capacity, [], {}

    def _touch(self, key):
        if key in self.values:
            self.order.remove(key)
        self.order.append(key)

    def get(self, key):
        if key not in self.values:
            return -1
        self._touch(key)
        return self.values[key]

    def put(self, key, value):
        self._touch(key)
        self.values[key] = value
        if len(self.order) > self.capacity:
            del self.values[self.order.pop(0)]
