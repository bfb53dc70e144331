"""A scenario as plain data, so a session keeps the exact loop it ran even if the file changes."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from mockint.kinds import StageKind
from mockint.scenario.model import MixArea, Phase, ProblemPick, Scenario, Stage


def scenario_to_dict(sc: Scenario) -> dict[str, Any]:
    d = asdict(sc)
    d.pop("path", None)
    return d


def scenario_from_dict(d: dict[str, Any]) -> Scenario:
    stages = tuple(
        Stage(
            id=s["id"],
            kind=StageKind(s["kind"]),
            title=s["title"],
            minutes=s["minutes"],
            expect=s["expect"],
            phases=tuple(Phase(**p) for p in s.get("phases", ())),
            problems=tuple(
                ProblemPick(
                    p.get("slug"), tuple(p.get("topics", ())), tuple(p.get("difficulty", ()))
                )
                for p in s.get("problems", ())
            ),
            questions=tuple(s.get("questions", ())),
            bank=s.get("bank"),
            topics=tuple(s.get("topics", ())),
        )
        for s in d["stages"]
    )
    mix = tuple(
        MixArea(m["area"], m["weight"], tuple(m["stages"]), tuple(m.get("kinds", ())))
        for m in d["mix"]
    )
    return Scenario(
        d["id"],
        d["title"],
        d.get("description", ""),
        stages,
        mix,
        difficulty=d.get("difficulty"),
        preparation=d.get("preparation", ""),
    )
