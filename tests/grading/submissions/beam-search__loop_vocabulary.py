# problem: beam-search
# expect: verdict=not_vectorized vectorized=bad
def beam_search(log_probs, bos, eos, beam_width, max_len):
    if beam_width < 1 or max_len < 1:
        raise ValueError("bad arguments")
    live, finished = [(0.0, [bos])], []
    for _ in range(max_len):
        if not live:
            break
        cands = []
        for score, toks in live:
            row = log_probs[toks[-1]]
            for b in range(len(row)):  # one Python iteration per vocabulary token
                cands.append((score + float(row[b]), toks + [b]))
        cands.sort(key=lambda c: (-c[0], c[1]))
        live = []
        for score, toks in cands[:beam_width]:
            (finished if toks[-1] == eos else live).append((score, toks))
    best = sorted(finished + live, key=lambda c: (-c[0], c[1]))[:beam_width]
    return [(toks, score) for score, toks in best]
