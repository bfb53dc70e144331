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


def place_cursor(area: TextArea, location: tuple[int, int]) -> None:
    """Put the cursor at `location` (clamped) with its row in view. Textual scrolls to it
    before the new text's layout: a horizontal scrollbar the text brought then hides the
    cursor's row, and the view is left scrolled sideways for a cursor near column 1. So the
    view is put right once the layout is done."""
    row = max(0, min(location[0], area.document.line_count - 1))
    col = max(0, min(location[1], len(area.document[row])))
    area.cursor_location = (row, col)
    area.call_after_refresh(_settle, area)


def _settle(area: TextArea) -> None:
    row, col = area.cursor_location
    x = area.get_column_width(row, col)
    if x < area.scrollable_content_region.width - area.gutter_width - 1:
        area.scroll_to(x=0, animate=False, immediate=True)  # the cursor fits beside column 1
    area.scroll_cursor_visible()
