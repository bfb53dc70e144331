# problem: hash-map
# expect: verdict=too_slow complexity=bad
class HashMap:
    """Correct layout, but get and remove scan the whole table instead of probing."""

    def __init__(self):
        self.keys, self.vals = [None] * 8, [None] * 8
        self.n = self.dead = 0

    def _index(self, key):
        for i, k in enumerate(self.keys):  # O(capacity) on every lookup
            if k == key and k != "DELETED":
                return i
        return -1

    def put(self, key, value):
        i = self._index(key)
        if i >= 0:
            self.vals[i] = value
            return
        cap = len(self.keys)
        j, tomb = key % cap, -1
        while self.keys[j] is not None:
            if self.keys[j] == "DELETED" and tomb < 0:
                tomb = j
            j = (j + 1) % cap
        if tomb >= 0:
            j = tomb
            self.dead -= 1
        self.keys[j], self.vals[j] = key, value
        self.n += 1
        if (self.n + self.dead) * 3 > cap * 2:
            old = [(k, v) for k, v in zip(self.keys, self.vals) if k is not None and k != "DELETED"]
            cap = cap * 2 if self.n * 3 > cap else cap
            self.keys, self.vals, self.n, self.dead = [None] * cap, [None] * cap, 0, 0
            for k, v in old:
                self.put(k, v)

    def get(self, key):
        i = self._index(key)
        if i < 0:
            raise KeyError(key)
        return self.vals[i]

    def remove(self, key):
        i = self._index(key)
        if i < 0:
            raise KeyError(key)
        value = self.vals[i]
        self.keys[i], self.vals[i] = "DELETED", None
        self.n -= 1
        self.dead += 1
        return value

    def size(self):
        return self.n

    def slots(self):
        return list(self.keys)
