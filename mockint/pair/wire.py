"""JSON lines between the hub and the app processes: one object per line, UTF-8.

Lines are capped (a field's text travels whole on each change; a few MB is far beyond any
answer) so that a broken peer cannot make the other side buffer without end.
"""

from __future__ import annotations

import json
from typing import Any

INTERVIEWER = "interviewer"
CANDIDATE = "candidate"
ROLES = (INTERVIEWER, CANDIDATE)
MAX_LINE = 4 * 1024 * 1024
MAX_FIELD = 200_000  # characters in one field: larger is refused (never cut), with a line


def encode(obj: dict[str, Any]) -> bytes:
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False).encode("utf-8") + b"\n"


def decode(line: bytes) -> dict[str, Any] | None:
    """The object on a line, or None for anything that is not a JSON object."""
    try:
        obj = json.loads(line)
    except (ValueError, UnicodeDecodeError, RecursionError):
        return None
    return obj if isinstance(obj, dict) else None
