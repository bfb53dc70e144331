"""After an answer: key points covered or missed (and the words that showed it), terms,
mistakes to check, what interviewers look for, and the self-rating."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from mockint.scenario.bank import Question
from mockint.scoring.coverage import Coverage

RATING_WORDS = {1: "poor", 2: "weak", 3: "fair", 4: "good", 5: "strong"}


def review_text(question: Question, coverage: Coverage, rating: int | None) -> Text:
    t = Text()
    t.append(
        f"Key points: {len(coverage.covered)} of {len(coverage.points)} covered\n", style="bold"
    )
    for p in coverage.points:
        if p.covered:
            t.append("  ✓ ", style="green")
            t.append(p.text)
            said = list(dict.fromkeys(m.text.lower() for m in p.matches))[:3]
            t.append(f"  (you said: {', '.join(said)})\n", style="dim")
        else:
            t.append("  ✗ ", style="red")
            t.append(p.text + "\n")
    if coverage.terminology_listed:
        used = ", ".join(coverage.terminology_used) or "none"
        t.append(f"Terms used: {used}\n", style="bold")
        if coverage.terminology_unused:
            t.append(f"Terms not used: {', '.join(coverage.terminology_unused)}\n", style="dim")
    if question.mistakes:
        t.append("Common mistakes to check:\n", style="bold")
        for m in question.mistakes:
            t.append(f"  - {m}\n")
    if question.look_for:
        t.append("What interviewers look for:\n", style="bold")
        for m in question.look_for:
            t.append(f"  - {m}\n")
    t.append("Your rating against that: ", style="bold")
    if rating:
        t.append(f"{rating}/5 ({RATING_WORDS[rating]})")
    else:
        t.append("press 1 (poor) to 5 (strong)", style="yellow")
    return t


class Review(Static):
    """Shown instead of the answer area while reviewing."""
