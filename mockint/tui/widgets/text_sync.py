"""Replacing a TextArea's text with as small an edit as possible."""

from __future__ import annotations

from textual.widgets import TextArea


def set_text(area: TextArea, new: str) -> None:
    """Replace only the part that differs. `load_text` would build a new document, and
    Textual compiles the highlighting query for each one (about 30 ms); an edit keeps it."""
    old = area.text
    if old == new:
        return
    n = min(len(old), len(new))
    pre = 0
    while pre < n and old[pre] == new[pre]:
        pre += 1
    suf = 0
    while suf < n - pre and old[-1 - suf] == new[-1 - suf]:
        suf += 1
    start = _location(old, pre)
    end = _location(old, len(old) - suf)
    area.replace(new[pre : len(new) - suf], start, end, maintain_selection_offset=False)


def _location(text: str, index: int) -> tuple[int, int]:
    """(row, column) of a character index in text."""
    return text.count("\n", 0, index), index - (text.rfind("\n", 0, index) + 1)
