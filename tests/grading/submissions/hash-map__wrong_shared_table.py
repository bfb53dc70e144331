# problem: hash-map
# expect: verdict=wrong_answer
# The table starts as a class attribute, so every HashMap shares it until its first
# rebuild: a second map starts with the first one's entries.
DELETED = "DELETED"


class HashMap:
    capacity = 8
    table: list = [None] * 8  # None, DELETED or [key, value]
    count = 0
    tombstones = 0

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
        free = -1
        for _ in range(self.capacity):
            entry = self.table[i]
            if entry is None:
                break
            if entry == DELETED:
                if free < 0:
                    free = i
            elif entry[0] == key:
                entry[1] = value
                return
            i = (i + 1) % self.capacity
        if free >= 0:
            i = free
            self.tombstones -= 1
        self.table[i] = [key, value]
        self.count += 1
        if (self.count + self.tombstones) * 3 > self.capacity * 2:
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
