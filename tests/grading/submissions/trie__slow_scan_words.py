# problem: trie
# expect: verdict=too_slow complexity=bad
class Trie:
    """Right answers from a set of words, but the prefix queries scan every stored word:
    O(n L) per query instead of O(L)."""

    def __init__(self):
        self.words = set()

    def insert(self, word):
        self.words.add(word)

    def search(self, word):
        return word in self.words

    def starts_with(self, prefix):
        return any(w.startswith(prefix) for w in self.words)

    def count_prefix(self, prefix):
        return sum(1 for w in self.words if w.startswith(prefix))

    def delete(self, word):
        if word in self.words:
            self.words.remove(word)
            return True
        return False
