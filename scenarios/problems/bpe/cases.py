"""Trusted cases for bpe: the naive algorithm (recount every pair for every merge)."""

from collections import Counter
from itertools import pairwise

from mockint.grading.values import raises


def _case(cid, corpus, num_merges, text, note=""):
    return {"id": cid, "args": [corpus, num_merges, text], "note": note}


def visible():
    return [
        _case("example", "ab ab abc", 2, "abcab ca"),
        _case("overlap", "aaaa aaa", 3, "aaaaa"),
        _case("ties", "xy yx zz zz xy yx", 3, "xyzzyx"),
        _case("unseen-chars", "hello hell help", 4, "shell helper"),
        _case("negative", "a b", -1, "a"),
    ]


def hidden():
    words = ["the", "then", "there", "these", "theme", "thesis", "other", "brother"]
    corpus = " ".join(w for i, w in enumerate(words) for _ in range(i % 3 + 1))
    return [
        _case("common-prefix", corpus, 12, "the other brother's theme", note="shared prefixes"),
        _case("stop-early", "ab  c\tab\n", 10, "abc", note="fewer possible merges than asked"),
        _case("empty", "", 5, "", note="empty corpus and text"),
        _case("unicode", "über übel ubel über", 3, "übel über", note="non-ASCII letters"),
        _case("case-order", "Ba ab Ba ab", 1, "Baab", note="upper case sorts first"),
    ]


def generate(rng):
    letters = list("abcdeAB")
    words = ["".join(rng.choice(letters, size=int(rng.integers(1, 7)))) for _ in range(30)]
    corpus = " ".join(rng.choice(words, size=int(rng.integers(20, 120))))
    text = " ".join(rng.choice(words + ["zebra"], size=10))
    merges = int(rng.integers(0, 40))
    return _case(None, corpus, merges, text, note=f"{len(corpus.split())} words, {merges} merges")


def _apply(symbols, pair):
    out, i = [], 0
    while i < len(symbols):
        if i + 1 < len(symbols) and (symbols[i], symbols[i + 1]) == pair:
            out.append(symbols[i] + symbols[i + 1])
            i += 2
        else:
            out.append(symbols[i])
            i += 1
    return out


def expected(case):
    corpus, num_merges, text = case["args"]
    if num_merges < 0:
        return raises("ValueError")
    words = [list(w) for w in corpus.split()]
    merges = []
    for _ in range(num_merges):
        counts = Counter(p for w in words for p in pairwise(w))
        if not counts:
            break
        best = min(counts, key=lambda p: (-counts[p], p))
        merges.append(best)
        words = [_apply(w, best) for w in words]
    tokens = []
    for word in text.split():
        symbols = list(word)
        for pair in merges:
            symbols = _apply(symbols, pair)
        tokens += symbols
    return (merges, tokens)


def sized(n, rng):
    letters = list("abcdefghij")
    words = ["".join(rng.choice(letters, size=int(rng.integers(3, 9)))) for _ in range(n)]
    return {"args": [" ".join(words), n // 4, " ".join(words[:50])]}


def examples():
    """The statement's worked examples, as FORMAT.md describes."""
    return [
        dict(
            _case("example", "ab ab abc", 2, "abcab ca"),
            shows=[
                '`bpe("ab ab abc", 2, "abcab ca")` learns `("a", "b")`',
                'then `("ab", "c")`',
                'encodes the text as `["abc", "ab", "c", "a"]`',
            ],
            want=([("a", "b"), ("ab", "c")], ["abc", "ab", "c", "a"]),
        )
    ]
