# problem: hash-map
# expect: verdict=wrong_answer
# put takes the first free slot, tombstone or empty, without looking further for the key:
# a key already stored past a tombstone gets a second copy.
DELETED = "DELETED"


class HashMap:
    def __init__(self):
        self.capacity = 8
        self.table = [None] * self.capacity  # None, DELETED or [key, value]
        self.count = 0
        self.tombstones = 0

    def _slot_of(self, key):
        i = key % self.capacity
        for _ in range(self.capacity):
            entry = self.table[i]
            if entry is None:
                return -1
            if entry != DELETED and entry[0] == key:
                return i
            i = (i + 1) % self.capacity
        return -1

    def put(self, key, value):
        i = key % self.capacity
        while True:
            entry = self.table[i]
            if entry is None or entry == DELETED:
                if entry == DELETED:
                    self.tombstones -= 1
                self.table[i] = [key, value]
                self.count += 1
                break
            if entry[0] == key:
                entry[1] = value
                return
            i = (i + 1) % self.capacity
        if (self.count + self.tombstones) * 3 > self.capacity * 2:
            self._rebuild()

    def _rebuild(self):
        live = [e for e in self.table if e is not None and e != DELETED]
        if self.count * 3 > self.capacity:
            self.capacity *= 2
        self.table = [None] * self.capacity
        self.count = self.tombstones = 0
        for key, value in live:
            self.put(key, value)

    def get(self, key):
        i = self._slot_of(key)
        if i < 0:
            raise KeyError(key)
        return self.table[i][1]

    def remove(self, key):
        i = self._slot_of(key)
        if i < 0:
            raise KeyError(key)
        value = self.table[i][1]
        self.table[i] = DELETED
        self.count -= 1
        self.tombstones += 1
        return value

    def size(self):
        return self.count

    def slots(self):
        return [e if e is None or e == DELETED else e[0] for e in self.table]
