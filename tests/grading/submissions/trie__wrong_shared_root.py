# problem: trie
# expect: verdict=wrong_answer
# The root node is a class attribute, so every Trie shares one tree: a second trie starts
# with the first one's words.
class Trie:
    root: dict = {"#": 0, "$": False}

    def _walk(self, s):
        node = self.root
        for ch in s:
            node = node.get(ch)
            if node is None:
                return None
        return node

    def insert(self, word):
        if self.search(word):
            return
        node = self.root
        node["#"] += 1
        for ch in word:
            node = node.setdefault(ch, {"#": 0, "$": False})
            node["#"] += 1
        node["$"] = True

    def search(self, word):
        node = self._walk(word)
        return node is not None and node["$"]

    def starts_with(self, prefix):
        return self.count_prefix(prefix) > 0

    def count_prefix(self, prefix):
        node = self._walk(prefix)
        return 0 if node is None else node["#"]

    def delete(self, word):
        if not self.search(word):
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
