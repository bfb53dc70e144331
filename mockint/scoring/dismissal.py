"""A key point dismissed: what it names called unneeded or not worth the time ("there's no
need for a separate labelled retrieval set", "I don't bother with human review",
"standardisation is overkill"). Said of a point's concepts, that is the point said wrong,
whatever the concept: a general rule over the point's claims, not a phrase per answer.

Two shapes, each tight enough that a description of a thing is not taken for a dismissal:

- ahead: the dismissal leads and the concept follows within `REACH` words ("no need for
  X", "I'd skip X"); the words before it name no other thing ("trees don't need feature
  scaling" says what trees need, not that scaling can be dropped);
- back: the concept comes right before the dismissal ("X is overkill", "X isn't needed").

Not counted: a dismissal under a condition or a phasing ("if the data is small", "until
launch", "at first": a choice for a case, not a belief), under a second negation ("I
wouldn't say X is unnecessary"), or in a sentence that names it as a mistake.
"""

from __future__ import annotations

from collections.abc import Sequence

from mockint.scenario.bank import Claim, Question
from mockint.scenario.lexicon import load_lexicon
from mockint.scoring.claim_words import MISTAKE_WORDS
from mockint.scoring.clause_links import supposed
from mockint.scoring.clauses import Text
from mockint.scoring.mentions import Finding, Mention, find
from mockint.scoring.warned import reports_error

AHEAD = "dismiss-ahead"  # lexicon concepts (scenarios/lexicon/lexicon.toml)
BACK = "dismiss-back"
TEXT = "Calling part of this point unneeded or not worth the time."
REACH = 3  # words between "no need for" and the concept ("a separate labelled")
# Words that may stand between a person and the dismissal ("I really don't need").
_FILLERS = frozenset(
    [
        "i",
        "we",
        "you",
        "one",
        "they",
        "there",
        "it",
        "it's",
        "that's",
        "there's",
        "'d",
        "'ll",
        "really",
        "just",
        "honestly",
        "frankly",
        "probably",
        "usually",
        "generally",
        "largely",
        "mostly",
        "actually",
        "think",
        "would",
        "will",
        "can",
        "could",
    ]
)
_BETWEEN_BACK = frozenset(
    ["is", "are", "was", "were", "be", "'s", "'re", "really", "just", "honestly", "then", "also"]
)
# A choice for a case or a stage, not a belief that the thing is never needed.
_HEDGES = frozenset(
    [
        "if",
        "unless",
        "when",
        "whenever",
        "once",
        "until",
        "till",
        "while",
        "initially",
        "early",
        "upfront",
        "first",
        "yet",
        "now",
        "v1",
        "prototype",
        "mvp",
        "small",
        "tiny",
    ]
)


def dismissed(t: Text, question: Question, found: Sequence[Mention]) -> dict[str, Finding]:
    """Per key point id, the first clause that dismisses one of its bare concepts."""
    ahead = _find(t, AHEAD)
    back = _find(t, BACK)
    if not ahead and not back:
        return {}
    out: dict[str, Finding] = {}
    for kp in question.key_points:
        names = {
            c.property[0]
            for c in kp.claims
            if not c.subject and not c.property_dir and len(c.property) == 1
        }
        for m in (m for m in found if m.name in names):
            d = _ahead(t, m, ahead, found) or _back(t, m, back)
            if d is None or not _asserted(t, m, d):
                continue
            lo, hi = sorted((m, d), key=lambda x: x.start)
            spans = tuple((t.tokens[x.start].start, t.tokens[x.end - 1].end) for x in (lo, hi))
            sentence = t.clauses[t.clause_of[m.start]].sentence
            if reports_error(t, sentence, spans):
                continue
            claim = Claim(f"{m.name} -> dismissed", ("dismissed",), (m.name,))
            out[kp.id] = Finding(claim, "wrong", sentence, spans, "dismissed")
            break
    return out


def _find(t: Text, name: str) -> list[Mention]:
    return find(t, name, load_lexicon().concepts.get(name, ()))


def _ahead(t: Text, m: Mention, ds: list[Mention], found: Sequence[Mention]) -> Mention | None:
    for d in ds:
        if t.clause_of[d.start] != t.clause_of[m.start] or not 0 <= m.start - d.end <= REACH:
            continue
        lead = range(t.clauses[t.clause_of[d.start]].start, d.start)
        if any(o.start in lead for o in found) or not all(
            t.lower[k] in _FILLERS or t.negator[k] for k in lead if t.lower[k].isalpha()
        ):
            continue  # a thing before it says what that thing needs
        return d
    return None


def _back(t: Text, m: Mention, ds: list[Mention]) -> Mention | None:
    for d in ds:
        gap = range(m.end, d.start)
        if (
            t.clause_of[d.start] == t.clause_of[m.start]
            and d.start >= m.end
            and len(gap) <= 2
            and all(t.lower[k] in _BETWEEN_BACK for k in gap)
        ):
            return d
    return None


def _asserted(t: Text, m: Mention, d: Mention) -> bool:
    """Not under a condition, a phasing or a second negation."""
    c = t.clauses[t.clause_of[m.start]]
    s_lo, _ = t.sentences[c.sentence]
    own = set(range(d.start, d.end)) | set(range(m.start, m.end))
    if any(t.negator[k] for k in range(c.start, c.end) if k not in own):
        return False
    if supposed(t, c.start, c.end) or any(t.lower[k] in _HEDGES for k in range(s_lo, c.end)):
        return False
    return not any(t.keys[k] in MISTAKE_WORDS for k in range(c.start, c.end))
