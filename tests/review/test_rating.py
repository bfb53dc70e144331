"""The written-down mapping from judge and scorer results to FSRS ratings."""

import fsrs
import pytest

from mockint.review.rating import (
    AGAIN,
    EASY,
    GOOD,
    HARD,
    AnswerOutcome,
    ProblemOutcome,
    rate_answer,
    rate_problem,
)


def test_ratings_are_fsrs_ratings():
    assert [
        fsrs.Rating.Again.value,
        fsrs.Rating.Hard.value,
        fsrs.Rating.Good.value,
        fsrs.Rating.Easy.value,
    ] == [AGAIN, HARD, GOOD, EASY]


@pytest.mark.parametrize(
    ("outcome", "rating", "why"),
    [
        (ProblemOutcome(accepted=False), AGAIN, "not accepted"),
        (ProblemOutcome(accepted=False, seconds=10, budget_s=600), AGAIN, "not accepted"),
        (ProblemOutcome(True, hints=1, seconds=60, budget_s=600), HARD, "1 hint"),
        (ProblemOutcome(True, hints=2, seconds=60, budget_s=600), HARD, "2 hints"),
        (ProblemOutcome(True, seconds=700, budget_s=600), HARD, "over its time"),
        (ProblemOutcome(True, seconds=300, budget_s=600), EASY, "fast"),
        (ProblemOutcome(True, seconds=300, budget_s=600, failed_submits=1), GOOD, "accepted"),
        (ProblemOutcome(True, seconds=301, budget_s=600), GOOD, "accepted"),
        (ProblemOutcome(True, seconds=600, budget_s=600), GOOD, "accepted"),
        (ProblemOutcome(True), GOOD, "accepted"),
    ],
)
def test_problem_mapping(outcome, rating, why):
    got, text = rate_problem(outcome)
    assert got == rating
    assert why in text


@pytest.mark.parametrize(
    ("outcome", "rating"),
    [
        (AnswerOutcome(answered=False), AGAIN),
        (AnswerOutcome(True, covered=1, total=3), AGAIN),  # under half
        (AnswerOutcome(True, covered=2, total=4), HARD),  # half, under three quarters
        (AnswerOutcome(True, covered=3, total=4), GOOD),
        (AnswerOutcome(True, covered=3, total=4, seconds=400, budget_s=300), HARD),  # over time
        (AnswerOutcome(True, covered=4, total=4, seconds=200, budget_s=300), EASY),
        (AnswerOutcome(True, covered=4, total=4, seconds=400, budget_s=300), HARD),
        (AnswerOutcome(True, score=40), AGAIN),  # no key points: by the answer score
        (AnswerOutcome(True, score=60), HARD),
        (AnswerOutcome(True, score=70), GOOD),
        (AnswerOutcome(True, score=90), EASY),
        (AnswerOutcome(True), AGAIN),
    ],
)
def test_answer_mapping(outcome, rating):
    assert rate_answer(outcome)[0] == rating


def test_star_checks_cap_the_rating():
    full = dict(answered=True, covered=3, total=3, seconds=100, budget_s=300)
    assert rate_answer(AnswerOutcome(**full, star_passed=6, star_total=6))[0] == EASY
    assert rate_answer(AnswerOutcome(**full, star_passed=5, star_total=6))[0] == GOOD
    assert rate_answer(AnswerOutcome(**full, star_passed=2, star_total=6))[0] == HARD
    # A cap never raises: under half the key points stays Again.
    low = dict(answered=True, covered=1, total=3)
    assert rate_answer(AnswerOutcome(**low, star_passed=6, star_total=6))[0] == AGAIN
    assert "STAR 2 of 6" in rate_answer(AnswerOutcome(**full, star_passed=2, star_total=6))[1]
