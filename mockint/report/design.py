"""System design stages: per answer, the notes of each phase with the key points they
cover, the components checklist and the capacity scratchpad.

Coverage reads the phase notes and the scratchpad, not the components checklist (ticking
a box is not explaining it); the checklist is reported beside it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from mockint.report.section import Section, StageContext, rounded
from mockint.report.shape import DesignContent, DesignParts, DesignPhase, DesignQuestion
from mockint.report.talking import FIELD_JOIN, Asked, judge, point_report, questions
from mockint.scenario.bank import Question
from mockint.scenario.bank_load import DESIGN_PHASES, design_phase
from mockint.scenario.model import Phase, Stage
from mockint.scoring import Answer
from mockint.scoring.coverage import Coverage
from mockint.scoring.text import count_words
from mockint.store.answers import AnswerRow


def section(ctx: StageContext) -> Section:
    stage = ctx.stage

    def entry(item: Asked) -> tuple[DesignQuestion, Answer | None]:
        return _entry(stage, item)

    score, asked = questions(ctx, entry)
    content: DesignContent = {
        "questions": asked,
        "phases": [
            {
                "id": p.id,
                "title": p.title,
                "min_minutes": p.min_minutes,
                "max_minutes": p.max_minutes,
            }
            for p in phases(stage)
        ],
    }
    return Section(score, content, asked)


def phases(stage: Stage | None) -> tuple[Phase, ...]:
    """The stage's phases, or the standard ones (untimed) if it lists none."""
    if stage and stage.phases:
        return stage.phases
    return tuple(Phase(p, p.replace("-", " ").capitalize(), 0, 0) for p in DESIGN_PHASES)


def _entry(stage: Stage | None, item: Asked) -> tuple[DesignQuestion, Answer | None]:
    fields = item.fields
    planned = [p.id for p in phases(stage)]
    others = sorted(k for k in fields if k not in planned + ["components", "scratchpad"])
    order = planned + others + ["scratchpad"]
    text = FIELD_JOIN.join(fields[k] for k in order if (fields.get(k) or "").strip())
    judged = judge(item, text)
    parts = _parts(stage, item.question, fields, judged.coverage, item.answer)
    return {**judged.entry, **parts}, judged.answer


def _parts(
    stage: Stage | None,
    q: Question | None,
    fields: Mapping[str, str],
    cov: Coverage | None,
    a: AnswerRow | None,
) -> DesignParts:
    points = {p.id: point_report(p) for p in cov.points} if cov else {}
    out: list[DesignPhase] = []
    for p in phases(stage):
        notes = fields.get(p.id, "") or ""
        out.append(
            {
                "id": p.id,
                "title": p.title,
                "notes": notes,
                "words": count_words(notes),
                "seconds": rounded(a.seconds.get(p.id)) if a and p.id in a.seconds else None,
                "key_points": [v for k, v in points.items() if design_phase(k) == p.id],
            }
        )
    known = {p.id for p in phases(stage)}
    other = [v for k, v in points.items() if design_phase(k) not in known]
    if other:
        out.append(
            {
                "id": "other",
                "title": "Other",
                "notes": "",
                "words": 0,
                "seconds": None,
                "key_points": other,
            }
        )
    listed = list(q.components) if q else []
    checked, extra = split_components(fields.get("components", "") or "", listed)
    return {
        "phases": out,
        "scratchpad": fields.get("scratchpad", "") or "",
        "components": {
            "listed": listed,
            "checked": checked,
            "missed": [c for c in listed if c not in checked],
            "extra": extra,
        },
    }


def split_components(joined: str, listed: list[str]) -> tuple[list[str], list[str]]:
    """The listed components present in a comma-joined string (names may hold commas
    themselves, so each known name is looked for whole), and the leftover items."""
    rest = joined
    found = set()
    for name in sorted(listed, key=len, reverse=True):
        pat = re.compile(r"(?:^|,)\s*" + re.escape(name) + r"\s*(?=,|$)")
        if pat.search(rest):
            found.add(name)
            rest = pat.sub("", rest)
    extra = [x.strip() for x in rest.split(",") if x.strip()]
    return [c for c in listed if c in found], extra
