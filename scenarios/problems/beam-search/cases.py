"""Trusted cases for beam-search: expected hypotheses from a plain Python beam search in
float64 (the same additions, in the same order, as any natural implementation)."""

import numpy as np

from mockint.grading.values import ndarray, raises


def _lm(rng, v, peaked=1.0):
    """A random bigram model: each row a distribution over the next token, as logs."""
    logits = rng.normal(0, peaked, size=(v, v))
    logits -= logits.max(axis=1, keepdims=True)
    p = np.exp(logits)
    return np.log(p / p.sum(axis=1, keepdims=True))


def _case(cid, log_probs, bos, eos, width, max_len, note=""):
    lp = ndarray(np.asarray(log_probs, dtype=np.float64))
    return {
        "id": cid,
        "args": [lp, bos, eos, width, max_len],
        "check_args": [0],
        "note": note,
    }


def visible():
    example = np.log([[0.1, 0.6, 0.3], [0.2, 0.1, 0.7], [0.4, 0.3, 0.3]])
    # Greedy takes token 1 first (0.5) but the best pair starts with token 2 (0.4 * 0.9).
    trap = np.log(
        [
            [0.05, 0.5, 0.4, 0.05],
            [0.3, 0.3, 0.3, 0.1],
            [0.02, 0.02, 0.06, 0.9],
            [0.25, 0.25, 0.25, 0.25],
        ]
    )
    return [
        _case("example", example, 0, 2, 2, 2),
        _case("beam-beats-greedy", trap, 0, 3, 2, 3),
        _case("width-one-is-greedy", trap, 0, 3, 1, 3),
        _case("nothing-finishes", _lm(np.random.default_rng(7), 6), 0, 5, 3, 2),
        _case("bad-width", example, 0, 2, 0, 3),
    ]


def hidden():
    rng = np.random.default_rng(8)
    return [
        _case("bad-length", _lm(rng, 4), 0, 3, 2, 0, note="max_len of 0"),
        _case(
            "eos-likely",
            np.log(np.full((5, 5), 0.05) + np.eye(5)[[4] * 5] * 0.75),
            1,
            4,
            3,
            6,
            note="every token is most likely followed by eos",
        ),
        _case("wide-beam", _lm(rng, 4), 0, 3, 50, 3, note="beam wider than the candidates"),
        _case(
            "long-large",
            _lm(rng, 60, peaked=0.5),
            0,
            59,
            6,
            9,
            note="60 tokens, beam 6, 9 steps",
        ),
    ]


def generate(rng):
    v = int(rng.integers(8, 80))
    width = int(rng.integers(2, 9))
    max_len = int(rng.integers(3, 9))
    bos, eos = (int(t) for t in rng.choice(v, size=2, replace=False))
    return _case(
        None,
        _lm(rng, v, float(rng.uniform(0.3, 2.0))),
        bos,
        eos,
        width,
        max_len,
        note=f"{v} tokens, beam {width}, {max_len} steps",
    )


def _search(lp, bos, eos, width, max_len):
    live = [(0.0, [bos])]
    finished = []
    for _ in range(max_len):
        if not live:
            break
        cands = []
        for score, toks in live:
            row = lp[toks[-1]]
            for b in range(lp.shape[1]):
                cands.append((score + float(row[b]), toks + [b]))
        cands.sort(key=lambda c: (-c[0], c[1]))
        live = []
        for score, toks in cands[:width]:
            (finished if toks[-1] == eos else live).append((score, toks))
    out = sorted(finished + live, key=lambda c: (-c[0], c[1]))[:width]
    return [(toks, score) for score, toks in out]


def expected(case):
    lp, bos, eos, width, max_len = case["args"]
    if width < 1 or max_len < 1:
        return raises("ValueError")
    return _search(lp.data, bos, eos, width, max_len)


def sized(n, rng):
    return {"args": [ndarray(_lm(rng, n)), 0, n - 1, 4, 5]}


def examples():
    """The statement's worked examples, as FORMAT.md describes."""
    return [
        dict(
            _case(
                "example", np.log([[0.1, 0.6, 0.3], [0.2, 0.1, 0.7], [0.4, 0.3, 0.3]]), 0, 2, 2, 2
            ),
            shows=[
                "`V = 3`, `bos = 0`, `eos = 2`, `beam_width = 2`, `max_len = 2`",
                "log_probs = np.log([[0.1, 0.6, 0.3], [0.2, 0.1, 0.7], [0.4, 0.3, 0.3]])",
                "`[([0, 1, 2], -0.8675...), ([0, 2], -1.2039...)]`",
            ],
            want=[([0, 1, 2], -0.8675), ([0, 2], -1.2039)],
            atol=1e-4,
        )
    ]
