"""An answer cut into sentences and clauses, each word with its lemma and its role.

- Sentences end at `.`, `!`, `?` or a line break; not at decimals ("0.5") or
  abbreviations ("e.g.", "vs.").
- Clauses also end at `,`, `:`, `;`, brackets and dashes, and before a word that starts a
  contrast ("but", "whereas", "while", "although", "however", "unlike", "instead",
  "rather than", "compared to", "as opposed to"). A clause that starts with a
  comparison marker ("unlike L2", "rather than accuracy", "compared with bagging") is an
  *aside*: it names what the sentence is set against, so the scorer never gives it a
  property nor takes a subject from it.
- Negators are kept from the words as typed (the lemmatiser turns "doesn't" into "do").
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from mockint.scoring.lemmas import lemma
from mockint.scoring.text import Token, tokenize

_SENTENCE_GAP = re.compile(r"[.!?]|\n")
_CLAUSE_GAP = re.compile(r"[,:;()\[\]\u2013\u2014]|\s-\s|--")
_ABBREVIATIONS = frozenset(["e", "g", "i", "vs", "etc", "eg", "ie", "approx", "cf"])
# Words that start a new clause; those in _ASIDE also make it an aside.
_STARTS = frozenset(
    [
        "but",
        "whereas",
        "while",
        "although",
        "though",
        "however",
        "unlike",
    ]
)
# "L1 vs L2" joins two names, it does not start a clause.
_ASIDE_ONE = frozenset(["unlike"])
_ASIDE_TWO = frozenset(
    {
        ("rather", "than"),
        ("instead", "of"),
        ("compared", "to"),
        ("compared", "with"),
        ("as", "opposed"),
        ("in", "contrast"),
        ("as", "against"),
    }
)
# Hedges set off by commas inside a statement ("X is, I think, too late"): not a clause.
# Comparatives of "the more ..., the less ..." sentences (and any other "-er" word but these).
_COMPARATIVES = frozenset({"more", "less", "fewer", "better", "worse", "further"})
_NOT_COMPARATIVE = frozenset(
    {
        "number",
        "order",
        "other",
        "user",
        "layer",
        "paper",
        "answer",
        "cluster",
        "filter",
        "parameter",
        "encoder",
        "decoder",
        "later",
    }
)
_HEDGES_TEXT = """i think|i believe|i'd say|i would say|i guess|i suspect|in my view|in my opinion|
    in my experience|honestly|frankly|arguably|of course|admittedly|realistically"""
_HEDGES = tuple(tuple(h.split()) for h in _HEDGES_TEXT.replace("\n", "").split("|"))
# Words that negate what follows or precedes them in a clause.
# With the manners that say something does not reliably happen ("absorbs new facts
# unreliably" does not give fresh knowledge).
_NEGATORS_TEXT = """not no never without nor neither cannot hardly rarely seldom none nothing nobody
    instead unreliably inconsistently unpredictably"""
NEGATORS = frozenset(_NEGATORS_TEXT.split())
# Verbs and adjectives that negate their object; a negator just before one cancels it
# ("don't skip monitoring", "never forget the baseline").
_NEGATIVE_TEXT = """avoid avoiding avoided skip skipping skipped ignore ignoring ignored forget
    forgetting neglect neglecting unnecessary needless disable disabled disabling refuse
    refused refusing refuses"""
NEGATIVE_WORDS = frozenset(_NEGATIVE_TEXT.split())
# "not only X but also Y" affirms X; "no more than 500", "no later than" set a limit.
_NOT_NEGATING_NEXT = {
    "not": frozenset({"only", "merely", "just"}),
    "no": frozenset({"more", "less", "fewer", "later", "earlier", "longer", "matter", "doubt"}),
}
# "a poor way to", "the wrong tool for": judged unfit for what follows, it negates it.
_POOR_AT = frozenset({"way", "fit", "choice", "tool", "idea", "match", "substitute", "place"})
# "switch off", "turned off": "off" negates after these.
_SAY_TEXT = "say says said saying answer answers answered predict predicts"
_SAY = frozenset(_SAY_TEXT.split())
_OFF_TEXT = "switch switched switching turn turned turning"
_OFF_AFTER = frozenset(_OFF_TEXT.split())
# Plural nouns and verbs that open a list of instances ("Common forms are ...").
_INSTANCES_TEXT = "forms examples cases sources causes kinds types culprits ones include includes"
_INSTANCES = frozenset(_INSTANCES_TEXT.split())
# Words that say a property is shared, not exclusive ("boosting can also reduce variance").
SHARED = frozenset(
    ["also", "too", "both", "likewise", "similarly", "either", "well", "partly", "somewhat"]
)


@dataclass(frozen=True, slots=True)
class Clause:
    sentence: int
    start: int  # token indices, end exclusive
    end: int
    aside: bool


class Text:
    """One answer, tokenised once: tokens, lemmas, sentences, clauses and negators."""

    def __init__(self, text: str, synonyms: Mapping[str, str] | None = None) -> None:
        self.text = text or ""
        self.tokens: list[Token] = tokenize(self.text)
        # Lemmas, a synonym replaced by the first word of its group (`synonym_keys`).
        self.synonyms = synonyms or {}
        self.keys = [self.synonyms.get(k, k) for k in (lemma(t.text) for t in self.tokens)]
        self.lower = [t.lower for t in self.tokens]
        n = len(self.tokens)
        self.negator = [self._negates(i) for i in range(n)]
        self.negative = [self.lower[i] in NEGATIVE_WORDS for i in range(n)]
        self.sentences: list[tuple[int, int]] = []  # token ranges
        self.clauses: list[Clause] = []
        self.clause_of: list[int] = [0] * n
        self._cut()

    def _negates(self, i: int) -> bool:
        w = self.lower[i]
        if i > 0 and self._gap(i - 1).endswith(('"', "\u201c", "'", "\u2018")):
            return False  # a quoted label ("always says \"not fraud\"") negates nothing
        if w == "off":
            return i > 0 and self.lower[i - 1] in _OFF_AFTER
        if w == "no" and i > 0 and self.lower[i - 1] in _SAY:
            return False  # "always says no" answers, it does not negate
        if w in ("poor", "bad", "wrong"):  # "a poor way to keep facts fresh"
            return i + 1 < len(self.lower) and self.lower[i + 1] in _POOR_AT
        if w == "instead":  # "use X instead" affirms X; only "instead of Y" denies Y
            return i + 1 < len(self.lower) and self.lower[i + 1] == "of"
        if w.endswith("n't") or w in NEGATORS:
            nxt = self.lower[i + 1] if i + 1 < len(self.lower) else ""
            return nxt not in _NOT_NEGATING_NEXT.get(w, ())
        return False

    def negated(self, lo: int, hi: int, skip: set[int]) -> bool:
        """Whether tokens lo..hi (end exclusive, `skip` left out) hold a negation: any
        negator or negative word, except a negator cancelled by a negative word up to
        three words after it ("don't skip")."""
        negs = [k for k in range(lo, hi) if self.negator[k] and k not in skip]
        bads = [k for k in range(lo, hi) if self.negative[k] and k not in skip]
        for b in list(bads):
            before = [k for k in negs if b - 3 <= k < b]
            if before:
                negs.remove(before[-1])
                bads.remove(b)
        return bool(negs or bads)

    def hyphened(self, i: int, j: int) -> bool:
        """Tokens i and j (adjacent) are written as one hyphenated word ("high-variance")."""
        lo, hi = min(i, j), max(i, j)
        return hi == lo + 1 and self._gap(lo) in ("-", "\u2010", "\u2011")

    def _gap(self, i: int) -> str:
        return self.text[self.tokens[i].end : self.tokens[i + 1].start]

    def _sentence_break(self, i: int) -> bool:
        gap = self._gap(i)
        if not _SENTENCE_GAP.search(gap):
            return False
        if "\n" in gap or "!" in gap or "?" in gap:
            return True
        before, after = self.lower[i], self.lower[i + 1]
        if gap == "." and before.isdigit() and after.isdigit():
            return False  # 0.5
        return not (gap.startswith(".") and before in _ABBREVIATIONS)

    def _cut(self) -> None:
        n = len(self.tokens)
        if not n:
            return
        sent, clause_start, sent_start, hedge_end = 0, 0, 0, -1
        for i in range(n):
            if i == n - 1:
                self._close(sent, clause_start, n)
                self.sentences.append((sent_start, n))
                break
            if self._sentence_break(i):
                self._close(sent, clause_start, i + 1)
                self.sentences.append((sent_start, i + 1))
                sent, clause_start, sent_start = sent + 1, i + 1, i + 1
            elif hedge_end >= i:
                continue  # inside ", I think,": the clause goes on through it
            elif (hedge_end := self._hedge(i)) > i or self._correlative(sent_start, i):
                continue
            elif self._thousands(i):
                continue  # "8,000 images" is one number
            elif _CLAUSE_GAP.search(self._gap(i)) or self._starts_clause(i + 1):
                self._close(sent, clause_start, i + 1)
                clause_start = i + 1

    def _thousands(self, i: int) -> bool:
        """Tokens i and i+1 are the groups of one number written with a comma ("8,000")."""
        a, b = self.tokens[i].text, self.tokens[i + 1].text
        return self._gap(i) == "," and a.isdigit() and len(b) == 3 and b.isdigit()

    def _comparative(self, k: int) -> bool:
        """ "the higher", "the more": "the" and a comparative, at token k."""
        if k + 1 >= len(self.lower) or self.lower[k] != "the":
            return False
        w = self.lower[k + 1]
        return w in _COMPARATIVES or (len(w) > 4 and w.endswith("er") and w not in _NOT_COMPARATIVE)

    def _correlative(self, sent_start: int, i: int) -> bool:
        """ "The lower the acceptance rate, the smaller the gain": one statement across its
        comma, so the second half's direction is read against the first half's subject."""
        return (
            self._gap(i).strip() == ","
            and self._comparative(sent_start)
            and self._comparative(i + 1)
        )

    def _hedge(self, i: int) -> int:
        """A hedge set off by commas after token i ("is, I think, too late"): the index of
        its last word, or -1. It does not cut what it sits in."""
        if self._gap(i).strip() != ",":
            return -1
        for h in _HEDGES:
            j = i + len(h)
            if tuple(self.lower[i + 1 : j + 1]) == h and j + 1 < len(self.lower):
                return j if self._gap(j).strip() == "," else -1
        return -1

    def _starts_clause(self, i: int) -> bool:
        w = self.lower[i]
        nxt = self.lower[i + 1] if i + 1 < len(self.lower) else ""
        return w in _STARTS or (w, nxt) in _ASIDE_TWO

    def _close(self, sentence: int, start: int, end: int) -> None:
        if start >= end:
            return
        w = self.lower[start]
        nxt = self.lower[start + 1] if start + 1 < end else ""
        aside = w in _ASIDE_ONE or (w, nxt) in _ASIDE_TWO
        for k in range(start, end):
            self.clause_of[k] = len(self.clauses)
        self.clauses.append(Clause(sentence, start, end, aside))

    def list_head(self, sentence: int) -> bool:
        """The sentence opens with a short head ending in a colon ("Common forms: ...") or
        announcing a list of instances of what was said before ("Common forms are ...",
        "Typical causes include ...")."""
        a, b = self.sentences[sentence]
        head = range(a, min(b - 1, a + 4))
        return any(":" in self._gap(k) for k in head) or any(
            self.lower[k] in _INSTANCES for k in head
        )

    def lists_instances(self, sentence: int) -> bool:
        """The sentence opens by announcing instances ("Other common forms: ...", "Typical
        causes include ..."): what follows describes cases of what is discussed."""
        a, b = self.sentences[sentence]
        return any(self.lower[k] in _INSTANCES for k in range(a, min(b - 1, a + 4)))

    def sentence_text(self, sentence: int) -> str:
        a, b = self.sentences[sentence]
        return self.text[self.tokens[a].start : self.tokens[b - 1].end + 1].strip()

    def sentence_span(self, sentence: int) -> tuple[int, int]:
        a, b = self.sentences[sentence]
        return self.tokens[a].start, self.tokens[b - 1].end
