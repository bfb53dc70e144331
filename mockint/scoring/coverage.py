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
- Words of a phrase may be separated by spaces, hyphens, dashes, slashes, underscores, "@" or line
  breaks, or written as one word: "trade-off", "trade off", "tradeoff" and "trade-offs" all match
  each other. Sentence punctuation between them breaks the phrase ("trade. Off" does not).

The approach is deliberately small: the answer is tokenised once, each term is expanded
into the set of word forms it accepts, and tokens are compared against those sets. Forms
are only ever generated from the term, never stripped from the answer, so an unrelated
answer word cannot be shortened into a match.

Honest coverage (the term kinds are described in `mockint.scenario.bank_terms`):

- Only a specific term covers a key point. Generic words ("trade-off", "cost",
  "learning") found in the answer are kept as supporting words, never as coverage.
- Number patterns (`{n} requests {per-second}`) match figures as people write them.
- A contradiction of a key point found in the answer ("high bias ... overfit") costs the
  point even when its terms were said, and is listed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from mockint.scenario.bank import KeyPoint, Question
from mockint.scenario.bank_terms import (
    contradiction_parts,
    is_generic,
    placeholders,
)
from mockint.scoring.text import Token, tokenize
from mockint.scoring.verdict import MISTAKE_COST, WRONG_COST, Coverage, Match, PointCoverage
from mockint.scoring.word_forms import figure_pattern, word_forms

__all__ = [
    "MISTAKE_COST",
    "WRONG_COST",
    "Coverage",
    "Match",
    "PointCoverage",
    "cover",
    "cover_question",
    "find_term",
]

# What may stand between two words of one phrase: spaces, hyphens and dashes, slashes,
# underscores and @ ("max_features", "recall@10").
_GAP = re.compile(r"[\s\-\u2010-\u2015/_@]+")
# What ends a sentence or a clause for contradictions: two statements split by it are
# not read as one.
_CLAUSE_END = re.compile(r"[.,;:!?()\n]")
# At most this many words between the parts of a contradiction.
CONTRADICTION_WINDOW = 8
# Words between the parts of a contradiction that undo it: a negation or a contrast.
_BLOCKERS_TEXT = """
    not no never nor without unlike whereas while but rather instead versus vs opposite
    neither although though however and or isn't aren't doesn't don't didn't won't wouldn't
    can't cannot shouldn't hardly rarely
    """
_BLOCKERS = frozenset(_BLOCKERS_TEXT.split())
# Words just before the first part (up to three, same clause) that undo a contradiction:
# a negation ("never tune on the test set") or a reversed comparison ("less
# regularisation reduces bias", "the opposite direction of the gradient").
_PRE_BLOCKERS_TEXT = """
    not no never nor without avoid avoiding don't doesn't didn't won't wouldn't shouldn't
    can't cannot isn't aren't mustn't less lower fewer reducing decreasing removing
    opposite against negative reverse
"""
_PRE_BLOCKERS = frozenset(_PRE_BLOCKERS_TEXT.split())


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
        self._claims: set[int] = set()
        self._joinable = [
            _GAP.fullmatch(self.text, a.end, b.start) is not None
            for a, b in zip(self.tokens, self.tokens[1:], strict=False)
        ]

    def joinable(self, i: int) -> bool:
        """Whether token i and token i+1 may be parts of one phrase."""
        return self._joinable[i]

    def find(self, term: str) -> tuple[Match, ...]:
        if term not in self._found:
            self._found[term] = self._find_figure(term) if placeholders(term) else self._find(term)
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

    def _find_figure(self, term: str) -> tuple[Match, ...]:
        rx = figure_pattern(term)
        return tuple(Match(term, m.group(), m.start(), m.end()) for m in rx.finditer(self.text))

    def clause_break(self, i: int, j: int) -> bool:
        """Whether a sentence or clause ends between token i and token j (i < j)."""
        return _CLAUSE_END.search(self.text, self.tokens[i].end, self.tokens[j].start) is not None

    def tokens_in(self, matches: Iterable[Match]) -> set[int]:
        """Indices of the tokens inside any of `matches`."""
        out: set[int] = set()
        for m in matches:
            out |= {k for k, t in enumerate(self.tokens) if t.start >= m.start and t.end <= m.end}
        return out

    def contradictions(self, statement: str, claims: set[int] | None = None) -> tuple[Match, ...]:
        """Where `statement` (parts joined by `...`) is said, by the module's rules.

        `claims` are tokens that belong to other claims about the point (its terms, the
        parts of its contradictions): one between the two parts means the second part
        belongs to a different claim ("high bias underfits, high variance overfits")."""
        self._claims = claims or set()
        at_start = {t.start: k for k, t in enumerate(self.tokens)}
        at_end = {t.end: k for k, t in enumerate(self.tokens)}
        places: list[list[tuple[int, int, Match]]] = []
        for part in contradiction_parts(statement):
            places.append(
                [
                    (at_start[m.start], at_end[m.end], m)
                    for m in self.find(part)
                    if m.start in at_start and m.end in at_end
                ]
            )
        found: list[Match] = []
        for begin, end, first in places[0]:
            if self._negated_before(begin):
                continue
            last: Match | None = first
            for later in places[1:]:
                nxt = next((p for p in later if p[0] > end), None)
                if nxt is None or not self._close(end, nxt[0]):
                    last = None
                    break
                end, last = nxt[1], nxt[2]
            if last is not None:
                text = self.text[first.start : last.end]
                found.append(Match(statement, text, first.start, last.end))
        return tuple(found)

    def _negated_before(self, i: int) -> bool:
        """A negation or reversed comparison among the three tokens before token i."""
        for k in range(i - 1, max(-1, i - 4), -1):
            if self.clause_break(k, k + 1):
                return False
            if self.lower[k] in _PRE_BLOCKERS:
                return True
        return False

    def _close(self, i: int, j: int) -> bool:
        """Token j follows token i closely, in the same clause, with nothing that undoes it."""
        between = self.lower[i + 1 : j]
        return (
            len(between) <= CONTRADICTION_WINDOW
            and not self.clause_break(i, j)
            and not _BLOCKERS & set(between)
            and not any(i < k < j for k in self._claims)
        )


def find_term(answer: str, term: str) -> tuple[Match, ...]:
    """Every place `term` occurs in `answer`, by the rules in this module's docstring."""
    return _Answer(answer).find(term)


def _distinct(matches: Iterable[Match]) -> tuple[Match, ...]:
    """One match per span of the answer (synonyms "trade-off" and "tradeoff" find the
    same words), the first listed term winning."""
    seen: set[tuple[int, int]] = set()
    out = []
    for m in matches:
        if (m.start, m.end) not in seen:
            seen.add((m.start, m.end))
            out.append(m)
    return tuple(out)


def _point(ans: _Answer, kp: KeyPoint) -> PointCoverage:
    specific = _distinct(m for t in kp.terms if not is_generic(t) for m in ans.find(t))
    generic = _distinct(m for t in kp.terms if is_generic(t) for m in ans.find(t))
    contra: tuple[Match, ...] = ()
    if kp.contradictions:
        parts = {p for st in kp.contradictions for p in contradiction_parts(st)}
        claims = ans.tokens_in(specific) | ans.tokens_in(m for p in parts for m in ans.find(p))
        contra = _distinct(m for st in kp.contradictions for m in ans.contradictions(st, claims))
    return PointCoverage(kp.id, kp.text, specific, generic, contra)


def cover(answer: str, key_points: Sequence[KeyPoint], terminology: Sequence[str] = ()) -> Coverage:
    """Which `key_points` the answer covers, and which `terminology` it uses."""
    ans = _Answer(answer)
    points = tuple(_point(ans, kp) for kp in key_points)
    terms = tuple(dict.fromkeys(terminology))
    used = tuple(m for term in terms for m in ans.find(term))
    return Coverage(points, used, terms)


def cover_question(answer: str, question: Question) -> Coverage:
    """The question's key points judged on `answer`: by their claims (the bank format,
    `mockint.scoring.points`) or, for older banks, by their terms."""
    base = cover(answer, [kp for kp in question.key_points if not kp.claims], question.terminology)
    if not any(kp.claims for kp in question.key_points):
        return base
    from mockint.scoring.points import judge_points  # loads the lemmatiser

    judged, errors = judge_points(answer, question)
    legacy = iter(base.points)
    points = tuple(judged[kp.id] if kp.claims else next(legacy) for kp in question.key_points)
    return Coverage(points, base.terminology, base.terminology_listed, errors)
