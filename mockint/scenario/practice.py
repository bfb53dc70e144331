"""A one-problem session outside a loop (`mockint practice`)."""

from __future__ import annotations

from mockint.kinds import StageKind
from mockint.scenario.model import MixArea, ProblemPick, Scenario, Stage

DEFAULT_MINUTES = {"easy": 20, "medium": 30, "hard": 45}


def practice_scenario(
    slug: str, title: str, difficulty: str, minutes: float | None = None
) -> Scenario:
    length = minutes if minutes is not None else DEFAULT_MINUTES.get(difficulty, 30)
    stage = Stage(
        id="practice",
        kind=StageKind.CODING,
        title=f"Practice: {title}",
        minutes=float(length),
        expect=(
            f"One {difficulty} problem on its own clock. Read the statement, run the visible "
            "tests with Ctrl+R as you go, and submit with Ctrl+S when you are confident."
        ),
        problems=(ProblemPick(slug=slug),),
    )
    return Scenario(
        id="practice",
        title=f"Practice: {title}",
        description="",
        stages=(stage,),
        mix=(MixArea("coding", 100.0, ("practice",)),),
    )
