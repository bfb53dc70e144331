"""A read-only copy of someone's text (replay, the pair mirror) follows their cursor: its row
stays in view when the new text brings a horizontal scrollbar, and a cursor near column 1
is shown from column 1, not scrolled sideways."""

from textual.app import App, ComposeResult
from textual.widgets import TextArea

from mockint.tui.widgets.text_sync import place_cursor, set_text


class Copy(App):
    def compose(self) -> ComposeResult:
        yield TextArea("", read_only=True, soft_wrap=False, show_line_numbers=True)


def in_view(area: TextArea) -> bool:
    row, col = area.cursor_location
    region = area.scrollable_content_region
    x = area.get_column_width(row, col)
    return (
        area.scroll_y <= row < area.scroll_y + region.height
        and area.scroll_x <= x < area.scroll_x + region.width - area.gutter_width
    )


async def test_a_long_line_arriving_keeps_the_cursor_row_in_view_from_column_1():
    app = Copy()
    async with app.run_test(size=(60, 12)) as pilot:
        area = app.query_one(TextArea)
        short = "\n".join(f"line {i}" for i in range(10))  # fills the view exactly
        set_text(area, short)
        place_cursor(area, (9, 2))
        await pilot.pause()
        assert in_view(area)
        set_text(area, short.replace("line 3", "line 3 " + "y" * 100))  # a scrollbar comes
        place_cursor(area, (9, 3))
        await pilot.pause()
        assert area.scroll_x == 0 and in_view(area)
        set_text(area, area.text + "\n" + "z" * 90)
        place_cursor(area, (10, 90))  # far right: scrolled to it
        await pilot.pause()
        assert area.scroll_x > 0 and in_view(area)
        place_cursor(area, (2, 1))  # back near column 1: shown from column 1
        await pilot.pause()
        assert area.scroll_x == 0 and in_view(area)
