import numpy as np


def beam_search(
    log_probs: np.ndarray, bos: int, eos: int, beam_width: int, max_len: int
) -> list[tuple[list[int], float]]:
    if beam_width < 1 or max_len < 1:
        raise ValueError("beam_width and max_len must be at least 1")
    vocab = log_probs.shape[1]
    live = [(0.0, [bos])]
    finished = []
    for _ in range(max_len):
        if not live:
            break
        scores = np.concatenate([s + log_probs[toks[-1]] for s, toks in live])
        # Only the best `beam_width` of len(live) * V candidates can survive: select them in
        # O(n) with argpartition, then sort that handful exactly (ties by the token list).
        k = min(beam_width, scores.size)
        top = np.argpartition(-scores, k - 1)[:k] if k < scores.size else np.arange(scores.size)
        # Candidates tied with the k-th score may sit outside `top`; include them all.
        cut = scores[top].min()
        pick = np.flatnonzero(scores >= cut)
        cands = [(float(scores[i]), live[i // vocab][1] + [int(i % vocab)]) for i in pick]
        cands.sort(key=lambda c: (-c[0], c[1]))
        live = []
        for score, toks in cands[:beam_width]:
            (finished if toks[-1] == eos else live).append((score, toks))
    best = sorted(finished + live, key=lambda c: (-c[0], c[1]))[:beam_width]
    return [(toks, score) for score, toks in best]
