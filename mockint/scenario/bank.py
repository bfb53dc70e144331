"""The data model of question banks for the talking rounds.

Loading and validation live in `bank_load.py`; scoring (coverage, STAR) in `mockint/scoring`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

FOLLOW_UP_KINDS = ("follow_up", "curveball")


@dataclass(frozen=True)
class Claim:
    """What a key point (or a mistake) claims about what, as written in a bank:
    `SUBJECT [DIRECTION] -> PROPERTY [DIRECTION]`, or `PROPERTY [DIRECTION]` alone.

    Subject and property are concept names (alternatives joined by `|`), directions are
    relation names of the lexicon (`up`, `down`, `against`, `before`, ...). See
    scenarios/banks/FORMAT.md and `mockint.scoring.claims` for how one is matched.
    """

    text: str  # as written in the bank
    property: tuple[str, ...]
    subject: tuple[str, ...] = ()
    property_dir: str = ""
    subject_dir: str = ""


@dataclass(frozen=True)
class KeyPoint:
    """One thing a strong answer says, as checkable claims (the bank format since issue 18),
    or, in older user banks, as terms.

    `claims`: the point is made when one of them is said, and said wrong when one is
    contradicted (see `mockint.scoring.claims`). `probe` is the follow-up an interviewer
    asks when the point is missed or said wrong.

    Legacy `terms`: any specific one found covers the point; `contradictions` are phrases
    of the opposite (see `mockint.scenario.bank_terms`). Used only without `claims`.
    """

    id: str
    text: str
    terms: tuple[str, ...] = ()
    contradictions: tuple[str, ...] = ()
    claims: tuple[Claim, ...] = ()
    probe: str = ""


@dataclass(frozen=True)
class Mistake:
    """A common mistake. With a `claim` it is checked: an answer that says the claim
    (not negated) makes the mistake, and the key point `point` counts as said wrong."""

    text: str
    point: str = ""
    claim: Claim | None = None
    by_speaker: bool = False  # only made when the speaker does it ("I didn't tell them")


@dataclass(frozen=True)
class FollowUp:
    at_minute: float  # minutes into the question when the interviewer interrupts
    text: str
    kind: str = "follow_up"  # or "curveball"


@dataclass(frozen=True)
class Question:
    id: str
    prompt: str
    minutes: float  # the time budget for this question
    key_points: tuple[KeyPoint, ...]
    terminology: tuple[str, ...] = ()
    look_for: tuple[str, ...] = ()  # what interviewers look for
    mistakes: tuple[str, ...] = ()  # common mistakes
    follow_ups: tuple[FollowUp, ...] = ()
    topic: str = ""  # e.g. "bias-variance" or "recommendation"
    competencies: tuple[str, ...] = ()  # behavioural tags: conflict, ambiguity, ...
    components: tuple[str, ...] = ()  # system design: the checklist of parts a design names
    # The assessment area the answer's score counts toward: a mix area id of the scenario
    # or a stage kind (the area holding a stage of that kind); "" means its stage's area.
    area: str = ""
    outline: str = ""  # a model answer outline, shown after the review and in the report
    # Groups of concepts the question sets against each other (l1/l2, bagging/boosting):
    # a property given to the other concept of a group is a swap.
    contrasts: tuple[tuple[str, ...], ...] = ()
    checks: tuple[Mistake, ...] = ()  # the mistakes, with their claims where checkable
    # Every concept its claims and contrasts name -> its wordings (the lexicon's,
    # scenarios/lexicon/lexicon.toml, plus the bank's own), resolved when the bank is loaded.
    concepts: Mapping[str, tuple[str, ...]] = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class Bank:
    """All questions for one stage kind (see mockint.scenario.model.STAGE_KINDS)."""

    id: str
    kind: str
    title: str
    questions: tuple[Question, ...]
    questions_to_ask: tuple[str, ...] = ()  # hiring manager: good questions for the candidate
    path: Path | None = None

    def question(self, question_id: str) -> Question:
        for q in self.questions:
            if q.id == question_id:
                return q
        raise KeyError(question_id)
