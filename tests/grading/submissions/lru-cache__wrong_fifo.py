# problem: lru-cache
# expect: verdict=wrong_answer
class LRUCache:
    """Evicts the oldest insertion: get never refreshes recency (FIFO, not LRU)."""

    def __init__(self, capacity):
        if capacity < 1:
            raise ValueError("capacity")
        self.capacity, self.data = capacity, {}

    def get(self, key):
        return self.data.get(key, -1)

    def put(self, key, value):
        self.data[key] = value
        if len(self.data) > self.capacity:
            del self.data[next(iter(self.data))]
