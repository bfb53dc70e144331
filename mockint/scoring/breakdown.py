"""A score as the sum of its parts: `Score` and `Part`, and the weighted mean that every
level (answer, stage, area, overall) is built from (`mockint.scoring.score`).

Every part carries a value, a weight, the contribution it makes and a sentence saying
why; a score's value is exactly the sum of its parts' contributions, so a report can show
where every point came from.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Part:
    name: str
    value: float | None  # on the part's own scale: 0-100, a count, seconds; None if absent
    weight: float | None  # share of the parent (0-1); None for penalties and bounds
    contribution: float  # points this part adds to the parent's value
    why: str
    detail: Score | None = None

    def to_dict(self, ndigits: int | None = 2) -> dict[str, Any]:
        d: dict[str, Any] = {
            "name": self.name,
            "value": rounded(self.value, ndigits),
            "weight": rounded(self.weight, None if ndigits is None else ndigits + 2),
            "contribution": rounded(self.contribution, ndigits),
            "why": self.why,
        }
        if self.detail is not None:
            d["detail"] = self.detail.to_dict(ndigits)
        return d


@dataclass(frozen=True)
class Score:
    name: str  # an answer's question id, a stage id, an area, "overall"
    value: float | None  # 0-100, or None when nothing could be scored
    parts: tuple[Part, ...]
    kind: str = ""  # "answer", "stage", "area", "overall", "star", ...
    notes: tuple[str, ...] = field(default=())

    @property
    def scored(self) -> bool:
        return self.value is not None

    @property
    def points(self) -> float:
        """The value of a scored Score (callers check `scored` first)."""
        if self.value is None:
            raise ValueError(f"{self.name}: not scored")
        return self.value

    def part(self, name: str) -> Part:
        for p in self.parts:
            if p.name == name:
                return p
        raise KeyError(name)

    def to_dict(self, ndigits: int | None = 2) -> dict[str, Any]:
        """Plain data for JSON; numbers rounded to `ndigits` (None keeps them exact)."""
        return {
            "name": self.name,
            "kind": self.kind,
            "value": rounded(self.value, ndigits),
            "parts": [p.to_dict(ndigits) for p in self.parts],
            "notes": list(self.notes),
        }


def rounded(x: float | None, ndigits: int | None) -> float | None:
    if x is None or ndigits is None:
        return x
    return round(x, ndigits) + 0.0  # + 0.0 turns -0.0 into 0.0


def num(x: float) -> str:
    return f"{x:.0f}" if float(x).is_integer() else f"{x:.1f}"


def count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def total(parts: Sequence[Part]) -> float:
    """The sum of contributions; float dust just outside 0-100 is snapped back in."""
    v = math.fsum(p.contribution for p in parts)
    if -1e-9 < v < 0:
        return 0.0
    if 100 < v < 100 + 1e-9:
        return 100.0
    return v


Item = tuple[str, float, float, str, "Score | None"]  # name, value, raw weight, why, detail


def weighted(
    name: str,
    kind: str,
    items: Sequence[Item],
    notes: Sequence[str] = (),
) -> Score:
    """A weighted mean of (name, value, raw weight, why, detail), weights rescaled to 1."""
    total_w = math.fsum(w for _, _, w, _, _ in items)
    parts = tuple(
        Part(n, v, w / total_w, w / total_w * v, why, detail) for n, v, w, why, detail in items
    )
    return Score(name, total(parts), parts, kind, tuple(notes))
