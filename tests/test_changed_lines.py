"""The answer boxes repaint only the rows a key changed (in pair mode each repainted row is
sent through SSH twice), and what is on the screen is always what a whole repaint would
draw: after typing, wrapping, deleting, selecting, scrolling, a mirror's edits, losing the
focus and a resize."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.geometry import Region
from textual.pilot import Pilot
from textual.strip import Strip
from textual.widgets import Button, TextArea

from mockint.tui.widgets.changed_lines import ChangedLinesArea
from mockint.tui.widgets.code_editor import CodeEditor
from mockint.tui.widgets.text_sync import place_cursor, set_text

TEXT = "\n".join(f"line {i} of the answer" for i in range(30))


class Box(App[None]):
    CSS = "ChangedLinesArea { height: 14; } CodeEditor { height: 8; }"

    def compose(self) -> ComposeResult:
        yield ChangedLinesArea(TEXT, soft_wrap=True, id="box")
        yield ChangedLinesArea("", soft_wrap=True, read_only=True, id="mirror")
        yield CodeEditor("def f(x):\n    return x\n", id="code")
        yield Button("elsewhere")


def drawn(app: App[None]) -> list[Strip]:
    """The screen as the compositor holds it: every row as last drawn."""
    return list(app.screen._compositor.render_strips())


def redrawn(app: App[None]) -> list[Strip]:
    """The screen drawn again from nothing."""
    for widget in app.screen.walk_children():
        widget._styles_cache.clear()
        if isinstance(widget, TextArea):
            widget._line_cache.clear()
    return list(app.screen._compositor.render_strips())


def assert_screen_true(app: App[None], what: str) -> None:
    before, after = drawn(app), redrawn(app)
    stale = [y for y, (a, b) in enumerate(zip(before, after, strict=True)) if a != b]
    assert not stale, f"after {what}, rows {stale} show old text: {before[stale[0]].text!r}"


async def focus_box(app: Box, pilot: Pilot[None], at: tuple[int, int]) -> ChangedLinesArea:
    box = app.query_one("#box", ChangedLinesArea)
    box.focus()
    box.cursor_location = at
    await pilot.pause()
    return box


async def test_a_typed_key_repaints_only_its_row() -> None:
    app = Box()
    async with app.run_test(size=(60, 40)) as pilot:
        box = await focus_box(app, pilot, (2, 4))
        painted: list[list[Region]] = []
        exchange = box._exchange_repaint_regions

        def spy() -> list[Region]:
            regions = list(exchange())
            painted.append(regions)
            return regions

        box._exchange_repaint_regions = spy  # type: ignore[method-assign]
        for key in "xyz":
            await pilot.press(key)
            await pilot.pause()
        rows = [sum(r.height for r in regions) for regions in painted if regions]
        assert rows, "the keys repainted nothing"
        assert max(rows) <= 2, f"a key repainted {max(rows)} rows of {box.outer_size.height}"
        assert "linexyz 2" in box.document[2]
        assert_screen_true(app, "typing")


async def test_the_screen_is_what_a_whole_repaint_draws() -> None:
    app = Box()
    async with app.run_test(size=(60, 40)) as pilot:
        await focus_box(app, pilot, (1, 10))
        steps: list[tuple[str, tuple[str, ...]]] = [
            ("typing", tuple("hello ")),
            ("typing past the wrap", tuple("w" * 40)),
            ("deleting back over the wrap", ("backspace",) * 35),
            ("a new line", ("enter",)),
            ("a selection", ("shift+left",) * 8),
            ("typing over the selection", ("q",)),
            ("scrolling down by moving", ("down",) * 25),
            ("going to the start", ("ctrl+home",)),
            ("undo", ("ctrl+z",)),
            ("losing the focus", ("tab", "tab", "tab")),
        ]
        for what, keys in steps:
            await pilot.press(*keys)
            await pilot.pause()
            assert_screen_true(app, what)

        mirror = app.query_one("#mirror", ChangedLinesArea)
        for n in range(1, 40, 7):  # a mirror follows someone else's text, row by row
            set_text(mirror, TEXT[: n * 25])
            place_cursor(mirror, (n // 3, 5))
            await pilot.pause()
            assert_screen_true(app, f"mirroring {n * 25} characters")

        code = app.query_one("#code", CodeEditor)
        code.focus()
        code.cursor_location = (0, 0)
        await pilot.press(*'"""', "enter")  # an open string recolours the rows below it
        await pilot.pause()
        assert_screen_true(app, "opening a string in code")

        await pilot.resize_terminal(44, 30)
        await pilot.pause()
        assert_screen_true(app, "a resize")
