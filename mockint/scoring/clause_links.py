"""How the clauses of one sentence join into one statement, for the claim matcher
(`mockint.scoring.claims`): a condition and its consequence, a purpose and its action, a
relative or widening clause, a pronoun or a back-reference to what was named before, and
what only compares or is an object. Each is a question about an answer's `Text`."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import pairwise

from mockint.scenario.bank import Claim
from mockint.scenario.lexicon import Relation
from mockint.scoring.claim_words import (
    ARTICLES,
    BACK_REFERENCES,
    BEATS,
    CONDITIONS,
    CONSEQUENCES,
    COORDINATORS,
    COPULAS,
    DEMONSTRATIVES,
    EXAMPLE_OPENERS,
    EXTENDERS,
    FLEE,
    GENERIC_YOU,
    KEPT_APART,
    NAIVE,
    ONLY_WORDS,
    PRONOUNS,
    PUT_ASIDE,
    RELATIVES,
    SETTINGS,
    SUBORDINATORS,
    YARDSTICKS,
)
from mockint.scoring.clauses import Text
from mockint.scoring.lemmas import lemma
from mockint.scoring.mentions import Finding, Mention, find


def pronoun_led(t: Text, start: int, owner: Mention | None) -> bool:
    """The clause starts with a pronoun before its owner ("It rewrites the RLHF
    objective as a simple loss"): the pronoun is the subject and the named concept is
    probably an object, so a swap is not certain."""
    return owner is not None and start < owner.start and t.lower[start] in PRONOUNS


def compared(t: Text, o: Mention) -> bool:
    """`o` is what something is compared against ("more robust than bagging", "cut stockouts
    by 18% versus the baseline") or what it wins over ("usually beats neural nets on
    tables"): like an aside, it owns no property."""
    lo = max(t.clauses[t.clause_of[o.start]].start, o.start - 3)  # "than a neat grid"
    return any(
        w in YARDSTICKS or t.keys[k] in BEATS for k, w in enumerate(t.lower[lo : o.start], lo)
    )


_CHANGES = frozenset(
    lemma(w)
    for w in ("raising", "lowering", "increasing", "decreasing", "reducing", "cutting")
    + ("dropping", "pushing", "bumping", "moving", "raise", "lower", "increase", "reduce")
)


def pronoun(
    t: Text,
    mentions: Sequence[Mention],
    owner: Mention,
    m: Mention,
    subjects: set[str],
    found: Sequence[Mention] = (),
) -> bool:
    """The property's clause refers back to `owner`, named earlier in the same
    sentence (or in the one before, when this one opens with the pronoun), by a
    pronoun ("accuracy is easy to explain, so I made it the headline metric"), and
    names no subject of its own (other properties may sit beside it: "so that's where
    I do tuning and model selection"). Used for mistakes only: for
    swaps and directions it faulted right answers ("bagging reduces variance, and it
    works best with high-variance trees"). `found`: every concept the answer names."""
    clause = t.clauses[t.clause_of[m.start]]
    gap = clause.sentence - t.clauses[t.clause_of[owner.start]].sentence
    # The sentence before counts when this one opens with the pronoun ("It needs no ..."),
    # or when it opens with the owner, its topic ("Warmup is for ... With Adam you don't
    # need it").
    pa = t.sentences[clause.sentence - 1][0] if gap == 1 else 0
    topic = gap == 1 and all(t.lower[k] in ARTICLES for k in range(pa, owner.start))
    if gap > 1 or (
        gap == 1 and t.lower[t.sentences[clause.sentence][0]] not in PRONOUNS and not topic
    ):
        return False
    if gap == 1 and subordinate(t, owner):
        return False
    if any(clause.start <= o.start < clause.end for o in mentions if o.name in subjects):
        return False
    # Another concept that opens the owner's sentence is its subject, and what a
    # pronoun later in it most likely means ("The scores are divided by the square root ..., so
    # they become weights that sum to one").
    a = t.sentences[t.clauses[t.clause_of[owner.start]].sentence][0]
    opening = [o for o in found if a <= o.start < t.clauses[t.clause_of[a]].end]
    subject = (  # "The scores are ...", not "For the operating point, ..."
        opening[0]
        if opening and all(t.lower[k] in ARTICLES for k in range(a, opening[0].start))
        else None
    )
    if subject is not None and subject.end <= owner.start and subject.name != owner.name:
        return False
    refer = PRONOUNS | DEMONSTRATIVES  # "..., but that's mostly unnecessary"
    ks = [k for k in range(clause.start, clause.end) if t.lower[k] in refer]
    # "Raising the threshold ...; lowering it ...": the pronoun is the thing, not the
    # change the owner's words make to it.
    changed = any(lemma(t.lower[j]) in _CHANGES for j in range(owner.start, owner.end))
    return any(not (changed and k and lemma(t.lower[k - 1]) in _CHANGES) for k in ks)


def back_reference(
    t: Text, mentions: Sequence[Mention], owner: Mention, m: Mention, subjects: set[str]
) -> bool:
    """The property's sentence opens by pointing back ("There I'd favour recall", "It
    reduces bias") to the sentence before, whose only subject is `owner`, and names
    no subject itself: one statement across the full stop."""
    clause = t.clauses[t.clause_of[m.start]]
    a = t.sentences[clause.sentence][0]
    if clause.start != a or t.lower[a] not in BACK_REFERENCES:
        return False
    if t.clauses[t.clause_of[owner.start]].sentence != clause.sentence - 1:
        return False
    pa = t.sentences[clause.sentence - 1][0]
    if subordinate(t, owner):
        return False
    named = [o for o in mentions if o.name in subjects and pa <= o.start < clause.end]
    return all(o.name == owner.name and o.start < a for o in named)


def extends(t: Text, owner: Mention, m: Mention) -> bool:
    """The property's clause widens what the sentence said of `owner` before it
    ("a random shuffle of all the rows, including for time-based data"): for
    mistakes, one statement."""
    clause = t.clauses[t.clause_of[m.start]]
    return (
        t.lower[clause.start] in EXTENDERS
        and owner.end <= clause.start
        and t.clauses[t.clause_of[owner.start]].sentence == clause.sentence
    )


def condition(t: Text, owner_clause: int, ci: int) -> bool:
    """The owner's clause is the condition of this one ("if the model can't see the
    group, it can't discriminate"), or this one is a relative clause on it ("fine-tune
    it on our facts, which change weekly"): one statement, so it may be said wrong."""
    cond, here = t.clauses[owner_clause], t.clauses[ci]
    opener = t.lower[cond.start]
    # A setting ("with the cache, ...") governs what follows only where it leads; mid-
    # sentence ("..., with a KL penalty keeping it close to the SFT model, like ...") it
    # belongs to what came before.
    setting = opener in CONDITIONS and (opener not in SETTINGS or leads(t, owner_clause))
    if owner_clause < ci - 1 and opener in CONDITIONS - SETTINGS and leads(t, owner_clause):
        # A leading condition may go on in a clause joined without a comma ("if training
        # error is low but validation error is high, ..."); it governs its main clause and
        # the consequences chained to it ("..., fewer get flagged, so precision goes up").
        main = owner_clause + 1
        while main < ci and t.lower[t.clauses[main].start] in COORDINATORS:
            if (
                ","
                in t.text[
                    t.tokens[t.clauses[main].start - 1].end : t.tokens[t.clauses[main].start].start
                ]
            ):
                break
            main += 1
        return all(
            c.sentence == cond.sentence and t.lower[c.start] in CONSEQUENCES
            for c in t.clauses[main + 1 : ci + 1]
        )
    return (
        owner_clause == ci - 1
        and cond.sentence == here.sentence
        and (setting or t.lower[here.start] in RELATIVES)
    )


def leading_purpose(t: Text, owner_clause: int, ci: int) -> bool:
    """The owner's clause is a purpose or a time that opens the sentence and this one
    its action ("To keep checkpoints small, I'd save only the weights", "as training
    goes on, I raise the rate"): for mistakes, one statement."""
    here = t.clauses[ci]
    return (
        owner_clause == ci - 1
        and t.clauses[owner_clause].sentence == here.sentence
        and t.lower[t.clauses[owner_clause].start] in ("to", "as")
        and leads(t, owner_clause)
    )


def consequence(t: Text, owner_clause: int, ci: int) -> bool:
    """This clause states the consequence of the owner's, just before it ("we hashed the
    names, so the data was anonymous"): for mistakes, one statement."""
    cause, here = t.clauses[owner_clause], t.clauses[ci]
    return (
        owner_clause == ci - 1
        and cause.sentence == here.sentence
        and t.lower[here.start] in CONSEQUENCES
    )


def purpose(t: Text, ci: int, owner_clause: int, openers: frozenset[str]) -> bool:
    """This clause, opened by one of `openers`, states the purpose or the problem of
    the next one, which names the owner ("to reduce variance, use a bigger model"
    says a bigger model reduces variance; "if it overfits, add dropout")."""
    here = t.clauses[ci]
    return (
        owner_clause == ci + 1
        and t.clauses[owner_clause].sentence == here.sentence
        and t.lower[here.start] in openers
        and leads(t, ci)
    )


def leads(t: Text, ci: int) -> bool:
    """Clause `ci` opens its sentence, or follows only an opening setting ("For a
    small dataset, to reduce variance, ..."): a purpose or a condition said there
    governs what follows; said mid-sentence ("..., to produce responses the reward
    model scores highly, with a KL penalty ...") it belongs to what came before."""
    here = t.clauses[ci]
    if here.start == t.sentences[here.sentence][0]:
        return True
    if ":" in t.text[t.tokens[here.start - 1].end : t.tokens[here.start].start]:
        return True  # "...what people assume: as training goes on, I raise it"
    before = t.clauses[ci - 1]
    return (
        before.sentence == here.sentence
        and before.start == t.sentences[here.sentence][0]
        and t.lower[before.start] in CONDITIONS
    )


def set_aside(t: Text, lo: int, hi: int, own: frozenset[int] | set[int] = frozenset()) -> bool:
    """Tokens lo..hi (a clause) keep a practice away from what it must not touch ("a test
    set kept separate from tuning"), reject it ("filtering after generation is too late",
    "so plain data parallelism is out") or only suppose it ("if you tune on the test set,
    ..."): for mistakes, the practice is not made. Tokens in `own` are the practice's own
    words ("too much of a perfectionist"): they set nothing aside."""
    if supposed(t, lo, hi):
        return True
    for k in range(lo, hi):
        w, nxt = t.lower[k], t.lower[k + 1] if k + 1 < hi else ""
        # "kept away from tuning" sets a practice apart; "get away from my team" is a move.
        if (
            w in KEPT_APART
            and nxt == "from"
            and k not in own
            and not (k > lo and t.keys[k - 1] in FLEE)
        ):
            return True
        if w == "too" and nxt and k not in own:  # "too late", not "X too"
            return True
        if w == "out" and k > lo and t.keys[k - 1] in PUT_ASIDE and nxt != "of":
            return True
    return False


# A verb that starts a statement of its own after "and" ("can't be stored and gets mapped
# to ..."), unlike the bare verb that shares a negation ("never fit ... and tune ...").
_FINITE = frozenset(
    [
        "is",
        "are",
        "was",
        "were",
        "gets",
        "got",
        "becomes",
        "became",
        "ends",
        "ended",
        "goes",
        "went",
        "has",
        "had",
    ]
)


def fresh_start(t: Text, lo: int, at: int) -> int:
    """Where the statement holding token `at` starts in lo..at: after the last "and"/"but"
    followed by a finite verb, so a negation before it does not reach a mistake after it."""
    for k in range(at - 1, lo, -1):
        if t.lower[k] in ("and", "but") and k + 1 < at and t.lower[k + 1] in _FINITE:
            return k + 1
    return lo


def relative_negators(t: Text, lo: int, hi: int) -> set[int]:
    """Negators in a relative clause after the pair ("behaviour that prompting can't make
    reliable"): they negate that clause's verb, not the claim."""
    rel = next((k for k in range(lo, hi) if t.lower[k] in ("that", "which", "who", "where")), hi)
    return {k for k in range(rel, hi) if t.negator[k]}


def new_verb_between(t: Text, f: Finding, mentions: Sequence[Mention]) -> bool:
    """The act that makes a mistake and its object are split by "and" and a new verb ("we
    dropped the custom dashboard and used our monitoring"): two acts, each with its own
    object. Only when the act (the property) comes first: "RMSE squares the errors and is
    robust" says both of one subject."""
    spans = f.spans
    first = next((m for m in mentions if t.tokens[m.start].start == spans[0][0]), None)
    if first is None or first.name not in f.claim.property:
        return False
    starts = [k for k, tok in enumerate(t.tokens) if spans[0][1] <= tok.start < spans[-1][0]]
    return any(
        t.lower[k] in ("and", "but")
        and k + 1 < len(t.lower)
        and (t.lower[k + 1] in _FINITE or _past(t.lower[k + 1]))
        for k in starts
    )


def _past(word: str) -> bool:
    """A past form ("used", "dropped"): ends in "ed" and is not its own lemma, as "need",
    "speed" and "seed" are."""
    return word.endswith("ed") and lemma(word) != word


def supposed(t: Text, lo: int, hi: int) -> bool:
    """The clause lo..hi opens with "if you" ("if you tune on the test set, it stops
    being unbiased", "so if you skip the split, ...") or "otherwise": it supposes what
    anyone might do, or what would happen if not, so it is neither a mistake made nor a
    claim said wrong. "If I
    did it again I'd change nothing" and "if the output is checked, ..." still assert."""
    head = t.lower[lo : min(hi, lo + 3)]
    if head and head[0] == "otherwise":
        return True  # "..., otherwise it games the scorer": what would happen if not
    if any(a == "if" and b in GENERIC_YOU for a, b in pairwise(head)):
        return True
    # "if we just used accuracy, ...", "if I naively tuned on the test set, ...": a move
    # supposed to show what would go wrong, not one made.
    return len(head) == 3 and head[0] == "if" and head[1] in ("we", "i") and head[2] in NAIVE


def topic_pronouns(
    t: Text,
    topic: Text,
    concepts: Mapping[str, Sequence[str]],
    relations: Mapping[str, Relation],
    claims: Sequence[Claim],
    found: Sequence[Mention],
) -> list[Mention]:
    """ "For a support bot I'd keep it low": "it" right by a word of amount stands for the
    one quantity the question asks about (named in the prompt, and the property of a claim
    with a direction), once the answer has named it."""
    names = {
        p
        for c in claims
        if c.property_dir in ("up", "down")
        for p in c.property
        if find(topic, p, concepts.get(p, ()))
    }
    if len(names) != 1 or "up" not in relations or "down" not in relations:
        return []
    name = names.pop()
    first = min((m.start for m in found if m.name == name), default=None)
    if first is None:
        return []
    spans = [d for r in ("up", "down") for d in find(t, r, relations[r].words)]
    before = {d.end - 1 for d in spans}
    after = {d.start: d.end for d in spans}
    last = len(t.lower) - 1

    def predicate(k: int) -> bool:
        # "keep it low", "it goes down for support": the amount ends its phrase; in "give it
        # more examples" it grades the noun after it, and "it" is not the quantity.
        e = after[k]
        return e > last or t.clause_of[e] != t.clause_of[k] or t.lower[e] in _ENDS

    return [
        Mention(name, k, k + 1)
        for k in range(first + 1, len(t.lower))
        if t.lower[k] == "it"
        and (k - 1 in before or (k + 1 in after and predicate(k + 1)))
        and t.clause_of[k] == t.clause_of[min(k + 1, last)]
    ]


# Words that end an amount's phrase after "keep it low": what follows is not its noun.
_ENDS_TEXT = "and but so or to for than enough because since in at on if when while as with"
_ENDS = frozenset(_ENDS_TEXT.split())


def parallel_ones(
    t: Text, relations: Mapping[str, Relation], found: Sequence[Mention]
) -> list[Mention]:
    """ "A low temperature sharpens it and a high one flattens it": "one" after a word of
    amount stands for the concept that an amount word graded earlier in the sentence."""
    if "up" not in relations or "down" not in relations:
        return []
    amounts = {d.end - 1: d for r in ("up", "down") for d in find(t, r, relations[r].words)}
    out = []
    for k in range(1, len(t.lower)):
        if t.lower[k] not in ("one", "ones") or k - 1 not in amounts:
            continue
        sent = t.clauses[t.clause_of[k]].sentence
        graded = [
            m
            for m in found
            if m.end <= amounts[k - 1].start
            and m.start - 1 in amounts
            and t.clauses[t.clause_of[m.start]].sentence == sent
        ]
        if graded:
            out.append(Mention(graded[-1].name, k, k + 1))
    return out


def not_only(t: Text, m: Mention) -> bool:
    """ "not just AUC" negates a concept worded "just AUC", though "not just" alone affirms
    what follows ("not only X but also Y")."""
    return m.start > 0 and t.lower[m.start - 1] == "not" and t.lower[m.start] in ONLY_WORDS


def completes(t: Text, owner_clause: int, ci: int) -> bool:
    """The owner's clause stops at its verb and this one says what it is ("Recall is, of
    everything the model flagged, the share that was fraud"): one statement."""
    owner = t.clauses[owner_clause]
    return (
        owner_clause == ci - 1
        and owner.sentence == t.clauses[ci].sentence
        and t.lower[owner.end - 1] in COPULAS
    )


def outweighed(
    t: Text,
    m: Mention,
    owner: Mention | None,
    f: Finding,
    judged: Sequence[tuple[Mention, Mention | None, Finding]],
    own_p: set[str],
) -> bool:
    """One subject given both the property and its contrast in one sentence ("recall: of
    all the fraud, how much we flagged") is a definition with two parts: the part after
    "of"/"out of"/"among" (the denominator) decides, else neither does."""
    if owner is None or f.claim.property_dir:
        return False  # with directions, "raises bias and lowers variance" is two claims
    rivals = [
        m2
        for m2, o2, f2 in judged
        if o2 == owner and f2.sentence == f.sentence and (m2.name in own_p) != (m.name in own_p)
    ]
    if not rivals:
        return False
    return not (_of_marked(t, m) and not any(_of_marked(t, m2) for m2 in rivals))


def _of_marked(t: Text, m: Mention) -> bool:
    return bool({"of", "among", "amongst"} & set(t.lower[max(0, m.start - 3) : m.start]))


def subordinate(t: Text, owner: Mention) -> bool:
    """`owner` sits in a clause that only qualifies its sentence ("..., meaning how much the
    model changes each time it learns from a batch"): a pronoun opening the next sentence
    does not reach it."""
    k = t.clauses[t.clause_of[owner.start]].start
    first = t.lower[k]
    return k < owner.start and (first.endswith("ing") or first in RELATIVES | SUBORDINATORS)


def interrupted(t: Text, owner_clause: int, ci: int) -> bool:
    """An example set between commas splits one clause in two ("anything outside its
    characters, like an emoji, gets mapped to the unknown token"): one statement."""
    if owner_clause != ci - 2:
        return False
    middle = t.clauses[ci - 1]
    return (
        t.clauses[owner_clause].sentence == t.clauses[ci].sentence == middle.sentence
        and t.lower[middle.start] in EXAMPLE_OPENERS
    )
