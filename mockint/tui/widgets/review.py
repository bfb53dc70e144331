"""After an answer: key points covered or missed (and the words that showed it), any
contradiction that cost a point, terms, mistakes to check, what interviewers look for, the
self-rating and, once the candidate has rated themselves, a model answer outline."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from mockint.scenario.bank import Question
from mockint.scoring.coverage import Coverage

RATING_WORDS = {1: "poor", 2: "weak", 3: "fair", 4: "good", 5: "strong"}


def review_text(
    question: Question, coverage: Coverage, rating: int | None, extra: Text | None = None
) -> Text:
    """The review; `extra` (a design's components, a story's STAR check) goes before the
    rating, and the model answer comes last, once the candidate has rated themselves."""
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
        elif p.contradicted:
            t.append("  ! ", style="bold red")
            t.append(p.text + "\n")
            for c in p.contradictions[:2]:
                t.append(f'      you said "{c.text}", which contradicts it\n', style="red")
        else:
            t.append("  ✗ ", style="red")
            t.append(p.text + "\n")
            if p.supporting:
                words = ", ".join(dict.fromkeys(m.text.lower() for m in p.supporting))
                t.append(f"      only generic words ({words}): say it specifically\n", style="dim")
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
    if extra is not None:
        t.append(extra)
        t.append("\n")
    t.append("Your rating against that: ", style="bold")
    if rating:
        t.append(f"{rating}/5 ({RATING_WORDS[rating]})")
    else:
        t.append("press 1 (poor) to 5 (strong)", style="yellow")
    if question.outline:
        t.append("\n\nModel answer (an outline)", style="bold")
        if rating:
            t.append("\n" + question.outline)
        else:
            t.append(": shown once you have rated yourself", style="dim")
    return t


class Review(Static):
    """Shown instead of the answer area while reviewing."""
