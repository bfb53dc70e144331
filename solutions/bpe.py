import heapq
from collections import Counter, defaultdict
from itertools import pairwise


def _merge(symbols: list[str], pair: tuple[str, str]) -> list[str]:
    """Replace each occurrence of `pair`, left to right and without overlaps."""
    out, i = [], 0
    while i < len(symbols):
        if i + 1 < len(symbols) and symbols[i] == pair[0] and symbols[i + 1] == pair[1]:
            out.append(pair[0] + pair[1])
            i += 2
        else:
            out.append(symbols[i])
            i += 1
    return out


def _learn(corpus: str, num_merges: int) -> list[tuple[str, str]]:
    freq = Counter(corpus.split())
    words = [list(w) for w in freq]
    counts = list(freq.values())
    pair_count: Counter = Counter()
    where: defaultdict = defaultdict(set)  # pair -> indices of the words holding it
    for i, w in enumerate(words):
        for pair in pairwise(w):
            pair_count[pair] += counts[i]
            where[pair].add(i)
    # (-count, pair): the most frequent pair first, the smallest pair on a tie. Entries go
    # stale when a count changes; a fresh one is pushed and stale ones are skipped.
    heap = [(-c, p) for p, c in pair_count.items()]
    heapq.heapify(heap)
    merges: list[tuple[str, str]] = []
    while len(merges) < num_merges and heap:
        neg, pair = heapq.heappop(heap)
        if pair_count.get(pair, 0) != -neg or neg == 0:
            continue
        merges.append(pair)
        changed = set()
        for i in list(where[pair]):
            old = words[i]
            for p in pairwise(old):
                pair_count[p] -= counts[i]
                where[p].discard(i)
                changed.add(p)
            new = words[i] = _merge(old, pair)
            for p in pairwise(new):
                pair_count[p] += counts[i]
                where[p].add(i)
                changed.add(p)
        for p in changed:
            if pair_count[p] > 0:
                heapq.heappush(heap, (-pair_count[p], p))
    return merges


def _encode(
    word: str, merges: list[tuple[str, str]], rank: dict[tuple[str, str], int]
) -> list[str]:
    """Apply the merges in learned order: the next one is the lowest rank above the last
    applied among the pairs present (merges in between would change nothing)."""
    symbols, last = list(word), -1
    while len(symbols) > 1:
        ranks = [rank.get(p, -1) for p in pairwise(symbols)]
        later = [r for r in ranks if r > last]
        if not later:
            break
        last = min(later)
        symbols = _merge(symbols, merges[last])
    return symbols


def bpe(corpus: str, num_merges: int, text: str) -> tuple[list[tuple[str, str]], list[str]]:
    if num_merges < 0:
        raise ValueError("num_merges must be >= 0")
    merges = _learn(corpus, num_merges)
    rank = {pair: r for r, pair in enumerate(merges)}
    cache: dict[str, list[str]] = {}
    tokens: list[str] = []
    for word in text.split():
        if word not in cache:
            cache[word] = _encode(word, merges, rank)
        tokens += cache[word]
    return merges, tokens
