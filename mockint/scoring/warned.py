"""Whether a sentence names a practice as a danger ("a classic leak is fitting the scaler
on all the data") rather than making it: the claim matcher (`mockint.scoring.claims`) does
not count a mistake described under such a warning, and the exceptions that keep a warning
word from warning ("mean squared error", "my fault", "no leakage risk"); and a frequency
hedge that keeps a mistake about an absolute from being made."""

from __future__ import annotations

from mockint.scenario.bank import Mistake
from mockint.scoring.claim_words import (
    BAD_OUTCOMES,
    DEGREES,
    ERROR_THINGS,
    FREQUENCY_HEDGES,
    GRADES,
    GROUPS,
    INSTANCE_NOUNS,
    MEASURED,
    MISTAKE_WORDS,
    ORDER,
    OTHERS,
    PERSONS,
    RESTRICTIONS,
    SMALL,
    SPEAKERS,
)
from mockint.scoring.clauses import Text
from mockint.scoring.mentions import Finding


def _error_thing(t: Text, k: int) -> bool:
    """ "error" at k names a measure or a message ("mean squared error", "returns an
    error", "error rate"), not a mistake."""
    before = t.lower[k - 1] if k else ""
    before2 = t.lower[k - 2] if k > 1 and before in ("an", "the") else ""
    after = t.lower[k + 1] if k + 1 < len(t.lower) else ""
    return before in MEASURED or before2 in MEASURED or after in ERROR_THINGS


_LABEL_NEXT = frozenset(
    {"of", "to", "include", "includes", "here", "i", "we", "people", "candidates", "that", "would"}
)
_BE = frozenset({"is", "was", "are", "were", "be", "been", "being"})
# Before "error is"/"mistake was": what makes it a name for a practice ("the mistake is").
_LABEL_BEFORE = frozenset(
    {"a", "an", "the", "one", "another", "common", "classic", "typical", "big", "biggest"}
    | {"main", "usual", "first", "real", "worst", "obvious", "subtle", "my", "our", "this"}
)


def _unlabelled_error(t: Text, k: int) -> bool:
    """ "error"/"mistake" that does not name a practice ("corrects the remaining error",
    "provider errors are transient", "so mistakes get corrected"): only a naming frame
    warns ("is a mistake", "the mistake is", "the mistake of", "a common error here",
    "mistakes people make", "Common mistakes: ...")."""
    if t.keys[k] not in ("error", "mistake"):
        return False
    ci = t.clause_of[k]
    lo, hi = t.clauses[ci].start, t.clauses[ci].end
    before = [t.lower[j] for j in range(max(lo, k - 3), k)]
    if any(w in _BE or w.endswith(("'s", "\u2019s")) for w in before):
        return False  # "is a mistake", "that's a big error"
    if k + 1 >= hi:
        return ":" not in (
            t.text[t.tokens[k].end : t.tokens[k + 1].start] if k + 1 < len(t.tokens) else ""
        )
    nxt = t.lower[k + 1]
    if nxt in _BE:
        return not (k == lo or t.lower[k - 1] in _LABEL_BEFORE)
    return nxt not in _LABEL_NEXT


_SEEM = frozenset({"look", "looks", "looked", "looking", "seem", "seems", "seemed", "sound"})


def _appearance(t: Text, k: int) -> bool:
    """ "look bad", "something's wrong", "a wrong fact": how a thing seems or a thing
    named, not a practice named as a danger."""
    if t.keys[k] not in ("bad", "wrong") or k == 0:
        return False
    before = t.lower[k - 1]
    nxt = t.lower[k + 1] if k + 1 < len(t.lower) else ""
    return (
        before in _SEEM
        or before.replace("\u2019", "'") in ("something's", "anything's")
        or (before == "a" and t.lower[k] == "wrong" and nxt.isalpha() and nxt != "move")
    )


def _wrong_things(t: Text, k: int) -> bool:
    """ "the wrong classes", "the wrong answers": things named, not a warning."""
    nxt = t.lower[k + 1] if k + 1 < len(t.lower) else ""
    return t.lower[k] == "wrong" and k > 0 and t.lower[k - 1] == "the" and nxt.endswith("s")


def _person_wrong(t: Text, k: int) -> bool:
    """ "he was wrong", "proved them wrong": a judgment of someone else, not a warning about
    the practice the sentence goes on to describe ("..., so I went to his director")."""
    if t.lower[k] != "wrong":
        return False
    back = [w for w in t.lower[max(0, k - 4) : k] if w not in DEGREES]
    if back and back[-1] in OTHERS:
        return True
    return len(back) > 1 and back[-1] in ("was", "were", "is", "are") and back[-2] in OTHERS


def _names_a_group(t: Text, k: int) -> bool:
    """ "the risk team", "the risk committee": a warning word naming who does a job, not a
    danger."""
    return k + 1 < len(t.lower) and t.lower[k + 1] in GROUPS


def _plain_classic(t: Text, k: int, words: frozenset[str]) -> bool:
    """ "the classic approach", "the classic recipe": praise, not a warning; "a classic
    mistake", "the classic leak" warn (a warning word follows), and so does "another
    classic is ..." or "a classic example", an instance of what is being discussed."""
    if t.keys[k] != "classic":
        return False
    nxt = t.keys[k + 1] if k + 1 < len(t.keys) else ""
    return nxt not in INSTANCE_NOUNS and not any(
        t.keys[j] in words for j in range(k + 1, min(k + 4, len(t.keys)))
    )


def _owned_fault(t: Text, k: int) -> bool:
    """ "my fault", "our fault": the speaker owns what the sentence describes as a
    mistake (owning it is what an interviewer wants); "QA's fault" blames, and stays."""
    return t.keys[k] == "fault" and k > 0 and t.lower[k - 1] in ("my", "our")


def _describes(t: Text, k: int, spans: tuple[tuple[int, int], ...]) -> bool:
    """The word at k qualifies the practice's own words right after it ("only come from
    bad training data"): it describes the thing, it does not warn about the practice."""
    if k + 1 >= len(t.tokens):
        return False
    at = t.tokens[k + 1].start
    return any(a <= at < b for a, b in spans)


def _dismissed(t: Text, k: int, words: frozenset[str]) -> bool:
    """A negator just before a warning word of the clause dismisses the danger ("there's
    no leakage risk", "leakage isn't a risk", "nothing wrong with"): the sentence does
    not name the practice as one, it defends it."""
    ci = t.clause_of[k]
    lo, hi = t.clauses[ci].start, t.clauses[ci].end
    return any(
        t.keys[w] in words
        and (
            any(t.negator[j] and t.lower[j] != "instead" for j in range(max(lo, w - 4), w))
            # ... or judges it small ("I judged the risk as low", "a low risk")
            or any(t.lower[j] in SMALL for j in range(max(lo, w - 1), min(hi, w + 4)))
        )
        for w in range(lo, hi)
    )


def warned(
    t: Text, sentence: int, words: frozenset[str], spans: tuple[tuple[int, int], ...] = ()
) -> bool:
    """The sentence names the practice as a danger ("a classic leak is fitting the
    scaler on all the data"), or lists it under one ("Leakage is ... Common forms:
    fitting the scaler on all the data"): describing a mistake is not making it."""
    here = [sentence] + ([sentence - 1] if sentence and t.list_head(sentence) else [])
    return any(
        (t.keys[k] in words or _owned_fault(t, k))
        and t.lower[k] not in GRADES
        and not (t.keys[k] == "error" and _error_thing(t, k))
        and not _unlabelled_error(t, k)
        and not _appearance(t, k)
        and not _wrong_things(t, k)
        and not _person_wrong(t, k)
        and not _names_a_group(t, k)
        and not _plain_classic(t, k, words)
        and not (s == sentence and _describes(t, k, spans))
        and not _dismissed(t, k, words)
        for s in here
        for k in range(*t.sentences[s])
    )


def first_token(t: Text, spans: tuple[tuple[int, int], ...]) -> int:
    """The first token of the words that made a finding."""
    return min((k for k, tok in enumerate(t.tokens) for a, _ in spans if tok.start == a), default=0)


def last_token(t: Text, spans: tuple[tuple[int, int], ...]) -> int:
    """The last token of the words that made a finding."""
    return max((k for k, tok in enumerate(t.tokens) for _, b in spans if tok.end == b), default=0)


_AUX = frozenset({"was", "were", "is", "are", "had", "has"})


def _after_relative(t: Text, first: int) -> bool:
    """The words open the clause right after a relative clause set off by commas, whose
    head before it is a thing or another person ("the pipeline, which ..., silently
    dropped"): that head is the subject."""
    ci = t.clause_of[first]
    here = t.clauses[ci]
    if ci == 0 or first - here.start > 1:
        return False
    rel = t.clauses[ci - 1]
    head = rel.start - 1
    return (
        rel.sentence == here.sentence
        and t.lower[rel.start] in ("which", "who")
        and head >= t.sentences[here.sentence][0]
        and t.lower[head].isalpha()
        and t.lower[head] not in PERSONS
    )


def by_speaker(t: Text, sentence: int, spans: tuple[tuple[int, int], ...]) -> bool:
    """The nearest person before the words that made a finding is the speaker ("I didn't
    tell them", "we shipped without asking"), not someone else ("they changed it without
    telling us", "she backed it without asking") or a thing ("a model that never flags").
    Contractions count by their pronoun ("I'd", "we've")."""
    first = first_token(t, spans)
    if _after_relative(t, first):
        return False  # "our pipeline, which was owned by them, silently dropped rows"
    for k in range(first - 1, t.sentences[sentence][0] - 1, -1):
        word = t.lower[k].split("'")[0].split("\u2019")[0]
        if word in PERSONS:
            return word in SPEAKERS
        if k == first - 1 and word in ("it", "that", "which"):
            return False  # the subject right before the words: "if it never flagged anything"
        before = t.lower[k - 1] if k else ""
        if word in _AUX and k >= first - 2 and before.isalpha() and before not in PERSONS:
            return False  # a thing right before: "a dedupe step was silently dropping"
    # No person named before them: the speaker's own plan still counts ("So my plan would be
    # to build it quietly, ..., without announcing it") ...
    if any(t.lower[k] in ("my", "our") for k in range(t.sentences[sentence][0], first)):
        return True
    # ... and an opening phrase takes the subject of the clause after it ("Without looping
    # in her team, I turned it on").
    opener = t.clauses[t.clause_of[first]]
    if opener.start != t.sentences[sentence][0] or t.clause_of[first] + 1 >= len(t.clauses):
        return False
    after = t.clauses[t.clause_of[first] + 1]
    return after.sentence == sentence and t.lower[after.start].split("'")[0] in SPEAKERS


def only_when(t: Text, spans: tuple[tuple[int, int], ...]) -> bool:
    """ "only" opening a condition after the words that made a finding ("I'd train from
    scratch only with a huge dataset"): a rare case is named, not a habit, so a mistake
    about what one does by default is not made."""
    last = last_token(t, spans)
    end = t.clauses[t.clause_of[last]].end
    if any(
        t.lower[k] == "only" and t.lower[k + 1] in RESTRICTIONS for k in range(last + 1, end - 1)
    ):
        return True
    # ... or "only" before or among the words and the condition right after them ("I'd
    # only train from scratch when the data is unusual").
    first = first_token(t, spans)
    start = t.clauses[t.clause_of[first]].start
    return any(t.lower[j] == "only" for j in range(max(start, first - 3), last)) and any(
        t.lower[k] in RESTRICTIONS for k in range(last + 1, min(end, last + 3))
    )


def instructs(t: Text, spans: tuple[tuple[int, int], ...]) -> bool:
    """The words end in "ask"/"tell" and a "to" follows the person ("I didn't ask them to
    slow down"): a request or an order, not whether people were consulted or told."""
    last = last_token(t, spans)
    if t.keys[last] not in ("ask", "tell"):
        return False
    end = t.clauses[t.clause_of[last]].end
    return any(t.lower[k] == "to" for k in range(last + 2, min(end, last + 4)))


def judged_bad(t: Text, spans: tuple[tuple[int, int], ...]) -> bool:
    """The clause goes on to say the statement's practice turns out badly ("leaving dropout
    on at inference gives noisy, worse predictions"): it warns, it does not recommend."""
    last = last_token(t, spans)
    end = t.clauses[t.clause_of[last]].end
    return any(t.lower[k] in BAD_OUTCOMES for k in range(last + 1, end))


def frequency_hedged(t: Text, spans: tuple[tuple[int, int], ...]) -> bool:
    """A frequency word just before the words that made a finding ("pieces that are often
    whole words"): said of some cases, it does not make a mistake about an absolute ("a
    token is always a whole word")."""
    if not spans:
        return False
    # Just before the words, or between them ("one number might be a single token").
    first, last = first_token(t, spans), last_token(t, spans)
    return any(
        t.lower[j] in FREQUENCY_HEDGES and not t.negator[j + 1]  # not "may never"
        for j in range(max(0, first - 2), last)
    )


def reports_error(t: Text, sentence: int, spans: tuple[tuple[int, int], ...] = ()) -> bool:
    """The sentence reports a wrong belief or a bad practice rather than holding it: it names
    it as a mistake ("a classic mistake is to think bagging reduces bias"), lists it among
    instances of what is discussed ("Other common forms: fitting the scaler on all the
    data"), or its clause says the practice turns out badly (`judged_bad`)."""
    return (
        warned(t, sentence, MISTAKE_WORDS)
        or t.lists_instances(sentence)
        or (bool(spans) and judged_bad(t, spans))
    )


def not_just(t: Text, spans: tuple[tuple[int, int], ...]) -> bool:
    """A negator inside the mistake's words followed by "just" or "only" ("I didn't just
    tell her why"): more was done, not less, so the mistake is not made."""
    first, last = first_token(t, spans), last_token(t, spans)
    return any(
        t.negator[k] and t.lower[k + 1] in ("just", "only", "merely", "simply")
        for k in range(first, min(last, len(t.lower) - 1))
    )


def timed(t: Text, f: Finding, mistake: Mistake) -> bool:
    """The mistake's last words come right after "before"/"after"/"until" ("a test set
    split off before any tuning"): they date the act, they are not its object. Unless the
    mistake is about that order ("resampling -> split before")."""
    if mistake.claim is not None and mistake.claim.property_dir in ORDER:
        return False
    spans = f.spans
    last_start = next(k for k, tok in enumerate(t.tokens) if tok.start == spans[-1][0])
    lo = max(0, last_start - 2)
    return any(t.lower[k] in ("before", "after", "until", "prior") for k in range(lo, last_start))


_PRESSURES = frozenset({"pressure", "push", "temptation", "request", "demand"})
_WISHES = frozenset({"want", "wanted", "wants", "ask", "asked", "urge", "urged", "push", "pushed"})


def wished(t: Text, spans: tuple[tuple[int, int], ...]) -> bool:
    """The act is what someone else wanted or pressed for ("pressure came in week two to
    skip shadow mode", "the operations team wanted to use it without human review"), in
    the same clause before the words: a wish reported, not the act done."""
    return any(_wished_before(t, first_token(t, (span,))) for span in spans)


def _wished_before(t: Text, first: int) -> bool:
    lo = t.clauses[t.clause_of[first]].start
    for k in range(first - 1, max(lo, first - 12) - 1, -1):
        if t.lower[k] in _PRESSURES and "to" in t.lower[k + 1 : first]:
            return True
        if t.lower[k] in _WISHES and "to" in t.lower[k + 1 : first]:
            # The speaker's own wish is the act ("I mostly want to get away from ...").
            who = [t.lower[j].split("'")[0] for j in range(max(0, k - 3), k)]
            return not SPEAKERS & set(who)
    return False


def not_the_act(t: Text, f: Finding, mistake: Mistake) -> bool:
    """The words are there but do not do the mistake's act: a request ("ask them to"),
    more than the act ("not just"), a date for it ("before any tuning") or another's wish
    for it ("they wanted to ship it without review")."""
    return (
        instructs(t, f.spans) or not_just(t, f.spans) or timed(t, f, mistake) or wished(t, f.spans)
    )
