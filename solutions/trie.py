class _Node:
    __slots__ = ("children", "end", "passing")

    def __init__(self):
        self.children = {}
        self.end = False  # a stored word ends here
        self.passing = 0  # stored words with this node's prefix (its own word included)


class Trie:
    def __init__(self):
        self.root = _Node()

    def _find(self, prefix):
        node = self.root
        for ch in prefix:
            node = node.children.get(ch)
            if node is None:
                return None
        return node

    def insert(self, word: str) -> None:
        if self.search(word):
            return  # a set: counts change only for a new word
        node = self.root
        node.passing += 1
        for ch in word:
            node = node.children.setdefault(ch, _Node())
            node.passing += 1
        node.end = True

    def search(self, word: str) -> bool:
        node = self._find(word)
        return node is not None and node.end

    def starts_with(self, prefix: str) -> bool:
        node = self._find(prefix)
        return node is not None and node.passing > 0

    def count_prefix(self, prefix: str) -> int:
        node = self._find(prefix)
        return 0 if node is None else node.passing

    def delete(self, word: str) -> bool:
        if not self.search(word):
            return False
        node = self.root
        node.passing -= 1
        for ch in word:
            child = node.children[ch]
            child.passing -= 1
            if child.passing == 0:  # no stored word below: drop the whole branch
                del node.children[ch]
                return True
            node = child
        node.end = False
        return True
