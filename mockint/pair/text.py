"""Text from a participant, made safe before the hub keeps it or passes it on.

Everything an app process sends may hold escape sequences meant for the other person's
terminal (a clipboard write, a window title, a cleared screen). The hub runs every message
it receives through `clean_message` first, so no field, note, push or feedback reaches the
other participant, the store or a report with a control character in it. The cleaning is
the judge's own (`mockint.grading.text.clean`): tabs and newlines are kept, every other
control character is shown as a visible escape such as `\\x1b`.
"""

from __future__ import annotations

from typing import Any

from mockint.grading.text import clean

__all__ = ["clean", "clean_message", "clip"]


def clean_message(value: Any) -> Any:
    """The same message with every string in it (keys too, at any depth) cleaned."""
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, dict):
        return {clean(k): clean_message(v) for k, v in value.items()}
    if isinstance(value, list):
        return [clean_message(v) for v in value]
    return value


def clip(text: object, limit: int) -> str:
    """Cleaned text (a non-string becomes its `str`) cut to `limit` characters."""
    return clean(text)[:limit]
