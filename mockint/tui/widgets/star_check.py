"""The live STAR check shown beside a behavioural answer, as rich text: the solo STAR form
and both pair screens (the candidate's and the interviewer's mirror) render it from here."""

from __future__ import annotations

from collections.abc import Mapping

from rich.text import Text

from mockint.engine.timefmt import elapsed_text
from mockint.scoring.star import PARTS, StarAnalysis, analyse

HINTS = {
    "situation": "Where and when: a sentence or two of context.",
    "task": "What you were responsible for.",
    "action": "What you did yourself, step by step: the longest part.",
    "result": "What changed, with a number if you can.",
    "reflection": "What you learned or would do differently.",
}
CHECK_LABELS = {
    "situation_short": "Situation short",
    "task_short": "Task short",
    "action_largest": "Action the largest",
    "result_has_number": "Result has a number",
    "says_i": '"I" over "we" in Action',
    "has_reflection": "Reflection written",
}


def _analyse(fields: Mapping[str, str], seconds: Mapping[str, float]) -> StarAnalysis:
    return analyse(
        {p.capitalize(): fields.get(p, "") for p in PARTS},
        {p.capitalize(): s for p, s in seconds.items()},
    )


def _checks(t: Text, a: StarAnalysis, sep: str) -> None:
    checks = a.checks()
    for key, label in CHECK_LABELS.items():
        if key in checks:
            ok = checks[key]
            t.append("✓ " if ok else "✗ ", style="green" if ok else "red")
            t.append(label + sep)


def guidance(
    fields: Mapping[str, str], seconds: Mapping[str, float] | None = None, title: str = ""
) -> Text:
    """The full check: words and share per part, the checks, "I" against "we", advice."""
    a = _analyse(fields, seconds or {})
    t = Text()
    t.append(f"{title}Live STAR check\n", style="bold")
    for part in a.parts:
        t.append(f"{part.name.capitalize():<11}{part.words:>4}w {part.share:>4.0%}")
        if part.seconds:
            t.append(f" {elapsed_text(part.seconds)}", style="dim")
        t.append("\n")
    _checks(t, a, "\n")
    t.append(f"I: {a.i_count}  we: {a.we_count}\n", style="dim")
    for line in a.advice_lines[:3]:
        t.append(f"• {line}\n", style="yellow")
    return t


def summary(fields: Mapping[str, str], title: str = "") -> Text:
    """The same check in a few wrapped lines, for a narrow mirror."""
    a = _analyse(fields, {})
    t = Text()
    t.append(f"{title}STAR check: ", style="bold")
    t.append(" · ".join(f"{p.name.capitalize()} {p.words}w {p.share:.0%}" for p in a.parts) + "\n")
    _checks(t, a, "  ")
    t.append(f"I: {a.i_count} we: {a.we_count}", style="dim")
    if a.advice_lines:
        t.append(f"\n• {a.advice_lines[0]}", style="yellow")
    return t
