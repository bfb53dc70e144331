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

from collections.abc import Mapping, Sequence

from mockint.scoring.star import PARTS as STAR_PARTS

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
