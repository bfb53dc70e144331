"""Score an answer written outside the app exactly as the app scores it.

`mockint assess QUESTION_ID FILE` reads the file, splits it into the fields the question's
stage uses (STAR parts for behavioural questions, phases for system design, by headings
such as `Situation:` or `## Deep dive`), builds the scored text with the same function the
screens and the report use, and scores it with the same coverage and answer score (no
self-rating: an unrated answer is scored on coverage, plus STAR for behavioural ones).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from mockint.scenario.bank import Bank, Question
from mockint.scenario.bank_load import DESIGN_PHASES
from mockint.scoring.answer_text import DESIGN_SCRATCHPAD, cover_answer, scored_text
from mockint.scoring.coverage import Coverage
from mockint.scoring.score import Answer, score_answer
from mockint.scoring.star import PARTS as STAR_PARTS
from mockint.scoring.star import StarAnalysis, analyse

# Headings that start a field: "Situation:", "## Task", "Deep dive -", "Trade-offs and scaling".
_HEADING = re.compile(
    r"^\s*(?:#+\s*)?(?P<name>[A-Za-z][A-Za-z \-]*?)\s*(?::|\s[-–]\s|$)(?P<rest>.*)$"
)
_DESIGN_NAMES = {
    "requirements": "requirements",
    "capacity": "capacity",
    "capacity estimation": "capacity",
    "capacity estimate": "capacity",
    "high level": "high-level",
    "high level design": "high-level",
    "deep dive": "deep-dive",
    "trade offs": "trade-offs",
    "tradeoffs": "trade-offs",
    "trade offs and scaling": "trade-offs",
    "scratchpad": DESIGN_SCRATCHPAD,
}


@dataclass(frozen=True)
class Assessment:
    question: Question
    kind: str
    fields: dict[str, str]
    text: str
    coverage: Coverage
    star: StarAnalysis | None
    score: float | None
    headings_found: bool

    def to_dict(self) -> dict[str, Any]:
        """The shape `mockint assess --json` prints."""
        return {
            "question": self.question.id,
            "score": None if self.score is None else round(self.score, 2) + 0.0,
            "covered": len(self.coverage.covered),
            "total": len(self.coverage.points),
            "points": [
                {
                    "id": p.id,
                    "covered": p.covered,
                    "matched": list(dict.fromkeys(m.text for m in p.matches)),
                    "status": p.status,
                    "evidence": p.evidence,
                }
                for p in self.coverage.points
            ],
            "contradictions": [
                {"point": p.id, "statement": m.term, "text": m.text}
                for p in self.coverage.points
                for m in p.contradictions
            ],
            "mistakes": [e.to_dict() for e in self.coverage.errors],
            "follow_up": self.follow_up(),
        }

    def follow_up(self) -> dict[str, str] | None:
        """The point an interviewer probes next and the question to ask (its probe, or
        its text when the bank has no probe); None when every point was made."""
        p = self.coverage.follow_up
        if p is None:
            return None
        return {"point": p.id, "text": p.probe or p.text}


def _key(name: str) -> str:
    return " ".join(name.casefold().replace("-", " ").split())


def split_fields(kind: str, text: str) -> tuple[dict[str, str], bool]:
    """The answer's fields by headings; (fields, whether any heading was found). Without
    headings the whole text is the Action (behavioural), the first phase (design) or the
    answer."""
    if kind == "behavioural":
        names = {p: p for p in STAR_PARTS}
        default = "action"
    elif kind == "system_design":
        names = dict(_DESIGN_NAMES)
        default = DESIGN_PHASES[0]
    else:
        return {"answer": text}, False
    fields: dict[str, list[str]] = {}
    current: str | None = None
    lead: list[str] = []
    for line in text.splitlines():
        m = _HEADING.match(line)
        field = names.get(_key(m.group("name"))) if m else None
        if m and field:
            current = field
            fields.setdefault(field, [])
            if m.group("rest").strip():
                fields[field].append(m.group("rest").strip())
            continue
        (fields[current] if current else lead).append(line)
    if not fields:
        return {default: text}, False
    if any(x.strip() for x in lead):  # text before the first heading joins the first field
        first = next(iter(fields))
        fields[first] = lead + fields[first]
    return {k: "\n".join(v).strip() for k, v in fields.items()}, True


def assess(question: Question, kind: str, text: str) -> Assessment:
    fields, found = split_fields(kind, text)
    phases = DESIGN_PHASES if kind == "system_design" else ()
    scored = scored_text(kind, fields, phases)
    coverage = cover_answer(kind, fields, question, phases)
    star = analyse({p: fields.get(p, "") for p in STAR_PARTS}) if kind == "behavioural" else None
    score = score_answer(Answer(question.id, coverage, (), star)).value
    return Assessment(question, kind, fields, scored, coverage, star, score, found)


def find_question(banks: list[Bank], question_id: str) -> tuple[Question, Bank] | None:
    for bank in banks:
        for q in bank.questions:
            if q.id == question_id:
                return q, bank
    return None
