"""How a session's results become spaced-repetition ratings. Pure functions.

The ratings are FSRS's four (1 Again, 2 Hard, 3 Good, 4 Easy); they are kept here as plain
ints so that this module imports nothing heavy. The mapping, in the order it is applied:

Coding problem (from the judge: the problem's submits, hints shown, stage time):

    not accepted on any submit                         -> Again
    accepted, but with a hint shown                    -> Hard
    accepted, but after its time budget                -> Hard
    accepted on the first submit, no hints, within
    half its time budget                               -> Easy
    accepted otherwise                                 -> Good

  The time budget of a problem is the stage's planned time divided by the number of
  problems in the stage; the time it took is measured from the previous acceptance in the
  same stage (or the stage start) to its first accepted submit.

Talking question (phone screen, deep dive, system design, hiring manager; from the scorer):

    asked but not answered                             -> Again (the summary logs no
                                                          such attempt: not attempted)
    under half of the key points covered               -> Again
    under three quarters covered, or over its time     -> Hard
    every key point covered, within its time           -> Easy
    otherwise                                          -> Good

  A question with no key points to check (not in a bank any more) goes by its answer
  score instead: under 50 Again, under 65 Hard, 85 and more Easy, else Good.

Behavioural (STAR) answer: as a talking question, and in addition the STAR checks cap it:
under half of the checks passed caps the rating at Hard, and Easy needs every check passed.
A story from the story bank used for that answer gets the same rating.
"""

from __future__ import annotations

from dataclasses import dataclass

AGAIN, HARD, GOOD, EASY = 1, 2, 3, 4
NAMES = {AGAIN: "again", HARD: "hard", GOOD: "good", EASY: "easy"}


@dataclass(frozen=True)
class ProblemOutcome:
    accepted: bool
    hints: int = 0
    seconds: float | None = None  # time it took to the first accepted submit
    budget_s: float | None = None  # its share of the stage's planned time
    failed_submits: int = 0  # submits before the first accepted one


@dataclass(frozen=True)
class AnswerOutcome:
    answered: bool
    covered: int = 0
    total: int = 0
    seconds: float | None = None
    budget_s: float | None = None
    score: float | None = None  # the scorer's answer score, used when total == 0
    star_passed: int | None = None  # behavioural answers only
    star_total: int | None = None


def rate_problem(o: ProblemOutcome) -> tuple[int, str]:
    """The rating and the reason, in words."""
    if not o.accepted:
        return AGAIN, "not accepted"
    if o.hints > 0:
        return HARD, f"accepted with {o.hints} hint" + ("" if o.hints == 1 else "s")
    over = o.seconds is not None and o.budget_s is not None and o.seconds > o.budget_s
    if over:
        return HARD, "accepted over its time"
    fast = o.seconds is not None and o.budget_s is not None and o.seconds <= o.budget_s / 2
    if fast and o.failed_submits == 0:
        return EASY, "accepted fast on the first submit, no hints"
    return GOOD, "accepted"


def rate_answer(o: AnswerOutcome) -> tuple[int, str]:
    if not o.answered:
        return AGAIN, "not answered"
    over = o.seconds is not None and o.budget_s is not None and o.seconds > o.budget_s
    if o.total > 0:
        share = o.covered / o.total
        what = f"{o.covered} of {o.total} key points"
        if share < 0.5:
            rating, why = AGAIN, what
        elif share < 0.75 or over:
            rating, why = HARD, what + (", over time" if over else "")
        elif share >= 1.0:
            rating, why = EASY, what
        else:
            rating, why = GOOD, what
    else:
        s = o.score
        if s is None or s < 50:
            rating = AGAIN
        elif s < 65 or over:
            rating = HARD
        elif s >= 85:
            rating = EASY
        else:
            rating = GOOD
        why = "no key points; answer score " + ("none" if s is None else f"{s:.0f}")
    if o.star_total:
        passed = o.star_passed or 0
        star = f"STAR {passed} of {o.star_total}"
        if passed / o.star_total < 0.5 and rating > HARD:
            rating = HARD
        elif passed < o.star_total and rating == EASY:
            rating = GOOD
        why += f", {star}"
    return rating, why
