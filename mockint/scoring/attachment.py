"""Which part of a clause a word belongs to, for the claim matcher
(`mockint.scoring.claims`): which subject owns a property when the clause names more than
one ("dropout is on during training and off at inference" is no swap; in "few settings
matter and a grid wastes runs" the grid owns nothing before it), which negations belong to
a statement of their own or deny only a manner ("doesn't check them one by one"), and
which mentions only name a pair ("the bias-variance trade-off")."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from mockint.scenario.bank import Claim
from mockint.scoring.clauses import Text
from mockint.scoring.mentions import Mention

_JOINS = frozenset({"and", "but", "or"})
# Manners a negation may deny instead of the act ("doesn't check them one by one").
_MANNERS = (("one", "by", "one"), ("one", "at", "a", "time"), ("individually",), ("sequentially",))
_LEADS = frozenset({"a", "an", "the", "this", "that", "these", "those", "our", "my", "their"})
# Nouns a two-word hyphened compound names a pair for ("the bias-variance trade-off").
_PAIR_NOUNS = frozenset({"trade", "tradeoff", "tradeoffs", "curve", "curves", "balance"})


def _gap(a: Mention, b: Mention) -> int:
    return max(0, b.start - a.end, a.start - b.end)


def opens_conjunct(t: Text, end: int, o: Mention) -> bool:
    """A subject after the property, right after "and"/"but"/"or" (determiners aside): it
    starts a statement of its own ("..., and a grid wastes runs"), it owns nothing before.
    Only right after: "a transformer or a BiLSTM from scratch" joins nouns, and the
    subject after them still owns the property."""
    k = o.start - 1
    while k >= end and t.lower[k] in _LEADS:
        k -= 1
    return k >= end and t.lower[k] in _JOINS


def other_conjuncts(t: Text, m: Mention, owner: Mention | None, here: bool, hi: int) -> set[int]:
    """Negators that belong to a statement of their own, joined by "and"/"but": after
    the claim's words ("routing is per token and experts don't split by subject"), or
    between the owner and a property that opens a new predicate ("DPO has no reward
    model and optimises directly"; not "does not reduce bias and variance")."""
    end = max(m.end, owner.end if here and owner else 0)
    k = next((j for j in range(end, hi) if t.lower[j] in ("and", "but")), hi)
    out = set(range(k, hi))
    if here and owner is not None and owner.end <= m.start:
        joins = [j for j in range(owner.end, m.start - 1) if t.lower[j] in ("and", "but")]
        if joins and joins[-1] + 1 != m.start:
            out |= set(range(owner.end, joins[-1]))
    return out


def manner_denied(t: Text, m: Mention, owner: Mention | None, hi: int) -> bool:
    """A manner follows the claim's words in its clause ("doesn't check the drafts one by
    one"): a negation may deny the manner, not the act, so nothing is certain."""
    words = t.lower[max(m.end, owner.end if owner else 0) : hi]
    return any(tuple(words[i : i + len(w)]) == w for w in _MANNERS for i in range(len(words)))


def own_nearer(
    t: Text,
    claim: Claim,
    m: Mention,
    owner: Mention | None,
    used: Sequence[Mention],
    mentions: Sequence[Mention],
) -> bool:
    """The claim's own subject, in the property's clause, sits nearer the property or its
    direction word (the last of `used`) than the contrasted owner does: the clause gives
    each subject its own part, so no swap is certain."""
    if owner is None:
        return False
    ci = t.clause_of[m.start]
    here = [o for o in mentions if o.name in claim.subject and t.clause_of[o.start] == ci]
    marks = (m, *used[-1:]) if claim.property_dir else (m,)
    return any(_gap(o, x) < _gap(owner, x) for o in here for x in marks)


def unpaired(t: Text, found: Sequence[Mention], partners: Mapping[str, set[str]]) -> list[Mention]:
    """Mentions in order, less those of two contrasted concepts written as one hyphenated
    word ("the bias-variance trade-off", "a precision-recall curve"): it names the pair,
    and says nothing of either."""
    paired = {
        id(x)
        for a in found
        for b in found
        if b.name in partners.get(a.name, ())
        and b.start == a.end
        and t.hyphened(a.end - 1, b.start)
        for x in (a, b)
    }
    # A word of the compound before such a noun names the pair whatever the question
    # contrasts ("bias" in "bias-variance trade-off" is not high bias).
    n = len(t.lower)

    def joined(i: int) -> bool:
        return 0 <= i < n - 1 and t.hyphened(i, i + 1)

    for m in found:
        if m.end != m.start + 1:
            continue
        first = m.start if joined(m.start) else m.start - 1 if joined(m.start - 1) else None
        if first is None or joined(first - 1) or joined(first + 1):
            continue  # one word, or a longer compound ("state-of-the-art")
        k = first + 2
        if k < n and t.lower[k] in _PAIR_NOUNS:
            paired.add(id(m))
    return sorted((m for m in found if id(m) not in paired), key=lambda m: (m.start, m.end))
