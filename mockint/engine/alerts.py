"""Which countdown alerts a tick crosses: five minutes left, one minute left, time up."""

from __future__ import annotations

THRESHOLDS = (("five_minutes", 300.0), ("one_minute", 60.0), ("time_up", 0.0))


def crossed(before: float, after: float) -> list[str]:
    """Alerts whose threshold lies in (after, before]: each fires once, on the way down."""
    return [name for name, limit in THRESHOLDS if before > limit >= after]


def phase(remaining: float) -> str:
    """The countdown's style: normal, warn (<= 5 min), critical (<= 1 min), overtime (< 0)."""
    if remaining < 0:
        return "overtime"
    if remaining <= 60:
        return "critical"
    if remaining <= 300:
        return "warn"
    return "normal"
