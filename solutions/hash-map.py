_EMPTY = None
_DELETED = "DELETED"


class HashMap:
    """Open addressing with linear probing; tombstones keep probe chains intact."""

    def __init__(self):
        self._keys = [_EMPTY] * 8
        self._values = [None] * 8
        self._size = 0
        self._tombstones = 0

    def _find(self, key):
        """(slot holding key or -1, first tombstone on the way or -1, empty slot or -1)."""
        cap = len(self._keys)
        i = key % cap
        tomb = -1
        for _ in range(cap):
            k = self._keys[i]
            if k is _EMPTY:
                return -1, tomb, i
            if k is _DELETED:
                if tomb < 0:
                    tomb = i
            elif k == key:
                return i, tomb, -1
            i = (i + 1) % cap
        return -1, tomb, -1

    def put(self, key, value):
        at, tomb, empty = self._find(key)
        if at >= 0:
            self._values[at] = value
            return
        if tomb >= 0:
            slot = tomb
            self._tombstones -= 1
        else:
            slot = empty
        self._keys[slot] = key
        self._values[slot] = value
        self._size += 1
        cap = len(self._keys)
        if (self._size + self._tombstones) * 3 > cap * 2:
            self._rebuild(cap * 2 if self._size * 3 > cap else cap)

    def _rebuild(self, capacity):
        old = [
            (k, v)
            for k, v in zip(self._keys, self._values, strict=True)
            if k is not _EMPTY and k is not _DELETED
        ]
        self._keys = [_EMPTY] * capacity
        self._values = [None] * capacity
        self._size = self._tombstones = 0
        for k, v in old:
            self.put(k, v)

    def get(self, key):
        at, _, _ = self._find(key)
        if at < 0:
            raise KeyError(key)
        return self._values[at]

    def remove(self, key):
        at, _, _ = self._find(key)
        if at < 0:
            raise KeyError(key)
        value = self._values[at]
        self._keys[at] = _DELETED
        self._values[at] = None
        self._size -= 1
        self._tombstones += 1
        return value

    def size(self):
        return self._size

    def slots(self):
        return list(self._keys)
