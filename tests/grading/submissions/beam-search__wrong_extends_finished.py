# problem: beam-search
# expect: verdict=wrong_answer
import heapq


def beam_search(log_probs, bos, eos, beam_width, max_len):
    if beam_width < 1 or max_len < 1:
        raise ValueError("bad arguments")
    beam = [(0.0, [bos])]
    for _ in range(max_len):
        cands = []
        for score, toks in beam:  # bug: finished hypotheses keep growing past eos
            for b in range(log_probs.shape[1]):
                cands.append((score + float(log_probs[toks[-1], b]), toks + [b]))
        beam = heapq.nsmallest(beam_width, cands, key=lambda c: (-c[0], c[1]))
    return [(toks, score) for score, toks in beam]
