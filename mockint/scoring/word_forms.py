"""The spellings a bank term accepts: inflections generated from the term (never stripped
from the answer), and number patterns (`{n} requests {per-second}`) as one regular
expression. Shared by the term matcher (`coverage`) and the claim matcher (`claims`), whose
concept wordings may hold the same placeholders."""

from __future__ import annotations

import re
from functools import lru_cache

from mockint.scenario.bank_terms import PLACEHOLDERS
from mockint.scoring.text import tokenize

# Irregular plurals that show up in ML talk; regular ones are generated.
_IRREGULAR = {
    "index": "indices",
    "matrix": "matrices",
    "vertex": "vertices",
    "appendix": "appendices",
    "analysis": "analyses",
    "hypothesis": "hypotheses",
    "criterion": "criteria",
    "phenomenon": "phenomena",
    "child": "children",
    "person": "people",
}
_SINGULAR = {plural: singular for singular, plural in _IRREGULAR.items()}
_VOWELS = "aeiou"
_ES_PLURAL = ("ses", "xes", "zes", "ches", "shes", "oes")  # where the plural adds -es


def _bases(word: str) -> set[str]:
    """The word itself and what it may be an inflection of (over-generating is harmless:
    a made-up base like "featur" only yields forms no answer contains)."""
    out = {word}
    if word in _SINGULAR:
        out.add(_SINGULAR[word])
    if len(word) > 4 and word.endswith("ies"):
        out.add(word[:-3] + "y")
    if len(word) > 3 and word.endswith(_ES_PLURAL):
        out.add(word[:-2])  # indexes -> index; but notes -> note, never "not"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        out.add(word[:-1])
    for w in list(out):
        if w.endswith("ing") and len(w) >= 6:
            stem = w[:-3]
            out |= {stem, stem + "e"}
            if stem[-1] == stem[-2] and stem[-1] not in "ls" + _VOWELS:
                out.add(stem[:-1])  # embedding -> embed, but keep "fall", "pass"
        if w.endswith("ed") and len(w) >= 5:
            stem = w[:-2]
            out |= {stem, w[:-1]}  # learned -> learn, tuned -> tune
            if stem[-1] == stem[-2] and stem[-1] not in "ls" + _VOWELS:
                out.add(stem[:-1])
            if stem.endswith("i"):
                out.add(stem[:-1] + "y")  # queried -> query
    return out


def _expand(base: str) -> set[str]:
    """The inflected forms of one base word."""
    if len(base) < 3:  # "k" in "k-means" must not grow into "king"
        return {base, base + "s", base + "'s"}
    out = {base, base + "s", base + "ed", base + "ing", base + "'s"}
    if base.endswith(("s", "x", "z", "ch", "sh", "o")):
        out.add(base + "es")
    if base.endswith("e"):
        out |= {base + "d", base[:-1] + "ing"}
    if len(base) > 2 and base.endswith("y") and base[-2] not in _VOWELS:
        out |= {base[:-1] + "ies", base[:-1] + "ied"}
    if len(base) >= 3 and base[-1] not in _VOWELS + "wxy" and base[-2] in _VOWELS:
        out |= {base + base[-1] + "ed", base + base[-1] + "ing"}  # embed -> embedded
    if base in _IRREGULAR:
        out.add(_IRREGULAR[base])
    return out


@lru_cache(maxsize=4096)
def word_forms(word: str) -> frozenset[str]:
    """Every spelling of `word` (as written in a bank) that counts as the same word."""
    if sum(c.isupper() for c in word) >= 2:  # an acronym: RAG, GPUs, ROC-AUC
        base = word.casefold()
        if word[-1] == "s" and len(word) > 2:
            base = base[:-1]
        return frozenset({base, base + "s", base + "'s"})
    lower = word.casefold().replace("\u2019", "'")
    if lower.endswith("'s"):
        lower = lower[:-2]
    forms: set[str] = set()
    for b in _bases(lower):
        forms |= _expand(b)
    return frozenset(forms)


@lru_cache(maxsize=1024)
def figure_pattern(term: str) -> re.Pattern[str]:
    """A term with placeholders as one regular expression: each word by its forms."""
    pieces: list[tuple[str, bool]] = []  # (regex, is a placeholder)
    for chunk in re.split(r"(\{[a-z-]+\})", term):
        if chunk.startswith("{") and chunk[1:-1] in PLACEHOLDERS:
            pieces.append((f"(?:{PLACEHOLDERS[chunk[1:-1]]})", True))
            continue
        for tok in tokenize(chunk):
            forms = sorted(word_forms(tok.text), key=len, reverse=True)
            pieces.append(("(?:" + "|".join(re.escape(f) for f in forms) + ")", False))
    rx = ""
    for k, (piece, placeholder) in enumerate(pieces):
        if k:
            # "20k" + "qps", "20%" need no space; two words need a gap of some kind.
            gap = (
                r"[\s\-\u2010-\u2015]*"
                if placeholder or pieces[k - 1][1]
                else r"[\s\-\u2010-\u2015/]+"
            )
            rx += gap
        rx += piece
    return re.compile(r"(?<!\w)" + rx + r"(?!\w)", re.IGNORECASE)
