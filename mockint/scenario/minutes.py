"""Lengths as people read them; apart from model.py so the home screen can use it without
importing the scenario model (start-up time)."""

from __future__ import annotations


def format_minutes(minutes: float) -> str:
    """`330` -> `5h30`, `45` -> `45 min`, `11.25` -> `11 min 15 s`."""
    total = round(minutes * 60)
    h, rest = divmod(total, 3600)
    m, s = divmod(rest, 60)
    if h:
        return f"{h}h{m:02d}" + (f"{s:02d}s" if s else "")
    if s:
        return f"{m} min {s} s" if m else f"{s} s"
    return f"{m} min"
