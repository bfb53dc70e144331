"""Where an answer names a concept: every place one of its wordings is said, word by word
on lemmas (up to `MAX_GAP` other words between the words of one wording, inside one
clause, none of them a negator or a word that negates its object), or as a number pattern
("{n} requests {per-second}"); and the finding a claim makes from them."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from mockint.scenario.bank import Claim
from mockint.scoring.claim_words import GAP_BREAKERS, MAX_GAP, PARTICLES
from mockint.scoring.clauses import NEGATIVE_WORDS, Text
from mockint.scoring.lemmas import lemma
from mockint.scoring.text import tokenize
from mockint.scoring.word_forms import figure_pattern


@dataclass(frozen=True, slots=True)
class Mention:
    name: str  # concept or relation name
    start: int  # token indices, end exclusive
    end: int
    # Said by a measure that goes the other way ("training accuracy" for training error).
    inverted: bool = False

    @property
    def clause_key(self) -> int:
        return self.start


@dataclass(frozen=True)
class Finding:
    """One clause that makes a claim (`made`) or says it wrong (`wrong`)."""

    claim: Claim
    status: str  # "made" or "wrong"
    sentence: int
    spans: tuple[tuple[int, int], ...]  # character spans of the words that decided it
    why: str  # "swap", "negated", "direction", "" for made
    carried: bool = False  # the subject was named in an earlier clause


_PLURAL_DEMONSTRATIVES = frozenset({"those", "these"})


@lru_cache(maxsize=8192)
def _wording(words: str) -> tuple[tuple[str, ...], bool, tuple[bool, ...]]:
    """A wording as lemma keys, whether other words may sit between them, and which of its
    words are possessives (the lemma drops the "'s", but "legal's problem" is not "a
    legal problem": there the text must say the possessive too)."""
    toks = tokenize(words)
    # "those"/"these" stay as said: their lemma "that" would find any relative clause
    # ("of those flagged" in "of all fraud that we flag").
    keys = tuple(t.lower if t.lower in _PLURAL_DEMONSTRATIVES else lemma(t.text) for t in toks)
    owned = tuple(_possessive(t.text) for t in toks)
    return keys, all(t.text.replace("'", "").isalpha() for t in toks), owned


def _possessive(word: str) -> bool:
    return word.casefold().replace("\u2019", "'").endswith("'s")


def find(
    text: Text, name: str, wordings: Iterable[str], inverse: Collection[str] = ()
) -> list[Mention]:
    """Every place one of `wordings` is said, each a Mention of `name`; those found by a
    wording in `inverse` are marked `inverted`."""
    out: dict[int, Mention] = {}
    keys = text.keys
    for w in wordings:
        if "{" in w:  # a number pattern: "{n} requests {per-second}"
            for m in _figures(text, name, w):
                out.setdefault(m.start, m)
            continue
        want, gaps, owned = _wording(w)
        if not want:
            continue
        want = tuple(text.synonyms.get(k, k) for k in want)
        for i, k in enumerate(_said(text, want[0])):
            if k != want[0] and not _stands_for(text, i, want):
                continue
            if _prefixed(text, i) or (owned[0] and not _possessive(text.lower[i])):
                continue
            j, ok = i, True
            for n, nxt in enumerate(want[1:], 1):
                # A phrasal verb's particle may follow its object ("loop the team in").
                wide = 2 if n == len(want) - 1 and nxt in PARTICLES else 0
                limit = min(len(keys), j + 2 + (MAX_GAP + wide if gaps else 0))
                hit = next(
                    (
                        x
                        for x in range(j + 1, limit)
                        if (text.lower[x] if nxt in _PLURAL_DEMONSTRATIVES else keys[x]) == nxt
                        and (not owned[n] or _possessive(text.lower[x]))
                        and text.clause_of[x] == text.clause_of[i]
                        # "is not enough" is not the wording "is enough", nor "I refused
                        # to cut the tests" the wording "I cut the tests"
                        and not any(
                            text.negator[y]
                            or text.lower[y] in NEGATIVE_WORDS
                            # "dropped sharply after the test" did not drop the test
                            or (text.lower[y] in GAP_BREAKERS and keys[y] not in want)
                            for y in range(j + 1, x)
                        )
                    ),
                    None,
                )
                if hit is None:
                    ok = False
                    break
                j = hit
            if ok and _bound(text, j):
                continue  # "memory-bound decoding" names a bottleneck, not memory
            if ok and (i not in out or out[i].end < j + 1):
                out[i] = Mention(name, i, j + 1, w in inverse)
    return list(out.values())


# A pronoun may stand for a wording's first word, the thing it is about ("the cache holds
# an entry per pair, so its size grows quadratically" says "cache size grows
# quadratically"), when that word was said before it, in the sentence or the one before,
# as a thing: after a determiner, opening a clause, or as a name ("L1", "BERT"). A verb
# said before ("I reported the delay ... it hard for her") is not what "it" stands for.
# Only for wordings of three or more words: the rest must still say something.
_STAND_INS = frozenset({"it", "its", "they", "them", "their", "those", "these"})
_DETERMINERS = frozenset(
    [
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "our",
        "my",
        "your",
        "their",
        "his",
        "her",
        "its",
        "each",
        "every",
        "any",
        "some",
    ]
)

_NOT_THINGS = frozenset(
    [
        "only",
        "just",
        "also",
        "even",
        "still",
        "very",
        "so",
        "too",
        "all",
        "both",
        "no",
        "not",
        "never",
        "always",
        "more",
        "most",
        "less",
        "much",
        "many",
        "few",
        "i",
        "we",
        "you",
        "he",
        "she",
        "they",
        "it",
        "there",
        "here",
        "to",
        "of",
        "in",
        "on",
        "at",
        "for",
        "with",
        "by",
        "from",
    ]
)

# After these a plural ("for labels, ...") is a thing, not a verb.
_PREPOSITIONS = frozenset(["for", "of", "on", "with", "about", "from", "to", "in"])
# After these a plural noun opens a clause's subject ("and permissions can just refresh").
_SUBJECT_AFTER = frozenset(["and", "but", "or", "so", "because", "since", "while", "when", "if"])


def _stands_for(text: Text, i: int, want: tuple[str, ...]) -> bool:
    if len(want) < 3 or text.lower[i] not in _STAND_INS or not text.sentences:
        return False
    if want[0].endswith("ly") or want[0] in _NOT_THINGS:  # "mostly my work"
        return False
    if want[1] in _DETERMINERS or want[1] in _NOT_THINGS:  # "cost the business": a verb
        return False
    sent = text.clauses[text.clause_of[i]].sentence
    lo = text.sentences[max(0, sent - 1)][0]
    starts = {c.start for c in text.clauses}
    return any(
        text.keys[j] == want[0]
        and (
            j in starts
            or text.lower[j - 1] in _DETERMINERS
            or (text.lower[j - 1] in _SUBJECT_AFTER and text.keys[j] != text.lower[j])
            or (text.lower[j - 1] in _PREPOSITIONS and text.lower[j] == text.keys[j] + "s")
            or any(ch.isupper() or ch.isdigit() for ch in text.tokens[j].text[1:])
        )
        for j in range(lo, i)
    )


# Prefixes that, hyphened to a word, make another word of it: "fine-tuned" is not
# "tuned", "non-test data" is not the test set.
_PREFIXES = frozenset({"fine", "non", "pre", "un", "self", "semi", "anti", "counter"})


def _said(text: Text, first: str) -> list[str]:
    """The text's keys, or its words as said when the wording opens with "those"/"these"."""
    return text.lower if first in _PLURAL_DEMONSTRATIVES else text.keys


def _bound(text: Text, j: int) -> bool:
    return (
        j + 1 < len(text.lower)
        and text.lower[j + 1] in ("bound", "limited", "intensive")
        and text.hyphened(j, j + 1)
    )


def _prefixed(text: Text, i: int) -> bool:
    return i > 0 and text.lower[i - 1] in _PREFIXES and text.hyphened(i - 1, i)


def _figures(text: Text, name: str, wording: str) -> list[Mention]:
    starts = {t.start: k for k, t in enumerate(text.tokens)}
    ends = {t.end: k for k, t in enumerate(text.tokens)}
    out = []
    for m in figure_pattern(wording).finditer(text.text):
        a = next((starts[c] for c in range(m.start(), m.end()) if c in starts), None)
        b = next((ends[c] for c in range(m.end(), m.start(), -1) if c in ends), None)
        if a is not None and b is not None and a <= b:
            out.append(Mention(name, a, b + 1))
    return out


def outermost(mentions: list[Mention]) -> list[Mention]:
    """Drop a mention lying inside a longer one of another name ("test" in "test set");
    the rest in order."""
    keep = []
    for m in mentions:
        inside = any(
            o is not m
            and o.name != m.name
            and o.start <= m.start
            and m.end <= o.end
            and (o.end - o.start) > (m.end - m.start)
            for o in mentions
        )
        if not inside:
            keep.append(m)
    return keep


def described_subjects(
    found: Sequence[Mention], names: set[str], own: set[str], others: set[str], props: set[str]
) -> list[Mention]:
    """The mentions of `names`, less one of the contrasted subjects (`others`) worded by a
    description (four or more words) that holds a property's wording, said right after one
    of the `own` subjects: "precision, which is the share of all the real fraud we catch"
    gives precision that share, it does not name recall."""
    inner = [m for m in found if m.name in props]
    lead = [m.end for m in found if m.name in own]

    def described(m: Mention) -> bool:
        return (
            m.name in others
            and m.end - m.start >= 4
            and any(m.start <= p.start and p.end <= m.end for p in inner)
            and any(0 <= m.start - end <= 4 for end in lead)
        )

    return [m for m in found if m.name in names and not described(m)]
