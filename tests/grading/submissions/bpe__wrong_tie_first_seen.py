# problem: bpe
# expect: verdict=wrong_answer
from collections import Counter


def bpe(corpus, num_merges, text):
    """Breaks ties by the pair seen first in the corpus (Counter.most_common keeps insertion
    order among equal counts), not by the smallest pair."""
    if num_merges < 0:
        raise ValueError("num_merges must not be negative")
    vocab = Counter(" ".join(w) for w in corpus.split())  # words as space-joined symbols
    merges = []
    while len(merges) < num_merges:
        pairs = Counter()
        for word, n in vocab.items():
            symbols = word.split(" ")
            for a, b in zip(symbols, symbols[1:]):
                pairs[a, b] += n
        if not pairs:
            break
        (a, b), _ = pairs.most_common(1)[0]
        merges.append((a, b))
        new_vocab = Counter()
        for word, n in vocab.items():
            symbols, out = word.split(" "), []
            for s in symbols:
                if out and out[-1] == a and s == b:
                    out[-1] = a + b
                else:
                    out.append(s)
            new_vocab[" ".join(out)] += n
        vocab = new_vocab
    tokens = []
    for word in text.split():
        symbols = list(word)
        for a, b in merges:
            out = []
            for s in symbols:
                if out and out[-1] == a and s == b:
                    out[-1] = a + b
                else:
                    out.append(s)
            symbols = out
        tokens.extend(symbols)
    return merges, tokens
