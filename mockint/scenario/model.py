"""The data model of an interview loop: stages, their phases and the assessment mix."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from mockint.kinds import StageKind
from mockint.scenario.minutes import format_minutes

__all__ = [
    "STAGE_KINDS",
    "MixArea",
    "Phase",
    "ProblemPick",
    "Scenario",
    "Stage",
    "format_minutes",
]

# The kinds a scenario may name, in the usual order of a loop (mockint.kinds has the registry).
STAGE_KINDS: tuple[str, ...] = tuple(k.value for k in StageKind)


@dataclass(frozen=True)
class Phase:
    id: str
    title: str
    min_minutes: float
    max_minutes: float


@dataclass(frozen=True)
class ProblemPick:
    """How a coding stage chooses one problem: a fixed slug, or any matching topic/difficulty."""

    slug: str | None = None
    topics: tuple[str, ...] = ()
    difficulty: tuple[str, ...] = ()


@dataclass(frozen=True)
class Stage:
    id: str
    kind: StageKind
    title: str
    minutes: float
    expect: str
    phases: tuple[Phase, ...] = ()
    problems: tuple[ProblemPick, ...] = ()
    # Question ids from the stage's bank, fixed when a session starts.
    questions: tuple[str, ...] = ()
    # Talking stages: the bank to ask from (default: the kind's own bank, e.g. `phone-screen`)
    # and, optionally, only its questions on these topics, so two loops can share a bank.
    bank: str | None = None
    topics: tuple[str, ...] = ()

    @property
    def seconds(self) -> float:
        return self.minutes * 60


@dataclass(frozen=True)
class MixArea:
    """One part of the overall score, fed by the listed stages."""

    area: str
    weight: float
    stages: tuple[str, ...]
    # The kinds of `stages`, in order, kept by `subset`: a question that names a stage kind
    # as its area ("ml_deep_dive") still finds it when that stage was left out of the run.
    kinds: tuple[str, ...] = ()

    def kind_of(self, stage_id: str) -> str | None:
        if stage_id in self.stages and len(self.kinds) == len(self.stages):
            return self.kinds[self.stages.index(stage_id)]
        return None


@dataclass(frozen=True)
class Scenario:
    id: str
    title: str
    description: str
    stages: tuple[Stage, ...]
    mix: tuple[MixArea, ...]
    path: Path | None = field(default=None, compare=False)
    difficulty: float | None = None  # 1 (gentle) to 5 (hardest), as candidates rate loops
    preparation: str = ""  # typical preparation time, e.g. "4-8 weeks"

    @property
    def profile(self) -> str:
        """ "difficulty 4.5 of 5 · typical preparation 4-8 weeks", or "" when neither is set."""
        parts = []
        if self.difficulty is not None:
            parts.append(f"difficulty {_num(self.difficulty)} of 5")
        if self.preparation:
            parts.append(f"typical preparation {self.preparation}")
        return " · ".join(parts)

    @property
    def total_minutes(self) -> float:
        return sum(s.minutes for s in self.stages)

    def stage(self, stage_id: str) -> Stage:
        for s in self.stages:
            if s.id == stage_id:
                return s
        raise KeyError(stage_id)

    def paced(self, pace: float) -> Scenario:
        """Every length (stages and phases) multiplied by `pace`."""
        if not pace > 0:
            raise ValueError("pace must be greater than 0")
        stages = tuple(
            replace(
                s,
                minutes=s.minutes * pace,
                phases=tuple(
                    replace(p, min_minutes=p.min_minutes * pace, max_minutes=p.max_minutes * pace)
                    for p in s.phases
                ),
            )
            for s in self.stages
        )
        return replace(self, stages=stages)

    def subset(self, stage_ids: list[str]) -> Scenario:
        """Only the named stages, in the scenario's order. Unknown ids raise KeyError."""
        known = {s.id for s in self.stages}
        unknown = [i for i in stage_ids if i not in known]
        if unknown:
            raise KeyError(", ".join(unknown))
        wanted = set(stage_ids)
        kind = {s.id: str(s.kind) for s in self.stages}
        mix = tuple(
            replace(m, kinds=tuple(kind.get(sid) or m.kind_of(sid) or "" for sid in m.stages))
            for m in self.mix
        )
        return replace(self, stages=tuple(s for s in self.stages if s.id in wanted), mix=mix)

    def summary(self) -> dict[str, Any]:
        """The shape printed by `mockint scenarios show NAME --json`."""
        return {
            "id": self.id,
            "title": self.title,
            "stages": [_stage_summary(s) for s in self.stages],
            "mix": {m.area: {"weight": _num(m.weight), "stages": list(m.stages)} for m in self.mix},
        }


def _stage_summary(s: Stage) -> dict[str, Any]:
    out: dict[str, Any] = {"id": s.id, "kind": s.kind, "title": s.title, "minutes": _num(s.minutes)}
    if s.bank:
        out["bank"] = s.bank
    if s.topics:
        out["topics"] = list(s.topics)
    if s.problems:
        out["problems"] = [
            {
                k: v
                for k, v in (
                    ("slug", p.slug),
                    ("topics", list(p.topics)),
                    ("difficulty", list(p.difficulty)),
                )
                if v
            }
            for p in s.problems
        ]
    return out


def _num(x: float) -> float | int:
    return int(x) if float(x).is_integer() else x
