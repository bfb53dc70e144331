"""Which direction word in a clause says which way a concept goes (see
`mockint.scoring.claims`): the nearest one, with the exceptions a reader applies; and the
words that mark a property as shared or a switch as the concept's own action."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence

from mockint.scenario.lexicon import Relation
from mockint.scoring.claim_words import (
    ARTICLES,
    CHANGE_NOUNS,
    COORDINATORS,
    DEMONSTRATIVES,
    INTENSIFIERS,
    PREPOSITIONS,
    SWITCH_VERBS,
    SWITCHES,
)
from mockint.scoring.clauses import SHARED, Text
from mockint.scoring.mentions import Mention

_DETERMINERS = ARTICLES | {"some", "any", "our", "their", "its", "extra"}


def nearest(
    t: Text,
    cands: list[tuple[Mention, bool]],
    at: Mention,
    rival: Mention | None,
    starts: Collection[int],
    found: Sequence[Mention],
) -> tuple[bool | None, Mention | None]:
    """Of `cands` (direction words of the clause, each True when it is the claimed
    direction), the one that describes `at`: its direction and the word, or (None, None).
    Words nearer `rival` (the other end of the claim) are left to it; `starts` are where
    concepts begin and `found` every concept said."""

    def dist(a: Mention, b: Mention) -> int:
        return max(a.start - b.end, b.start - a.end, 0)

    # A direction word right before another concept describes that one ("for lower
    # variance"), and one hyphened to a concept makes a compound ("high-variance
    # trees"): neither says which way `at` goes.
    # ("adding some exploration": a determiner may come between).
    def object_at(k: int) -> int:
        return k + 1 if k < len(t.lower) - 1 and t.lower[k] in _DETERMINERS else k

    cands = [
        c
        for c in cands
        if not (
            object_at(c[0].end) in starts
            and object_at(c[0].end) != at.start
            and t.clause_of[object_at(c[0].end)] == t.clause_of[c[0].start]
            and t.lower[c[0].end] not in PREPOSITIONS  # "turned off at inference"
        )
        and not t.hyphened(c[0].end - 1, at.start)
        and not t.hyphened(c[0].start, at.end - 1)
    ]
    # "the more the bias drops": "the more" before an article grades the verb that follows
    # (a "the more ..., the less ..." sentence), it is no amount of the concept.
    graded = [
        c
        for c in cands
        if c[0].end - c[0].start == 1
        and t.lower[c[0].start] in ("more", "less")
        and c[0].start > 0
        and t.lower[c[0].start - 1] == "the"
        and c[0].end < len(t.lower)
        and t.lower[c[0].end] in ("the", "a", "an")
    ]
    cands = [c for c in cands if c not in graded] or cands
    every = cands
    if rival is not None:
        cands = [c for c in cands if dist(c[0], at) <= dist(c[0], rival)] or cands
    if not cands:
        return None, None

    # A word before the concept wins a tie by one word: "shrinks the weights more"
    # shrinks them ("more" only grades the verb).
    # Not across a coordinator: in "precision goes up and recall goes down" the "up"
    # before "recall" is precision's.
    def before(c: Mention) -> int:
        gap = t.lower[c.end : at.start]
        return int(c.end <= at.start and not COORDINATORS & set(gap))

    best = min(cands, key=lambda c: (dist(c[0], at) - before(c[0]), c[0].start))
    # "more variance reduction": a noun of change right after the concept makes one
    # compound with it, and the word right before only grades that noun.
    noun = [c for c in cands if c[0].start == at.end and t.keys[c[0].start] in CHANGE_NOUNS]
    if noun and best[0].end == at.start:
        best = noun[0]
    # "fix high bias", "reduce the large variance": an adjective on the concept states
    # what is there; the verb before it says which way the claim goes.
    # "removes much more of the jumpiness": "more of" is an amount of it, graded the same way.
    of = all(t.lower[k] in ARTICLES or t.lower[k] == "of" for k in range(best[0].end, at.start))
    if best[0].end <= at.start and of:
        verb = [
            c
            for c in every
            if best[0].start - 2 <= c[0].end <= best[0].start
            and not any(o.start < c[0].end and c[0].start < o.end for o in found)
        ]
        verb = [
            c
            for c in verb
            if all(t.lower[k] in ARTICLES | INTENSIFIERS for k in range(c[0].end, best[0].start))
        ]
        if verb and verb[-1][1] != best[1]:
            best = verb[-1]
    return best[1], best[0]


def shares(t: Text, k: int, end: int) -> bool:
    """Word k marks the property as shared ("boosting reduces variance too"); "too" before
    another word of its clause grades that word ("too simple"), it adds nothing."""
    if t.lower[k] not in SHARED:
        return False
    return t.lower[k] != "too" or k + 1 >= end


def acts(t: Text, at: Mention, d: Mention) -> bool:
    """ "dropout (randomly) switches off units": a verb of switching right after the
    concept, in the present tense, is what the concept does to something else, not whether
    it is on ("dropout is switched off", "dropout stays on")."""
    v = d.start - 1 if t.lower[d.start] in SWITCHES and d.start > at.end else d.start
    gap = range(at.end, v)
    verb = t.lower[v]
    return (
        0 <= v - at.end <= 2
        and all(t.lower[k].endswith("ly") for k in gap)
        and verb.endswith("s")
        and t.keys[v] in SWITCH_VERBS
    )


def described(t: Text, m: Mention) -> bool:
    """A property worded by one participle after a determiner ("over those proposed
    positions", "the flagged items") describes a thing; it says no owner does it."""
    k = m.start
    return (
        m.end - k == 1
        and k > 0
        and t.lower[k].endswith("ed")
        and t.lower[k - 1] in ARTICLES | DEMONSTRATIVES | {"these", "all", "each"}
    )


def comparative(t: Text, m: Mention) -> bool:
    """The mention is one adjective in its comparative form ("noisier", "fresher"): it says
    "more" of the concept by itself (the lemmatiser gives the plain form)."""
    w = t.lower[m.end - 1]
    return (
        m.end - m.start == 1
        and w.endswith("er")
        and t.keys[m.start] != w
        and (w[:-2] in t.keys[m.start] or w[:-3] + "y" == t.keys[m.start])
    )


Directions = Callable[[str], list[Mention]]  # a relation's words found in the text


def elliptic(
    t: Text, start: int, name: str, relations: Mapping[str, Relation], directions: Directions
) -> bool:
    """The clause opens with an amount and "and" or a comma: the subject's amount said again
    without the subject ("too low and training crawls")."""
    for r in (name, relations[name].opposite):
        for d in directions(r):
            if d.start == start and d.end < len(t.lower):
                return t.lower[d.end] == "and" or t.clause_of[d.end] != t.clause_of[start]
    return False


def graded(t: Text, m: Mention, relations: Mapping[str, Relation], directions: Directions) -> bool:
    """A word of amount or direction just before `m` ("more false positives", "fewer
    misses"): the clause says which way it moves, not what it belongs to."""
    for name in ("up", "down"):
        if name not in relations:
            continue
        for d in directions(name):
            between = range(d.end, m.start)
            if 0 <= m.start - d.end <= 2 and all(t.lower[k] in ARTICLES for k in between):
                return True
    return False


def compound(t: Text, m: Mention, end: int, direction: str) -> bool:
    """`m` is hyphened to the word before it and a noun follows ("high-variance learners"):
    the compound describes that noun, it says nothing of which way `m` goes."""
    return (
        bool(direction)
        and m.start > 0
        and t.hyphened(m.start - 1, m.start)
        and m.end < end
        and t.lower[m.end].isalpha()
        and t.lower[m.end] not in COORDINATORS | PREPOSITIONS
    )


def superlative(t: Text, d: Mention) -> bool:
    """A direction said as a superlative ("keep the model from where the loss was lowest")
    names an extreme point, not which way the concept goes."""
    word = t.lower[d.end - 1]
    return (word.endswith("est") and word not in ("best", "worst")) or word in ("most", "least")


# Words that judge rather than measure: for an error or a loss, "good" is low ("worse"
# has the lemma "wrong").
QUALITY = frozenset({"good", "well", "improve", "bad", "wrong", "poorly", "badly", "hurt", "fail"})


# Things whose size is a harm: an error, a loss, and problems ("it makes overfitting
# worse" is more overfitting, "improves latency" less latency).
HARMS = frozenset(
    {"error", "loss", "overfit", "underfit", "variance", "latency", "leakage", "hallucination"}
)


def judged_as_loss(t: Text, d: Mention, concept: Mention) -> bool:
    """Direction `d` judges an error, a loss or a problem ("training error is good", "the
    loss got worse", "makes overfitting worse", not "error codes"): there the judgement
    runs against the size."""
    return t.keys[d.start] in QUALITY and t.keys[concept.end - 1] in HARMS


def yardstick(t: Text, d: Mention | None, m: Mention) -> bool:
    """The direction word comes before "than" and the property after it ("training error
    much lower than validation error"): the property is the yardstick, so it goes the
    other way."""
    return (
        d is not None
        and d.end <= m.start
        and t.clause_of[d.start] == t.clause_of[m.start]
        and "than" in t.lower[d.end : m.start]
    )
