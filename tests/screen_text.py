"""The text a terminal would show for an app under Pilot, whole or inside one widget: for
checks on what a person can read (a line cut at the pane's edge, a unit printed or not)."""

from __future__ import annotations

import io

from rich.console import Console
from textual.app import App
from textual.widget import Widget


def screen_lines(app: App) -> list[str]:
    width, height = app.size
    console = Console(
        width=width, height=height, file=io.StringIO(), force_terminal=True, record=True
    )
    console.print(app.screen._compositor.render_update(full=True))
    lines = console.export_text().splitlines()
    return [line.ljust(width) for line in lines[:height]]


def text_in(app: App, widget: Widget, inner: bool = False) -> list[str]:
    """The lines of the screen inside the widget's region: with its border and scrollbars,
    or (inner) only the part that shows its content."""
    r = widget.scrollable_content_region if inner else widget.region
    return [line[r.x : r.right] for line in screen_lines(app)[r.y : r.bottom]]


def squeezed(lines: list[str]) -> str:
    """The lines with all white space removed: a wrapped line reads the same as a whole one."""
    return "".join("".join(lines).split())
