"""A TextArea that repaints only the lines a change really altered.

Textual's TextArea asks for a whole repaint on every key (the cursor moves), so each key
re-renders and re-sends every visible line: about 32 lines of a 120x40 answer box, and in
pair mode those bytes go through the SSH server to the candidate and again, mirrored, to
the interviewer. Here a whole repaint is narrowed, just before the compositor draws, to the
lines whose rendered strip differs from the one last drawn at that row. The comparison is
of the strips themselves, so it holds for any change (highlighting, wrapping, selection),
not only for the edits foreseen here.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from textual.geometry import Region
from textual.strip import Strip
from textual.widgets import TextArea


class ChangedLinesArea(TextArea):
    """A TextArea whose whole repaints are narrowed to the lines that changed."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._drawn: dict[int, Strip] = {}  # content row -> the strip last handed out
        self._drawn_view: tuple[object, ...] = ()
        self._restyled = True
        self._whole_pending = False  # a whole repaint was asked for and not yet narrowed

    def _view(self) -> tuple[object, ...]:
        """What, besides the rows' own strips, decides how the widget looks: any change of
        it repaints the whole widget (its border and title too)."""
        return (
            self.outer_size,
            self.size,
            self.content_offset,
            self.scroll_offset,
            self._border_title,
            self._border_subtitle,
        )

    def _narrowable(self) -> bool:
        return not self._restyled and bool(self._drawn) and self._view() == self._drawn_view

    def notify_style_update(self) -> None:
        self._restyled = True  # colours, border or focus style: every row may differ
        super().notify_style_update()

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        self._drawn[y] = strip
        return strip

    def _set_dirty(self, *regions: Region) -> None:
        # A whole repaint keeps the rows drawn so far until the compositor asks what to
        # repaint (below), when the change is complete and the rows can be compared.
        if regions or not self._narrowable():
            super()._set_dirty(*regions)
            if not regions:
                self._whole_pending = False
                self._start_over()
        else:
            self._whole_pending = True

    def _start_over(self) -> None:
        self._restyled, self._drawn_view = False, self._view()
        self._drawn.clear()

    def _exchange_repaint_regions(self) -> Collection[Region]:
        if self._whole_pending:
            self._whole_pending = False
            if not self._narrowable():
                super()._set_dirty()
                self._start_over()
            else:
                render = super().render_line  # without recording: the compositor does
                rows = [
                    Region(0, y, self.size.width, 1)
                    for y in range(self.size.height)
                    if render(y) != self._drawn.get(y)
                ]
                if rows:
                    super()._set_dirty(*rows)
        return super()._exchange_repaint_regions()
