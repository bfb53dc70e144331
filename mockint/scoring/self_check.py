"""The candidate's self-check against the model answer, combined with the scorer's detection.

After seeing the model answer the candidate marks each key point: said it right, partly,
missed, said it wrong. Each key point then earns a credit (1 made, 0.5 partly, 0 missing,
-WRONG_COST said wrong):

- no mark: the detection's credit;
- detected said wrong and not disputed: said wrong, whatever the mark (the sentence that
  decided it is on screen; the candidate must dispute it explicitly);
- otherwise the mean of the detection's credit and the mark's, a disputed wrong counting
  as not found: neither side overrides the other, so marking everything "right" lifts a
  missed point to half, never to full.

So an answer with a point detected as said wrong never reaches full marks, disputed or not.

`point_rows` is the one function every view (the review screen, the report, `mockint
assess`, the pair rubric) reads per key point: status, its label, the deciding sentence,
the mark and the combined credit.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

from mockint.scoring.verdict import MISTAKE_COST, WRONG_COST, Coverage

MARKS = ("right", "partly", "missed", "wrong")
MARK_LABELS = {
    "right": "said it right",
    "partly": "partly",
    "missed": "missed",
    "wrong": "said it wrong",
}
STATUS_LABELS = {"made": "made", "missing": "not found", "wrong": "said wrong"}
STATUS_MARKS = {"made": "✓", "missing": "✗", "wrong": "!"}
_DETECTED = {"made": 1.0, "missing": 0.0, "wrong": -WRONG_COST}
_MARKED = {"right": 1.0, "partly": 0.5, "missed": 0.0, "wrong": -WRONG_COST}


@dataclass(frozen=True)
class SelfCheck:
    """The candidate's marks by key point id, and the points whose detected "said wrong"
    they dispute. Unknown ids and marks are ignored when combined."""

    marks: Mapping[str, str] = field(default_factory=dict)
    disputed: frozenset[str] = frozenset()

    @property
    def empty(self) -> bool:
        return not self.marks and not self.disputed


@dataclass(frozen=True)
class PointRow:
    id: str
    text: str
    status: str  # detected: made / missing / wrong
    evidence: str | None  # the sentence that decided it
    why: str  # how a wrong point was wrong ("swap", "negated", "mistake: ...")
    probe: str
    mark: str | None  # the self-check, or None
    disputed: bool
    credit: float  # combined, in key points

    @property
    def label(self) -> str:
        return STATUS_LABELS[self.status]

    @property
    def symbol(self) -> str:
        return STATUS_MARKS[self.status]

    @property
    def how(self) -> str:
        """How a wrong point was wrong, in words ("" otherwise)."""
        return self.why.removeprefix("mistake: ") if self.status == "wrong" else ""

    @property
    def detected(self) -> str:
        return detected_text(self.status, self.evidence, self.how)

    @property
    def checked(self) -> str:
        return check_text(self.mark, self.disputed)


def combined_credit(status: str, mark: str | None, disputed: bool) -> float:
    detected = _DETECTED.get(status, 0.0)
    if mark not in _MARKED:
        return detected
    if status == "wrong" and not disputed:
        return detected
    if status == "wrong":
        detected = 0.0
    return (detected + _MARKED[mark]) / 2


def point_rows(coverage: Coverage, check: SelfCheck | None = None) -> list[PointRow]:
    check = check or SelfCheck()
    rows = []
    for p in coverage.points:
        mark = check.marks.get(p.id)
        mark = mark if mark in _MARKED else None
        disputed = p.status == "wrong" and p.id in check.disputed
        evidence = p.evidence
        # A legacy term-list point has no sentence: the words that decided it stand in.
        if evidence is None and p.status == "wrong" and p.contradictions:
            evidence = p.contradictions[0].text
        elif evidence is None and p.status == "made":
            evidence = ", ".join(dict.fromkeys(m.text for m in p.matches)) or None
        rows.append(
            PointRow(
                p.id,
                p.text,
                p.status,
                evidence,
                p.why,
                p.probe,
                mark,
                disputed,
                combined_credit(p.status, mark, disputed),
            )
        )
    return rows


def combined_share(coverage: Coverage, check: SelfCheck | None) -> float:
    """Key points made, detection and self-check combined, less MISTAKE_COST per mistake
    no key point owns, over all key points; never below 0. `coverage.share` when the
    candidate checked nothing."""
    if check is None or check.empty or not coverage.points:
        return coverage.share
    credit = math.fsum(r.credit for r in point_rows(coverage, check))
    credit -= MISTAKE_COST * len(coverage.errors)
    return max(0.0, credit) / len(coverage.points)


def _num(x: float) -> str:
    return f"{round(x, 2):g}"  # 3, 2.5, 1.75: a count of points, halves and quarters


def headline(
    made: int, total: int, wrong: int = 0, mistakes: int = 0, combined: float | None = None
) -> str:
    """The number named for what it is: "Key points made: 2 of 4 (1 said wrong)", and,
    once the candidate has checked themselves, the combined figure (`combined`, a share)."""
    extra = [f"{wrong} said wrong"] if wrong else []
    if mistakes:
        extra.append(f"{mistakes} mistake{'s' if mistakes > 1 else ''}")
    line = f"Key points made: {made} of {total}"
    if extra:
        line += f" ({', '.join(extra)})"
    if combined is not None and total:
        line += f"; with your self-check: {_num(combined * total)} of {total}"
    return line


def coverage_headline(coverage: Coverage, check: SelfCheck | None = None) -> str:
    checked = check is not None and not check.empty
    return headline(
        len(coverage.covered),
        len(coverage.points),
        len(coverage.contradicted),
        len(coverage.errors),
        combined_share(coverage, check) if checked else None,
    )


def detected_text(status: str, evidence: str | None, how: str = "") -> str:
    """What the scorer found, in words, with the deciding sentence: every view's wording."""
    label = STATUS_LABELS.get(status, status)
    if status == "wrong" and how:
        label += f" ({how})"
    return f'{label}: "{evidence}"' if evidence and status != "missing" else label


def check_text(mark: str | None, disputed: bool) -> str:
    """The candidate's self-check in words; a dispute is said."""
    text = MARK_LABELS.get(mark or "", "not checked")
    return text + (", disputes the detection" if disputed else "")
