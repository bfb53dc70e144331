"""The one text an answer is scored on, built the same way by the screens, the report and
`mockint assess`, so the three can never disagree about the same answer.

- Free answers (phone screen, deep dive, hiring manager): the `answer` field.
- Behavioural: the STAR parts in order.
- System design: the phase notes in the stage's phase order, then any other note fields,
  then the scratchpad. The components checklist is NOT text: ticking a box is not
  explaining it, so it never covers a key point (it is reported beside the coverage).

Fields are joined by a full stop on its own line, so the last word of one field and the
first word of the next are never read as one phrase or one contradiction.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from mockint.scoring.star import PARTS as STAR_PARTS

if TYPE_CHECKING:
    from mockint.scenario.bank import Question
    from mockint.scoring.coverage import Coverage

FIELD_JOIN = "\n.\n"
# Fields of a design answer that are not notes to score.
DESIGN_NOT_TEXT = ("components",)
DESIGN_SCRATCHPAD = "scratchpad"


def scored_fields(
    kind: str, fields: Mapping[str, str], phases: Sequence[str] = ()
) -> list[tuple[str, str]]:
    """The (field, text) pairs that are scored, in order; empty ones left out."""
    if kind == "behavioural":
        names = list(STAR_PARTS)
    elif kind == "system_design":
        others = sorted(
            k for k in fields if k not in (*phases, *DESIGN_NOT_TEXT, DESIGN_SCRATCHPAD)
        )
        names = [*phases, *others, DESIGN_SCRATCHPAD]
    else:
        names = ["answer"]
    return [(n, fields.get(n) or "") for n in names if (fields.get(n) or "").strip()]


def scored_text(kind: str, fields: Mapping[str, str], phases: Sequence[str] = ()) -> str:
    """The text coverage is computed on (see the module docstring)."""
    return FIELD_JOIN.join(text for _, text in scored_fields(kind, fields, phases))


# A behavioural key point that asks for a reflection is what the form's Reflection field is
# for: a Reflection that says something specific makes it, in whatever words (a list of
# phrases such as "next time" or "lesson" misses "I now bring an experiment instead of an
# opinion"). "Specific": enough words, several of them not generic.
REFLECTION_POINTS = ("reflection", "result-reflection")
REFLECTION_MIN_WORDS = 6
REFLECTION_MIN_SPECIFIC = 3
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")


def cover_answer(
    kind: str, fields: Mapping[str, str], question: Question, phases: Sequence[str] = ()
) -> Coverage:
    """The coverage of an answer, from its fields: `cover_question` on `scored_text`, and
    for a STAR answer its Reflection field counted for the reflection key point."""
    from mockint.scoring.coverage import Match, cover_question

    text = scored_text(kind, fields, phases)
    coverage = cover_question(text, question)
    reflection = (fields.get("reflection") or "").strip() if kind == "behavioural" else ""
    if not reflection or not _specific(reflection):
        return coverage
    start = text.find(reflection)
    points = []
    for p in coverage.points:
        if p.id in REFLECTION_POINTS and not p.matches and not p.contradictions and start >= 0:
            said = reflection[: list(re.finditer(r"\S+", reflection))[:8][-1].end()]
            match = Match("the Reflection field", said, start, start + len(said))
            p = replace(p, matches=(match,), supporting=())
        points.append(p)
    return replace(coverage, points=tuple(points))


def _specific(text: str) -> bool:
    from mockint.scenario.bank_terms import is_generic_word

    words = _WORD.findall(text)
    specific = [w for w in words if len(w) > 3 and not is_generic_word(w.lower())]
    return len(words) >= REFLECTION_MIN_WORDS and len(set(specific)) >= REFLECTION_MIN_SPECIFIC
