"""A list of pre-formatted text rows with a cursor, drawn with Textual's line API.

The history can hold thousands of sessions. A DataTable measured about 80 ms of CPU to draw
its first page here (every cell goes through Rich), an OptionList about 40 ms; this widget
draws only the visible lines, one segment each, so opening and filtering stay cheap. The
caller formats the rows (fixed-width columns) and the header line.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widgets import Input


class RowList(ScrollView, can_focus=True):
    COMPONENT_CLASSES = {"row-list--cursor", "row-list--header"}
    DEFAULT_CSS = """
    RowList { height: 1fr; }
    RowList > .row-list--header { text-style: bold; color: $text-muted; }
    RowList > .row-list--cursor { background: $surface-lighten-2; }
    RowList:focus > .row-list--cursor { background: $accent 40%; text-style: bold; }
    """
    BINDINGS = [
        Binding("up", "move(-1)", "Up", id="rows.up", show=False),
        Binding("down", "move(1)", "Down", id="rows.down", show=False),
        Binding("pageup", "page(-1)", "Page up", id="rows.page_up", show=False),
        Binding("pagedown", "page(1)", "Page down", id="rows.page_down", show=False),
        Binding("home", "move(-1000000000)", "First", id="rows.first", show=False),
        Binding("end", "move(1000000000)", "Last", id="rows.last", show=False),
        Binding("enter", "select", "Open", id="rows.select", show=False),
    ]

    class Highlighted(Message):
        def __init__(self, row_list: RowList, index: int) -> None:
            super().__init__()
            self.row_list = row_list
            self.index = index

    class Selected(Message):
        def __init__(self, row_list: RowList, index: int) -> None:
            super().__init__()
            self.row_list = row_list
            self.index = index

    def __init__(self, header: str = "", *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.header = header
        self.rows: list[str] = []
        self.cursor = 0
        # "/" moves to this search box. Keys typed in the same burst (a fast typist, a
        # paste, keys over SSH) are already queued here by then: they are passed on to the
        # box instead of running as commands, until the list has focus again.
        self.search_box: Input | None = None
        self.forward_to: Input | None = None

    def on_key(self, event: events.Key) -> None:
        if event.key == "slash" and self.search_box is not None and self.forward_to is None:
            event.stop()
            event.prevent_default()
            self.forward_to = self.search_box
            self.screen.set_focus(self.search_box)
            return
        target = self.forward_to
        if target is not None and event.is_printable and event.character:
            event.stop()
            event.prevent_default()
            target.insert_text_at_cursor(event.character)

    def on_focus(self) -> None:
        self.forward_to = None  # back on the list: keys are commands again

    # -- content -------------------------------------------------------------------------
    def set_rows(self, rows: list[str], header: str | None = None) -> None:
        if header is not None:
            self.header = header
        self.rows = list(rows)
        self.cursor = min(self.cursor, max(0, len(self.rows) - 1))
        self._resize()
        self.refresh()

    def add_rows(self, rows: list[str]) -> None:
        self.rows.extend(rows)
        self._resize()
        self.refresh()

    def _resize(self) -> None:
        width = max([len(self.header), *(len(r) for r in self.rows)])
        self.virtual_size = Size(width, len(self.rows) + 1)

    # -- drawing -------------------------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        width = self.scrollable_content_region.width
        if y == 0:
            style = self.get_component_rich_style("row-list--header")
            return self._strip(self.header, style, scroll_x, width)
        index = scroll_y + y - 1
        if index >= len(self.rows):
            return Strip.blank(width, self.rich_style)
        style = self.rich_style
        if index == self.cursor:
            style = style + self.get_component_rich_style("row-list--cursor")
        return self._strip(self.rows[index], style, scroll_x, width)

    def _strip(self, text: str, style: Style, scroll_x: int, width: int) -> Strip:
        line = text[scroll_x : scroll_x + width].ljust(width)
        return Strip([Segment(line, style)], width)

    # -- the cursor ----------------------------------------------------------------------
    def move_to(self, index: int) -> None:
        if not self.rows:
            return
        index = max(0, min(len(self.rows) - 1, index))
        if index == self.cursor and self.rows:
            return
        self.cursor = index
        self.refresh()
        # Line 0 of the view is always the header; row i is drawn on line i - scroll_y + 1.
        self.scroll_to_region(Region(0, index, 1, 2), animate=False, immediate=True)
        self.post_message(self.Highlighted(self, index))

    def action_move(self, delta: int) -> None:
        self.move_to(self.cursor + delta)

    def action_page(self, direction: int) -> None:
        self.move_to(self.cursor + direction * max(1, self.scrollable_content_region.height - 2))

    def action_select(self) -> None:
        if self.rows:
            self.post_message(self.Selected(self, self.cursor))

    def on_click(self, event: events.Click) -> None:
        index = self.scroll_offset.y + event.y - 1
        if 0 <= index < len(self.rows):
            if index == self.cursor:
                self.action_select()
            else:
                self.move_to(index)
