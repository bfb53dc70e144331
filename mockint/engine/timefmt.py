"""How times are written on screen."""

from __future__ import annotations

import math


def clock_text(seconds: float) -> str:
    """`mm:ss`, or `h:mm:ss` from an hour up. Rounds up so 0:00 means time is really out."""
    whole = max(0, math.ceil(seconds - 1e-9))
    h, rest = divmod(whole, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m:02d}:{s:02d}"


def elapsed_text(seconds: float) -> str:
    """Time used, rounded down (overtime counts up from +00:00)."""
    whole = max(0, math.floor(seconds + 1e-9))
    h, rest = divmod(whole, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m:02d}:{s:02d}"
