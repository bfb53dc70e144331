"""A key point dismissed as unneeded is that point said wrong (mockint/scoring/dismissal.py)."""

import pytest

from mockint.scenario.bank_load import discover_banks
from mockint.scoring.assess import assess, find_question
from mockint.scoring.claims import Analysis
from mockint.scoring.dismissal import TEXT, dismissed


def _question():
    banks, _ = discover_banks()
    found = find_question(banks, "llm-evaluation")
    assert found is not None
    return found


def dismissed_points(answer: str) -> set[str]:
    q, _ = _question()
    claims = [c for kp in q.key_points for c in kp.claims]
    a = Analysis(answer, q.concepts, q.contrasts, prompt=q.prompt, claims=claims)
    return set(dismissed(a.text, q, a.found))


@pytest.mark.parametrize(
    "answer, wrong",
    [
        ("We don't bother with human review.", True),
        ("Human review is overkill for this.", True),
        ("There's no need for human review, the judge is consistent.", True),
        ("I'd skip human review and trust the judge.", True),
        ("Honestly I really don't need human review here.", True),
        ("Human review isn't really needed here.", True),
        ("Human review isn't needed once the judge is in place.", False),  # a condition
        # what a thing needs, not a practice dropped
        ("The judge doesn't need human review of every case.", False),
        # a condition, a phasing, a second negation, a named mistake
        ("If every output can be checked by code, there's no need for human review.", False),
        ("We skip human review until launch.", False),
        ("I wouldn't say human review is overkill.", False),
        ("A classic mistake is to think human review is overkill.", False),
        # too far from the dismissal to be its object
        ("There's no need to wait for the end of a long quarterly cycle of human review.", False),
        ("We use human review on a sample.", False),
    ],
)
def test_a_dismissed_point_is_said_wrong(answer: str, wrong: bool) -> None:
    assert ("graders" in dismissed_points(answer)) is wrong


def test_the_review_names_the_dismissal_and_quotes_the_sentence() -> None:
    q, bank = _question()
    # Without this rule the point would be made (by the judge and human review).
    answer = "An LLM judge and human review on a sample grade it. Programmatic checks are overkill."
    a = assess(q, bank.kind, answer)
    graders = next(p for p in a.coverage.points if p.id == "graders")
    assert graders.status == "wrong"
    assert graders.evidence == "Programmatic checks are overkill."
    assert graders.why == f"mistake: {TEXT}"
