"""Trusted cases for edit-distance: expected values from the full DP table."""

import numpy as np


def _case(cid, a, b, note=""):
    return {"id": cid, "args": [a, b], "note": note}


def visible():
    return [
        _case("example", "kitten", "sitting"),
        _case("empty-left", "", "abc"),
        _case("same", "interview", "interview"),
        _case("case-matters", "Model", "model"),
        _case("all-different", "abc", "xyz"),
    ]


def hidden():
    return [
        _case("both-empty", "", "", note="two empty strings"),
        _case("long", "ab" * 1000, "ba" * 1000, note="strings of 2000 characters"),
        _case("unicode", "naïve café", "naive cafe", note="non-ASCII characters"),
    ]


def _word(rng, n, alphabet="acgt"):
    return "".join(alphabet[i] for i in rng.integers(0, len(alphabet), size=n))


def generate(rng):
    a = _word(rng, int(rng.integers(0, 60)))
    b = list(a)
    for _ in range(int(rng.integers(0, 10))):
        if b and rng.random() < 0.5:
            del b[int(rng.integers(len(b)))]
        else:
            b.insert(int(rng.integers(len(b) + 1)), _word(rng, 1))
    return _case(
        None, a, "".join(b), note=f"a DNA-like string of {len(a)} letters and an edited copy"
    )


def expected(case):
    a, b = case["args"]
    table = np.zeros((len(a) + 1, len(b) + 1), dtype=np.int64)
    table[:, 0] = np.arange(len(a) + 1)
    table[0, :] = np.arange(len(b) + 1)
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            table[i, j] = min(
                table[i - 1, j] + 1,
                table[i, j - 1] + 1,
                table[i - 1, j - 1] + (a[i - 1] != b[j - 1]),
            )
    return int(table[len(a), len(b)])


def sized(n, rng):
    return {"args": [_word(rng, n), _word(rng, n)]}


def examples():
    """The statement's worked examples, as FORMAT.md describes."""
    return [
        dict(
            _case("example", "kitten", "sitting"),
            shows=['`edit_distance("kitten", "sitting") == 3`'],
            want=3,
        ),
        dict(_case("empty-left", "", "abc"), shows=['`edit_distance("", "abc") == 3`'], want=3),
    ]
