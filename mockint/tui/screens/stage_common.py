"""What every running-stage screen shares: its keys for the clock and the stage, and the
countdown refresh that fires the 5-minute, 1-minute and time-up alerts once each."""

from __future__ import annotations

from textual.app import App
from textual.binding import Binding

from mockint.engine.alerts import crossed
from mockint.engine.session import Session
from mockint.tui.port import ClockState
from mockint.tui.screens.base import BaseScreen
from mockint.tui.widgets.countdown import Countdown

STAGE_BINDINGS = [
    Binding("f2", "toggle_pause", "Pause/resume", id="stage.pause", priority=True),
    Binding("ctrl+n", "app.next_stage", "Next stage", id="stage.next", priority=True),
    Binding("ctrl+q", "app.quit", "Leave", id="stage.leave", priority=True),
]


def stage_alert(app: App[object], name: str) -> None:
    """The countdown crossed 5 minutes, 1 minute or zero."""
    if name == "five_minutes":
        app.notify("5 minutes left in this stage.", title="Time", severity="warning")
    elif name == "one_minute":
        app.notify("1 minute left: start wrapping up.", title="Time", severity="warning")
    elif name == "time_up":
        app.bell()
        app.notify(
            "Time is up. Overtime is now counted; Ctrl+N moves on.",
            title="Time",
            severity="error",
        )


class StageClock(BaseScreen):
    """The base of a running stage's screen: it has a Countdown and sets `session` and
    `index` (or overrides `stage_clock` and `toggle_clock`: a screen on a session port)."""

    session: Session
    index: int
    _last_remaining: float | None = None

    def stage_clock(self) -> ClockState | None:
        """The stage clock now; None once the stage is no longer the current one."""
        s = self.session
        if s.current != self.index:
            return None
        run = s.runs[self.index]
        return ClockState(s.remaining(self.index), run.planned, run.state.value)

    def toggle_clock(self) -> None:
        self.mockint.toggle_pause()

    def update_countdown(self) -> bool:
        """Redraw the countdown; False once the stage is no longer the current one."""
        c = self.stage_clock()
        if c is None:
            return False
        self.query_one(Countdown).show(c.remaining, c.planned, c.state)
        if self._last_remaining is not None and c.state == "running":
            for alert in crossed(self._last_remaining, c.remaining):
                stage_alert(self.app, alert)
        self._last_remaining = c.remaining
        return True

    def action_toggle_pause(self) -> None:
        self.toggle_clock()
        self.update_countdown()
