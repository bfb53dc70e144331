# problem: bpe
# expect: verdict=too_slow complexity=bad
import re
from collections import Counter


def _merge(word, a, b):
    # Words are symbols joined by spaces; the lookarounds keep matches on symbol boundaries.
    pattern = r"(?<!\S)" + re.escape(a + " " + b) + r"(?!\S)"
    return re.sub(pattern, lambda _: a + b, word)


def bpe(corpus, num_merges, text):
    """Right answers, but every merge recounts every pair of every distinct word."""
    if num_merges < 0:
        raise ValueError("num_merges must not be negative")
    vocab = Counter(" ".join(w) for w in corpus.split())
    merges = []
    for _ in range(num_merges):
        pairs = Counter()
        for word, n in vocab.items():
            symbols = word.split(" ")
            for i in range(len(symbols) - 1):
                pairs[symbols[i], symbols[i + 1]] += n
        if not pairs:
            break
        best = sorted(pairs.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        merges.append(best)
        vocab = Counter({_merge(w, *best): n for w, n in vocab.items()})
    tokens = []
    for word in text.split():
        joined = " ".join(word)
        for a, b in merges:
            joined = _merge(joined, a, b)
        tokens += joined.split(" ")
    return merges, tokens
