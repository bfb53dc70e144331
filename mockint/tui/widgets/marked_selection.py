"""A SelectionList whose boxes say chosen or not by a symbol, not by colour alone."""

from __future__ import annotations

from typing import Generic

from rich.segment import Segment
from textual.strip import Strip
from textual.widgets import SelectionList
from textual.widgets.option_list import OptionDoesNotExist
from textual.widgets.selection_list import SelectionType

CHOSEN = "✓"
NOT_CHOSEN = " "


class MarkedSelectionList(SelectionList[SelectionType], Generic[SelectionType]):
    """Textual draws the same "X" in every box and tells them apart by colour, which a
    colour-blind reader or a monochrome terminal cannot see."""

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        segments = list(strip)
        try:
            option = self.get_option_at_index(self.scroll_offset.y + y)
        except OptionDoesNotExist:  # no option on this line: Textual drew the plain line
            return strip
        if len(segments) < 3:
            return strip
        mark = CHOSEN if option.value in self._selected else NOT_CHOSEN
        inner = segments[1]
        segments[1] = Segment(mark, inner.style, inner.control)
        return Strip(segments, strip.cell_length)
