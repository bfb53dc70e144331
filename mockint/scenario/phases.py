"""The phases of a system design stage: the stage's own, or the standard five.

Shared by the solo design screen and pair mode, so both outline the same phases and store
phase notes under the same field names (the phase ids the report reads).
"""

from __future__ import annotations

from mockint.scenario.model import Phase, Stage

# id, title, min and max minutes
DEFAULT_PHASES: tuple[tuple[str, str, float, float], ...] = (
    ("requirements", "Requirements", 5, 10),
    ("capacity", "Capacity estimation", 5, 5),
    ("high-level", "High-level design", 10, 15),
    ("deep-dive", "Deep dive", 15, 20),
    ("trade-offs", "Trade-offs and scaling", 5, 10),
)


def stage_phases(stage: Stage) -> tuple[Phase, ...]:
    """The stage's phases, or the standard ones if it lists none."""
    if stage.phases:
        return stage.phases
    return tuple(Phase(*p) for p in DEFAULT_PHASES)
