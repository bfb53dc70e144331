"""Whether an answer makes each key point's claims, says them wrong, or makes a known
mistake: clause by clause, on lemmas, by general rules over the claim's structure.

A claim is `SUBJECT [DIR] -> PROPERTY [DIR]` (see `mockint.scenario.bank.Claim`). The answer
is cut into sentences and clauses (`mockint.scoring.clauses`); concepts are found by any of
their wordings, word by word on lemmas ("kept aside" finds "keeping some data aside": up to
two other words may sit between the words of a wording, inside one clause). Then, for
every place a clause names the property (or a concept contrasted with it):

1. The property's *owner* is the nearest subject (or contrasted subject) before it in the
   clause, else after it; else the last one named earlier in the sentence, else in the
   sentence before ("Bagging trains in parallel. It reduces variance."). Asides ("unlike
   L2", "rather than accuracy") and what is compared against ("than MAE") never own a
   property.
2. Each of these inverts the statement: the owner is the contrasted concept (a swap: "L2
   gives exactly-zero weights"); the property is the contrasted one ("boosting reduces
   variance"); a negator near the pair ("never", "does not", "no", "without", "almost
   never", "is not needed", "avoid": counted, so "don't skip" affirms); a direction word
   nearest the property or subject is the opposite of the claim's (with/against,
   up/down, before/after: "step in the direction of the gradient"). A negation together
   with an inverted direction ("does not fix high bias") concludes nothing.
3. No inversion (or two directions inverted together, "less capacity raises bias"): the
   claim is *made*. One inversion: it is *said wrong*, except a swap in a clause that
   marks the property as shared ("also", "too", "both"), and only when subject and
   property are in one clause, or in a condition or a cause and its consequence ("if
   X, Y", "because X, Y"). An owner from another clause may credit a claim, never fault
   it: pronouns as links and clauses joined by commas both faulted right answers ("bagging
   reduces variance, and it works best with high-variance trees"); a mistake alone may take its subject through
   "it"/"them" from earlier in the sentence ("..., so I made it our headline metric").
   Two or more inversions: nothing is concluded (a double negative or "L2 does not zero
   weights" says nothing certain about L1).

A claim with a direction is made only when a direction word is said (a superlative, "where
it was lowest", names a point and faults nothing); a concept alone ("baseline") is made when
named and not negated, never said wrong ("no vertical flips" is too often right). A mistake's
claim made in one clause is an error of the key point it names, unless its sentence names
the practice as a danger ("a classic leak is ...": `WARNINGS`) or lists it under one.

What this cannot judge: anything beyond one sentence (an argument built across a
paragraph), sarcasm or hypotheticals ("some people would tune on the test set"), whether a
figure is right, whether an example fits, and wordings the lexicon lacks.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from mockint.scenario.bank import Claim, Mistake
from mockint.scenario.bank_terms import is_generic
from mockint.scenario.lexicon import Relation, load_lexicon
from mockint.scoring import attachment as attach
from mockint.scoring.claim_words import (
    ABSOLUTES,
    AFTER_PHRASE_NEGATORS,
    NEG_REACH,
    NEG_STOPS,
    ORDER,
    PHRASAL_PARTICLE_VERBS,
    PURPOSE,
    REMEDY,
    SWITCHES,
    WARNINGS,
)
from mockint.scoring.clause_links import (
    back_reference,
    compared,
    completes,
    condition,
    consequence,
    extends,
    fresh_start,
    interrupted,
    leading_purpose,
    leads,
    new_verb_between,
    not_only,
    outweighed,
    parallel_ones,
    pronoun,
    pronoun_led,
    purpose,
    relative_negators,
    set_aside,
    supposed,
    topic_pronouns,
)
from mockint.scoring.clauses import Text
from mockint.scoring.countered import countered_flip
from mockint.scoring.direction_words import (
    acts,
    comparative,
    compound,
    described,
    elliptic,
    graded,
    judged_as_loss,
    nearest,
    shares,
    superlative,
    yardstick,
)
from mockint.scoring.lemmas import synonym_keys
from mockint.scoring.mentions import Finding, Mention, described_subjects, find, outermost
from mockint.scoring.warned import (
    by_speaker,
    frequency_hedged,
    not_the_act,
    only_when,
    reports_error,
    warned,
)


class Analysis:
    """An answer analysed for one question: its concepts and directions found once."""

    def __init__(
        self,
        answer: str,
        concepts: Mapping[str, Sequence[str]],
        contrasts: Sequence[Sequence[str]],
        relations: Mapping[str, Relation] | None = None,
        prompt: str = "",
        claims: Sequence[Claim] = (),
    ) -> None:
        lexicon = load_lexicon()
        self.text = Text(answer, synonym_keys(lexicon.synonyms))
        # What the question asks about: a subject it names may be left implicit.
        self.topic = Text(prompt, synonym_keys(lexicon.synonyms))
        # Properties the question gives to more than one subject (tuning: to the
        # validation set, and as a mistake to the test set): without an owner, ambiguous.
        owners: dict[str, set[tuple[str, ...]]] = {}
        for c in claims:
            for p in c.property:
                owners.setdefault(p, set()).add(c.subject)
        self.disputed = {p for p, subjects in owners.items() if len(subjects) > 1}
        self.relations = relations if relations is not None else lexicon.relations
        self.concepts = concepts
        inverse = lexicon.inverse
        found = [
            m
            for name, ws in concepts.items()
            for m in find(self.text, name, ws, inverse.get(name, ()))
        ]
        self._dirs: dict[str, list[Mention]] = {}
        found += topic_pronouns(self.text, self.topic, concepts, self.relations, claims, found)
        found += parallel_ones(self.text, self.relations, found)
        self.mentions: list[Mention] = []  # those of the claim being judged
        self.partners: dict[str, set[str]] = {}
        for group in contrasts:
            for name in group:
                self.partners.setdefault(name, set()).update(n for n in group if n != name)
        self.found = attach.unpaired(self.text, found, self.partners)  # sorted
        self._starts = {m.start for m in self.found}

    def directions(self, name: str) -> list[Mention]:
        if name not in self._dirs:
            rel, t = self.relations[name], self.text
            self._dirs[name] = [
                d
                for d in find(t, name, rel.words)
                if not (
                    d.end - d.start == 1
                    and d.start > 0
                    and (
                        (
                            t.lower[d.start] in ("up", "down")
                            and t.keys[d.start - 1] in PHRASAL_PARTICLE_VERBS
                        )
                        # "a few hundred examples": an amount, not fewer of anything
                        or (t.lower[d.start] in ("few", "little") and t.lower[d.start - 1] == "a")
                    )
                )
            ]
        return self._dirs[name]

    def contrasted(self, names: Sequence[str]) -> set[str]:
        out: set[str] = set()
        for n in names:
            out |= self.partners.get(n, set())
        return out - set(names)

    # ---- one claim ---------------------------------------------------------------------

    def findings(self, claim: Claim, strict: bool = False) -> list[Finding]:
        """Every clause that makes `claim` or says it wrong. `strict` (for mistakes): a
        negation anywhere near a bare concept voids it, after it as well as before."""
        if claim.subject and not claim.subject_dir and not strict and self._unnamed(claim):
            # An answer in plain words describes the thing the question asks about
            # instead of naming it ("the second way trains a separate scoring model"):
            # when the prompt names the subject, the answer names neither it nor
            # anything contrasted with it, and the question gives the property to no
            # other subject, the property alone credits the claim; it can fault
            # nothing, having no owner to swap or negate.
            bare = replace(claim, subject=())
            # Generic words alone ("learning from", "cost") show nothing without an owner.
            return [
                replace(f, claim=claim)
                for f in countered_flip(self.text, self._findings(bare, strict))
                if f.status == "made"
                and not is_generic(" ".join(self.text.text[a:b] for a, b in f.spans))
            ]
        return countered_flip(self.text, self._findings(claim, strict))

    def _unnamed(self, claim: Claim) -> bool:
        names = set(claim.subject) | self.contrasted(claim.subject)
        if any(m.name in names for m in self.found) or set(claim.property) & self.disputed:
            return False
        return any(find(self.topic, n, self.concepts.get(n, ())) for n in claim.subject)

    def _findings(self, claim: Claim, strict: bool) -> list[Finding]:
        own_p, other_p = set(claim.property), self.contrasted(claim.property)
        own_s, other_s = set(claim.subject), self.contrasted(claim.subject)
        # Only the claim's concepts take part, the longest wording winning where they
        # overlap ("test set" over "test"); other concepts do not hide them.
        names = own_p | other_p | own_s | other_s
        self.mentions = outermost(
            described_subjects(self.found, names, own_s, other_s, (own_p | other_p) - other_s)
        )
        # One word found as both a subject and a property ("the draft" and "drafts" share a
        # lemma) names the subject: as a property it made its neighbour the owner.
        subj_spans = {(m.start, m.end) for m in self.mentions if m.name in own_s | other_s}
        self.mentions = [
            m
            for m in self.mentions
            if m.name in own_s | other_s or (m.start, m.end) not in subj_spans
        ]
        judged: list[tuple[Mention, Mention | None, Finding]] = []
        for m in self.mentions:
            if m.name not in own_p | other_p:
                continue
            clause = self.text.clauses[self.text.clause_of[m.start]]
            # The contrast only as a yardstick ("richer than a one-hot label"), or a compound
            if (
                clause.aside
                or (m.name in other_p and compared(self.text, m))
                or compound(self.text, m, clause.end, claim.property_dir)
            ):
                continue
            # A remedy ("if it overfits, add dropout") only says which way a property goes.
            ahead = PURPOSE | REMEDY if claim.property_dir in ("up", "down") else PURPOSE
            owner = self._owner(m, own_s | other_s, ahead) if claim.subject else None
            f = self._judge(claim, m, owner, m.name in other_p, other_s, strict)
            if f is not None:
                judged.append((m, owner, f))
        return [
            f
            for m, o, f in judged
            if not outweighed(self.text, m, o, f, judged, own_p)
            and not (f.status == "wrong" and reports_error(self.text, f.sentence, f.spans))
        ]

    def _owner(self, m: Mention, names: set[str], ahead: frozenset[str]) -> Mention | None:
        t = self.text
        ci = t.clause_of[m.start]
        same = [
            o
            for o in self.mentions
            if o.name in names
            and t.clause_of[o.start] == ci
            and (o.end <= m.start or o.start >= m.end)
            and not compared(t, o)
        ]
        before = [o for o in same if o.end <= m.start]
        after = [o for o in same if not attach.opens_conjunct(t, m.end, o)]  # before wins
        if before or after:
            return (before[-1:] or after)[0]
        clause = t.clauses[ci]
        if t.lower[clause.start] in ahead and leads(t, ci):  # "to reduce variance, use ..."
            after = [o for o in self.mentions if o.name in names and t.clause_of[o.start] == ci + 1]
            if after and t.clauses[ci + 1].sentence == clause.sentence:
                return after[0]
        earlier = [
            o
            for o in self.mentions
            if o.name in names
            and o.end <= m.start
            and not compared(t, o)
            and not t.clauses[t.clause_of[o.start]].aside
            and t.clauses[t.clause_of[o.start]].sentence >= clause.sentence - 1
        ]
        return earlier[-1] if earlier else None

    def _direction(
        self, name: str, at: Mention, clause: int, taken: set[int], rival: Mention | None
    ) -> tuple[bool | None, Mention | None]:
        """The direction word nearest `at` in its clause: True = as claimed, False = the
        opposite, None = none said. Words nearer `rival` (the other end) are left to it."""
        rel = self.relations[name]
        t = self.text
        cands = [
            (d, d.name == name)
            for d in (*self.directions(name), *self.directions(rel.opposite))
            if t.clause_of[d.start] == clause
            and taken.isdisjoint(range(d.start, d.end))
            # Not a direction: what the concept switches ("dropout switches off units"),
            # or a switch inside its own wording ("randomly switch off" for dropout).
            and not (name in SWITCHES and (acts(t, at, d) or at.start <= d.start < at.end))
        ]
        return nearest(t, cands, at, rival, self._starts, self.found)

    def _judge(
        self,
        claim: Claim,
        m: Mention,
        owner: Mention | None,
        p_swap: bool,
        other_s: set[str],
        strict: bool = False,
    ) -> Finding | None:
        t = self.text
        ci = t.clause_of[m.start]
        clause = t.clauses[ci]
        s_swap = False
        if claim.subject:
            if owner is None:
                return None
            s_swap = owner.name in other_s
        owner_here = owner is not None and (
            t.clause_of[owner.start] == ci
            or condition(t, t.clause_of[owner.start], ci)
            or purpose(t, ci, t.clause_of[owner.start], PURPOSE | REMEDY)
            or (
                strict
                and pronoun(t, self.mentions, owner, m, set(claim.subject) | other_s, self.found)
            )
            or back_reference(t, self.mentions, owner, m, set(claim.subject) | other_s)
            or completes(t, t.clause_of[owner.start], ci)
            or interrupted(t, t.clause_of[owner.start], ci)
            or (strict and extends(t, owner, m))
            or (strict and consequence(t, t.clause_of[owner.start], ci))
            or (strict and leading_purpose(t, t.clause_of[owner.start], ci))
        )
        flips, why = 0, []
        # "If it overfits, add dropout": a problem named in a condition, then the action:
        # the action is said to fix the problem, whatever words the condition uses.
        remedy = (
            owner_here and owner is not None and purpose(t, ci, t.clause_of[owner.start], REMEDY)
        )
        if remedy and claim.subject_dir and not claim.property_dir:
            return None
        taken: set[int] = set()
        used: list[Mention] = []
        if claim.subject_dir and owner is not None:
            # A subject named in an earlier clause ("the learning rate: too low and ...")
            # takes its direction from this clause's start when it has one.
            oc = t.clause_of[owner.start]
            here = Mention(owner.name, clause.start, clause.start)
            # Also after a condition: "if it is too high, X; too low and Y".
            ok, d = (
                (None, None)
                if owner_here
                and not (
                    oc != ci
                    and elliptic(
                        t, clause.start, claim.subject_dir, self.relations, self.directions
                    )
                )
                else self._direction(claim.subject_dir, here, ci, taken, m)
            )
            if ok is None:
                ok, d = self._direction(
                    claim.subject_dir, owner, oc, taken, m if owner_here else None
                )
            if ok is None or d is None:
                return None
            taken.update(range(d.start, d.end))  # "goes up": its "up" is taken too
            used.append(d)
            if owner.inverted != judged_as_loss(t, d, owner):
                ok = not ok  # "higher training accuracy" is lower training error
            if not ok:
                flips += 1
                why.append("direction")
        if claim.property_dir:
            # Once the subject has its direction word, the rest of the clause is the property's.
            rival = owner if owner_here and not claim.subject_dir else None
            ok, d = self._direction(claim.property_dir, m, ci, taken, rival)
            if d is None and comparative(t, m) and claim.property_dir in ("up", "down"):
                ok, d = claim.property_dir == "up", m  # "noisier", "fresher": more of it
            if remedy:
                if d is not None or claim.property_dir not in ("up", "down"):
                    return None  # "if variance is high, ...": the size of the problem
                ok = claim.property_dir == "down"
            elif ok is None or d is None:
                return None
            else:
                used.append(d)
            # "split before resampling" == "resampling after the split"; a word in front of
            # both ("after promotion we validate") already says it of the subject.
            between = d is not None and owner is not None and m.end <= d.start < owner.start
            if (between and claim.property_dir in ORDER) or yardstick(t, d, m):
                ok = not ok  # "training error lower than validation error": the latter higher
            if m.inverted != (d is not None and judged_as_loss(t, d, m)):
                ok = not ok  # "high training accuracy" says the training error is low
            if not ok:
                flips += 1
                why.append("direction")
        lo = min(m.start, owner.start) if owner_here and owner else m.start
        hi = max(m.end, owner.end) if owner_here and owner else m.end
        bare = not claim.subject and not claim.property_dir
        lo = max(clause.start, lo - NEG_REACH)
        # A bare concept is negated only from before ("no baseline", "without dropout");
        # after it the negation is about what follows ("plain DDP will not fit").
        hi = m.end if bare and not strict else min(clause.end, hi + NEG_REACH)
        # Words of the concepts and directions themselves ("cannot overfit") are not negators.
        parts = [*used, m, *([owner] if owner else [])]
        in_dir = {k for d in parts for k in range(d.start, d.end)}
        if strict:  # a mistake anywhere under a negation is not made ("avoid X, Y and Z")
            lo, hi = clause.start, clause.end
            # ... up to an "and" after it that starts a statement of its own ("the ship is
            # sinking and management has no clue"; "we tuned on the test set and never looked back").
            pair_end = max(m.end, owner.end if owner_here and owner else 0)
            hi = next((k for k in range(pair_end, hi) if t.lower[k] in NEG_STOPS), hi)
            lo = fresh_start(t, lo, m.start)  # "can't be stored and gets mapped to X"
            # ... nor one set aside, unless by its own words ("too much of a perfectionist")
            if set_aside(t, lo, hi, in_dir):
                return None  # "keep the test set separate from tuning", "X is too late"
        dir_flips = flips
        if flips and any(superlative(t, d) for d in used):
            return None
        if not strict:
            # After the pair, "no"/"without" begin a phrase of their own ("use all the
            # units with no rescaling"): they negate what follows, not the claim.
            in_dir |= {k for k in range(m.end, hi) if t.lower[k] in AFTER_PHRASE_NEGATORS}
            in_dir |= relative_negators(t, max(m.end, owner.end if owner else 0), hi)
            in_dir |= attach.other_conjuncts(t, m, owner, owner_here, hi)
            # After the whole pair, a negator right before a contrasted concept denies that
            # one ("reduces variance and not bias", "on a time split and not a random one").
            pair_end = max(m.end, owner.end if owner else 0)
            rivals = other_s | self.contrasted(claim.property)
            in_dir |= {
                k
                for k in range(pair_end, hi)
                if t.negator[k]
                and any(o.name in rivals and 0 < o.start - k <= 3 for o in self.mentions)
            }
        if owner_here and owner and owner.start > m.end:  # "a test set, so I'm not overfitting"
            in_dir |= {k for k in range(owner.start - 2, owner.start) if t.negator[k]}
        # For a mistake, "not just"/"not only" hedges it too ("so I'm not just tuning to the
        # test"): uncertain, so not made.
        hedged = strict and any(t.lower[k] == "not" and k not in in_dir for k in range(lo, hi))
        if t.negated(lo, hi, in_dir) or not_only(t, m) or hedged:
            if dir_flips or attach.manner_denied(t, m, owner, clause.end):
                return None  # "does not fix high bias": a negation and a direction together
            flips += 1
            why.append("negated")
        if bare and (flips or p_swap):
            return None  # "no vertical flips", or the other concept named: nothing certain
        swaps = int(s_swap) + int(p_swap)
        spans = tuple(
            (t.tokens[x.start].start, t.tokens[x.end - 1].end)
            for x in sorted([m, *([owner] if owner else []), *used], key=lambda x: x.start)
        )
        alone = owner is None or t.clause_of[owner.start] == ci  # wholly in this clause
        if swaps + flips and (
            (owner is not None and not owner_here)
            or (alone and supposed(t, clause.start, clause.end))
        ):
            return None  # said wrong needs subject and property in one clause, asserted
        if swaps == 0:  # inversions cancel in pairs: "less capacity raises bias"
            status = "made" if flips % 2 == 0 else "wrong"
        elif swaps == 1 and flips == 0:
            if not claim.property_dir and graded(t, m, self.relations, self.directions):
                return None  # "favour recall and accept more false positives": a trade-off
            shared = any(shares(t, k, clause.end) for k in range(clause.start, clause.end))
            # A possessive owner ("learns from the teacher's outputs") usually sits in an
            # object phrase: it may credit or make a mistake, never make a swap.
            possessive = owner is not None and t.lower[owner.end - 1].endswith("'s")
            if (
                shared
                or described(t, m)
                or (s_swap and (possessive or pronoun_led(t, clause.start, owner)))
                or (s_swap and attach.own_nearer(t, claim, m, owner, used, self.mentions))
            ):
                return None
            status, why = "wrong", ["swap"]
        else:
            return None
        carried = owner is not None and not owner_here
        return Finding(claim, status, clause.sentence, spans, ",".join(why), carried)

    def mistake_made(self, mistake: Mistake) -> Finding | None:
        """The first clause that makes the mistake's claim (swaps and inversions excluded)."""
        if mistake.claim is None:
            return None
        absolute = bool(ABSOLUTES & set(mistake.text.casefold().split()))
        t = self.text
        made = [
            f
            for f in self.findings(mistake.claim, strict=True)
            if f.status == "made"
            and not f.carried
            and not warned(self.text, f.sentence, WARNINGS, f.spans)
            and not (absolute and frequency_hedged(self.text, f.spans))
            and not only_when(self.text, f.spans)
            and (not mistake.by_speaker or by_speaker(self.text, f.sentence, f.spans))
            and not not_the_act(t, f, mistake)
            and not new_verb_between(self.text, f, self.mentions)
        ]
        return made[0] if made else None
