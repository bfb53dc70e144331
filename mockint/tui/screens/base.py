"""What every mockint screen shares: a "terminal too small" notice instead of a broken layout."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar

from textual import events
from textual.app import App, ComposeResult
from textual.screen import ModalScreen, Screen
from textual.widget import Widget
from textual.widgets import Static

from mockint.tui.access import mockint_app

if TYPE_CHECKING:
    from mockint.tui.app import MockintApp

R = TypeVar("R")

MIN_WIDTH = 60
MIN_HEIGHT = 18

# The rules of every screen but home. The app's own stylesheet (mockint.tcss) holds only
# what home needs, so start-up parses a fifth of the rules; Textual reads this file when
# the first screen naming it is shown, or read_screens_css() does once home is drawn.
SCREENS_CSS = Path(__file__).resolve().parent.parent / "screens.tcss"


def read_screens_css(app: App[Any]) -> None:
    """Add screens.tcss to the stylesheet ahead of need, in the same place and with the same
    weight as Textual's own reading of a screen's CSS_PATH (which also re-parses every other
    rule): its rules follow mockint.tcss's, as if the two were one file. None of them matches
    a widget of the home screen, so nothing on screen is styled again."""
    path = str(SCREENS_CSS)
    if app.stylesheet.has_source(path):
        return
    app.stylesheet.add_source(SCREENS_CSS.read_text(encoding="utf-8"), read_from=(path, ""))
    app.stylesheet.rules  # noqa: B018 (parsed now, while idle, not when a screen opens)


class TooSmall(Static):
    def __init__(self) -> None:
        super().__init__(
            f"Terminal too small\n\nmockint needs at least {MIN_WIDTH}x{MIN_HEIGHT}.\n"
            "Enlarge the window; nothing is lost meanwhile.",
            id="too-small",
        )


class Unsaved(Static):
    """A line that stays on screen while something typed is not yet in the database."""

    def __init__(self, text: str = "") -> None:
        super().__init__(text, id="unsaved", markup=False)


class BaseScreen(Screen[None]):
    """Subclasses yield their widgets from `body()`; the size notice and the unsaved line
    are added here, each on first need (two widgets fewer to build and style at start-up)."""

    CSS_PATH: ClassVar[str | None] = str(SCREENS_CSS)

    @property
    def mockint(self) -> MockintApp:
        return mockint_app(self)

    def compose(self) -> ComposeResult:
        yield from self.body()

    def body(self) -> Iterator[Widget]:
        return iter(())

    def on_resize(self, event: events.Resize) -> None:
        _check_size(self, event.size.width, event.size.height)

    def on_screen_resume(self) -> None:
        _check_size(self, self.app.size.width, self.app.size.height)
        # Any app: a stage screen also runs in pair mode's app, which saves nothing itself.
        unsaved = getattr(self.app, "unsaved_text", None)
        self.show_unsaved(unsaved() if unsaved is not None else "")

    def show_unsaved(self, text: str) -> None:
        self.set_class(bool(text), "-unsaved")
        lines = self.query(Unsaved)
        if text and not lines and self.is_attached:
            # After the size notice, before the body, as when both were always composed.
            notice = self.query("#too-small")
            if notice:
                self.mount(Unsaved(text), after=notice.first())
            else:
                self.mount(Unsaved(text), before=0 if self.children else None)
        for line in lines:
            line.update(text)


class BaseModal(ModalScreen[R], Generic[R]):
    CSS_PATH = str(SCREENS_CSS)

    @property
    def mockint(self) -> MockintApp:
        return mockint_app(self)

    def compose(self) -> ComposeResult:
        yield from self.body()

    def body(self) -> Iterator[Widget]:
        return iter(())

    def on_resize(self, event: events.Resize) -> None:
        _check_size(self, event.size.width, event.size.height)

    def on_screen_resume(self) -> None:
        _check_size(self, self.app.size.width, self.app.size.height)


def _check_size(screen: Screen[Any], width: int, height: int) -> None:
    small = width < MIN_WIDTH or height < MIN_HEIGHT
    if small and screen.is_attached and not screen.query("#too-small"):
        screen.mount(TooSmall(), before=0 if screen.children else None)  # first of all
    screen.set_class(small, "-too-small")
