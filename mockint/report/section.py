"""What a stage's section builder is given (`StageContext`) and gives back (`Section`), and
the rounding every part of the report shares. Each stage kind names its builder in
`mockint.kinds.STAGE_KINDS`."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, NamedTuple, overload

from mockint.report.shape import QuestionReport, StageContent
from mockint.scenario.bank import Bank
from mockint.scenario.model import Stage
from mockint.scoring import Score
from mockint.store.sessions import SessionRecord, StageRow, Store

BankLookup = Callable[[str], "Bank | None"]
TitleLookup = Callable[[str], "str | None"]


@dataclass(frozen=True)
class StageContext:
    """One stage of a stored session, with what its section may look up."""

    store: Store
    record: SessionRecord
    row: StageRow
    stage: Stage | None  # the scenario's stage; None if the stored scenario lacks it
    events: list[dict[str, Any]]  # this stage's events, in the order they happened
    bank_for: BankLookup  # question bank by stage kind
    problem_title: TitleLookup  # problem title by slug

    def bank(self) -> Bank | None:
        """The question bank of this stage's kind."""
        return self.bank_for(self.row.kind)


class Section(NamedTuple):
    score: Score
    content: StageContent
    # The question entries inside `content`, for the report's "what to work on" lists.
    questions: Sequence[QuestionReport] = ()


SectionBuilder = Callable[[StageContext], Section]


@overload
def rounded(x: float, nd: int = 2) -> float: ...
@overload
def rounded(x: float | None, nd: int = 2) -> float | None: ...
def rounded(x: float | None, nd: int = 2) -> float | None:
    """`x` rounded to `nd` places, never -0.0; None stays None."""
    return None if x is None else round(float(x), nd) + 0.0


@overload
def iso(ts: float) -> str: ...
@overload
def iso(ts: float | None) -> str | None: ...
def iso(ts: float | None) -> str | None:
    """A timestamp as "YYYY-MM-DD HH:MM:SS UTC"; None stays None."""
    if ts is None:
        return None
    return datetime.fromtimestamp(ts, UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
