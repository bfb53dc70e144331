"""What every pair screen shares: the base screen, the clock, stage and push lines, and a
guard for evaluating the other side's text."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from textual.screen import Screen
from textual.widgets import Static

from mockint.engine.timefmt import clock_text, elapsed_text
from mockint.pair.pushes import KIND_NAMES, push_line
from mockint.tui.port import contained

__all__ = ["KIND_NAMES", "PairScreen", "contained", "push_line", "set_clock", "stage_line"]

if TYPE_CHECKING:
    from mockint.pair.app import PairApp

TICK_S = 0.25
SUGGEST_S = 1.0  # the suggested push is worked out again at most this often


def clock_line(app: Any) -> str:
    c = app.clock_now()
    if c is None:
        return "Clock: not started"
    remaining, planned, state = c
    if remaining < 0:
        text = f"OVERTIME +{elapsed_text(-remaining)} (planned {clock_text(planned)})"
    else:
        text = f"{clock_text(remaining)} left of {clock_text(planned)}"
    word = {"not_started": "NOT STARTED", "paused": "PAUSED", "running": "running"}.get(state, "")
    return f"Clock: {text}  {word}"


def set_clock(screen: PairScreen) -> None:
    """Redraw the clock line only when its text changes (it is polled four times a second)."""
    text = clock_line(screen.app)
    if screen.clock_drawn != text:
        screen.clock_drawn = text
        screen.query_one("#clock-line", Static).update(text)


def stage_line(app: Any) -> str:
    st = app.state.get("stage")
    if not st:
        return ""
    return f"Stage {st['index'] + 1} of {st['count']} · {st['title']}"


class PairScreen(Screen[None]):
    state_key: tuple[Any, ...] = ()
    clock_drawn: str | None = None  # the clock line as last drawn (set_clock)
    HELP_TEXT = ""

    @property
    def pair(self) -> PairApp:
        # Every pair screen runs in PairApp; the cast keeps app.py out of these imports.
        return cast("PairApp", self.app)

    def update_state(self) -> None:
        pass
