"""How a push (a hint, follow-up or curveball the interviewer sent) is named and shown, on
the pair screens and on the solo coding screen in a pair round."""

from __future__ import annotations

from typing import Any

from mockint.engine.timefmt import elapsed_text

KIND_NAMES = {"hint": "Hint", "follow_up": "Follow-up", "curveball": "Curveball"}


def push_line(p: dict[str, Any]) -> str:
    return f"{KIND_NAMES.get(p['kind'], p['kind'])} at {elapsed_text(p.get('elapsed', 0))}: {p['text']}"
