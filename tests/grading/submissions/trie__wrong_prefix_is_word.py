# problem: trie
# expect: verdict=wrong_answer
class Trie:
    """Counts right, but search only checks that the path exists: with "apple" stored,
    search("app") says True. There is no end-of-word mark at all."""

    def __init__(self):
        self.root = {"#": 0}
        self.words = 0

    def _walk(self, s):
        node = self.root
        for ch in s:
            node = node.get(ch)
            if node is None:
                return None
        return node

    def insert(self, word):
        if self._walk(word) is not None and self._is_stored(word):
            return
        node = self.root
        node["#"] += 1
        for ch in word:
            node = node.setdefault(ch, {"#": 0})
            node["#"] += 1
        node["$"] = True

    def _is_stored(self, word):
        return self._walk(word).get("$", False)

    def search(self, word):
        return self._walk(word) is not None

    def starts_with(self, prefix):
        node = self._walk(prefix)
        return node is not None and node["#"] > 0

    def count_prefix(self, prefix):
        node = self._walk(prefix)
        return 0 if node is None else node["#"]

    def delete(self, word):
        if self._walk(word) is None or not self._is_stored(word):
            return False
        node = self.root
        node["#"] -= 1
        for ch in word:
            child = node[ch]
            child["#"] -= 1
            if child["#"] == 0:
                del node[ch]
                return True
            node = child
        node["$"] = False
        return True
