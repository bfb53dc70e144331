"""The data model of question banks for the talking rounds.

Loading and validation live in `bank_load.py`; scoring (coverage, STAR) in `mockint/scoring`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

FOLLOW_UP_KINDS = ("follow_up", "curveball")


@dataclass(frozen=True)
class KeyPoint:
    """One thing a strong answer covers, and the words that show it was covered.

    `terms` holds the phrases and their synonyms; any specific one of them, matched as
    whole words (case and inflections ignored), counts as covering the point. Generic
    terms only support (see `mockint.scenario.bank_terms`). `contradictions` are
    statements of the opposite; saying one costs the point.
    """

    id: str
    text: str
    terms: tuple[str, ...]
    contradictions: tuple[str, ...] = ()


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
