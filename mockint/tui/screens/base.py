"""What every mockint screen shares: a "terminal too small" notice instead of a broken layout."""

from __future__ import annotations

from typing import Generic, TypeVar

from textual import events
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

R = TypeVar("R")

MIN_WIDTH = 60
MIN_HEIGHT = 18


class TooSmall(Static):
    def __init__(self) -> None:
        super().__init__(
            f"Terminal too small\n\nmockint needs at least {MIN_WIDTH}x{MIN_HEIGHT}.\n"
            "Enlarge the window; nothing is lost meanwhile.",
            id="too-small",
        )


class _SizeAware:
    def _check_size(self, width: int, height: int) -> None:
        self.set_class(width < MIN_WIDTH or height < MIN_HEIGHT, "-too-small")  # type: ignore[attr-defined]

    def on_resize(self, event: events.Resize) -> None:
        self._check_size(event.size.width, event.size.height)

    def on_screen_resume(self) -> None:
        size = self.app.size  # type: ignore[attr-defined]
        self._check_size(size.width, size.height)


class BaseScreen(_SizeAware, Screen):
    """Subclasses yield their widgets from `body()`; the notice is added here."""

    def compose(self):
        yield TooSmall()
        yield from self.body()

    def body(self):
        return iter(())


class BaseModal(_SizeAware, ModalScreen[R], Generic[R]):
    def compose(self):
        yield TooSmall()
        yield from self.body()

    def body(self):
        return iter(())
