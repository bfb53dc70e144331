"""Which key points an answer covers, and which of its words show it.

Matching rules, in the order a reader would check them:

- Case is ignored ("Latency" matches "latency").
- A term matches whole words only, never part of another word: "art" does not match
  "start", "bias" does not match "unbiased", "rag" does not match "drag".
- Inflections of a term's words count: plurals ("embedding"/"embeddings",
  "latency"/"latencies", "index"/"indexes"/"indices"), verb forms ("tune"/"tuned"/"tuning",
  "embed"/"embedded"), possessives ("model's"). A term written in the plural or as "-ing"
  also matches its base word. So "bias" matches "biased" and "biases": they are the same
  word inflected, not a different word that happens to contain it.
- A term written in capitals with two or more of them ("RAG", "GPUs") is an acronym and
  only takes a plural or possessive ("RAGs", "GPU's"), never "-ed"/"-ing".
- Words of a phrase may be separated by spaces, hyphens, dashes, slashes or line breaks,
  or written as one word: "trade-off", "trade off", "tradeoff" and "trade-offs" all match
  each other. Sentence punctuation between them breaks the phrase ("trade. Off" does not).

The approach is deliberately small: the answer is tokenised once, each term is expanded
into the set of word forms it accepts, and tokens are compared against those sets. Forms
are only ever generated from the term, never stripped from the answer, so an unrelated
answer word cannot be shortened into a match.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from mockint.scenario.bank import KeyPoint, Question
from mockint.scoring.text import Token, tokenize

# What may stand between two words of one phrase: spaces, hyphens and dashes, slashes.
_GAP = re.compile(r"[\s\-\u2010-\u2015/]+")

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


@dataclass(frozen=True)
class _Pattern:
    term: str
    words: tuple[frozenset[str], ...]  # accepted forms, word by word
    joined: frozenset[str]  # accepted forms of the words written as one
    starts: frozenset[str]  # what the first answer token of a match can be
    prefixes: frozenset[str]  # every beginning of a joined form

    @property
    def max_tokens(self) -> int:
        return len(self.words) + 2  # "tradeoff" may be typed "trade-off"


@lru_cache(maxsize=4096)
def _pattern(term: str) -> _Pattern | None:
    words = [t.text for t in tokenize(term)]
    if not words:
        return None
    per_word = tuple(word_forms(w) for w in words)
    joined = word_forms("".join(words)) if len(words) > 1 else per_word[0]
    joined = joined | frozenset("".join(w.casefold() for w in words[:-1]) + f for f in per_word[-1])
    prefixes = {f[:i] for f in joined for i in range(1, len(f) + 1)}
    return _Pattern(
        term=term,
        words=per_word,
        joined=joined,
        starts=frozenset(per_word[0] | prefixes),
        prefixes=frozenset(prefixes),
    )


@dataclass(frozen=True)
class Match:
    """One place in the answer where a term was found."""

    term: str  # the term as written in the bank
    text: str  # the answer's words, as typed
    start: int  # character span in the answer: answer[start:end] == text
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"term": self.term, "text": self.text, "start": self.start, "end": self.end}


class _Answer:
    """An answer tokenised once, so many terms can be looked up in it cheaply."""

    def __init__(self, text: str) -> None:
        self.text = text or ""
        self.tokens: list[Token] = tokenize(self.text)
        self.lower = [t.lower for t in self.tokens]
        self._found: dict[str, tuple[Match, ...]] = {}  # terms shared by key points
        self._at: dict[str, list[int]] = {}  # word -> where it occurs
        for i, w in enumerate(self.lower):
            self._at.setdefault(w, []).append(i)
        self._words = self._at.keys()
        self._joinable = [
            _GAP.fullmatch(self.text, a.end, b.start) is not None
            for a, b in zip(self.tokens, self.tokens[1:], strict=False)
        ]

    def joinable(self, i: int) -> bool:
        """Whether token i and token i+1 may be parts of one phrase."""
        return self._joinable[i]

    def find(self, term: str) -> tuple[Match, ...]:
        if term not in self._found:
            self._found[term] = self._find(term)
        return self._found[term]

    def _find(self, term: str) -> tuple[Match, ...]:
        pat = _pattern(term)
        if pat is None:
            return ()
        n, count = len(pat.words), len(self.tokens)
        starts = sorted(j for w in pat.starts & self._words for j in self._at[w])
        found: list[Match] = []
        after = 0  # matches do not overlap: the next one starts after the last one
        for j in starts:
            if j < after:
                continue
            last = -1
            if (
                j + n <= count
                and all(self.lower[j + i] in pat.words[i] for i in range(n))
                and all(self.joinable(j + i) for i in range(n - 1))
            ):
                last = j + n - 1
            run = ""
            for k in range(j, min(count, j + pat.max_tokens)):
                if k > j and not self.joinable(k - 1):
                    break
                run += self.lower[k]
                if run not in pat.prefixes:
                    break
                if run in pat.joined:
                    last = max(last, k)
            if last < 0:
                continue
            start, end = self.tokens[j].start, self.tokens[last].end
            found.append(Match(term, self.text[start:end], start, end))
            after = last + 1
        return tuple(found)


def find_term(answer: str, term: str) -> tuple[Match, ...]:
    """Every place `term` occurs in `answer`, by the rules in this module's docstring."""
    return _Answer(answer).find(term)


@dataclass(frozen=True)
class PointCoverage:
    id: str
    text: str
    matches: tuple[Match, ...]  # in the order the terms are listed, then by position

    @property
    def covered(self) -> bool:
        return bool(self.matches)

    @property
    def terms(self) -> tuple[str, ...]:
        """The key point's terms that were found, each once."""
        return tuple(dict.fromkeys(m.term for m in self.matches))

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "text": self.text,
            "covered": self.covered,
            "terms": list(self.terms),
            "matches": [m.to_dict() for m in self.matches],
        }


@dataclass(frozen=True)
class Coverage:
    points: tuple[PointCoverage, ...]
    terminology: tuple[Match, ...] = ()  # the question's terminology found in the answer
    terminology_listed: tuple[str, ...] = ()

    @property
    def covered(self) -> tuple[PointCoverage, ...]:
        return tuple(p for p in self.points if p.covered)

    @property
    def missed(self) -> tuple[PointCoverage, ...]:
        return tuple(p for p in self.points if not p.covered)

    @property
    def share(self) -> float:
        """Covered key points over all key points; 0.0 when there are none."""
        return len(self.covered) / len(self.points) if self.points else 0.0

    @property
    def terminology_used(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(m.term for m in self.terminology))

    @property
    def terminology_unused(self) -> tuple[str, ...]:
        used = set(self.terminology_used)
        return tuple(t for t in self.terminology_listed if t not in used)

    def to_dict(self) -> dict[str, Any]:
        return {
            "share": self.share,
            "covered": len(self.covered),
            "total": len(self.points),
            "points": [p.to_dict() for p in self.points],
            "terminology_used": list(self.terminology_used),
            "terminology_unused": list(self.terminology_unused),
            "terminology_matches": [m.to_dict() for m in self.terminology],
        }


def cover(answer: str, key_points: Sequence[KeyPoint], terminology: Sequence[str] = ()) -> Coverage:
    """Which `key_points` the answer covers, and which `terminology` it uses."""
    ans = _Answer(answer)
    points = tuple(
        PointCoverage(kp.id, kp.text, tuple(m for term in kp.terms for m in ans.find(term)))
        for kp in key_points
    )
    terms = tuple(dict.fromkeys(terminology))
    used = tuple(m for term in terms for m in ans.find(term))
    return Coverage(points, used, terms)


def cover_question(answer: str, question: Question) -> Coverage:
    return cover(answer, question.key_points, question.terminology)
