# problem: beam-search
# expect: verdict=time_limit
import itertools


def beam_search(log_probs, bos, eos, beam_width, max_len):
    # Beam search done the wrong way round: score every sequence the beam could reach by
    # enumerating all of them, then replay the beam's choices. Exponential in max_len.
    if beam_width < 1 or max_len < 1:
        raise ValueError("bad arguments")
    v = log_probs.shape[1]
    every = {}
    for length in range(1, max_len + 1):
        for seq in itertools.product(range(v), repeat=length):
            toks = [bos, *seq]
            every[tuple(toks)] = sum(float(log_probs[a, b]) for a, b in zip(toks, toks[1:]))
    live, finished = [(0.0, [bos])], []
    for _ in range(max_len):
        if not live:
            break
        cands = [(every[tuple(t + [b])], t + [b]) for _, t in live for b in range(v)]
        cands.sort(key=lambda c: (-c[0], c[1]))
        live = []
        for score, toks in cands[:beam_width]:
            (finished if toks[-1] == eos else live).append((score, toks))
    best = sorted(finished + live, key=lambda c: (-c[0], c[1]))[:beam_width]
    return [(toks, score) for score, toks in best]
