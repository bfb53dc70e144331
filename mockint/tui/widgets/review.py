"""After an answer: each key point made, not found or said wrong with the sentence that
decided it (and, once checked, the candidate's self-check), terms, mistakes to check, what interviewers look for, the
self-rating and, once the candidate has rated themselves, a model answer outline and the
self-check prompt."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from mockint.scenario.bank import Question
from mockint.scoring.coverage import Coverage
from mockint.scoring.self_check import SelfCheck, coverage_headline, point_rows

RATING_WORDS = {1: "poor", 2: "weak", 3: "fair", 4: "good", 5: "strong"}
STYLES = {"made": "green", "missing": "red", "wrong": "bold red"}


def points_text(coverage: Coverage, check: SelfCheck | None = None) -> Text:
    """The headline and one entry per key point, in the words every view uses."""
    t = Text()
    t.append(coverage_headline(coverage, check) + "\n", style="bold")
    checked = check is not None and not check.empty
    for r in point_rows(coverage, check):
        t.append(f"  {r.symbol} ", style=STYLES[r.status])
        t.append(r.label + (f" ({r.how})" if r.how else ""), style=STYLES[r.status])
        t.append(f": {r.text}\n")
        if r.evidence and r.status == "wrong":
            t.append(f'      you said: "{r.evidence}"\n', style="red")
        elif r.evidence:
            t.append(f'      "{r.evidence}"\n', style="dim")
        if checked:
            style = "bold yellow" if r.disputed else "cyan"
            t.append(f"      self-check: {r.checked}\n", style=style)
    for e in coverage.errors:
        t.append("  ! mistake: ", style="bold red")
        t.append(f'{e.text}\n      you said: "{e.evidence}"\n', style="red")
    return t


def review_text(
    question: Question,
    coverage: Coverage,
    rating: int | None,
    extra: Text | None = None,
    check: SelfCheck | None = None,
) -> Text:
    """The review; `extra` (a design's components, a story's STAR check) goes before the
    rating, and the model answer comes last, once the candidate has rated themselves."""
    t = points_text(coverage, check)
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
    if rating and coverage.points:
        t.append("\n\nSelf-check: ", style="bold")
        if check is not None and not check.empty:
            t.append("done (c to change it)")
        else:
            t.append("press c to mark each key point against the model answer", style="yellow")
    return t


class Review(Static):
    """Shown instead of the answer area while reviewing."""
