"""What every running-stage screen shares: its keys for the clock and the stage, and the
countdown refresh that fires the 5-minute, 1-minute and time-up alerts once each."""

from __future__ import annotations

from textual.binding import Binding

from mockint.engine.alerts import crossed
from mockint.engine.session import Session, StageState
from mockint.tui.screens.base import BaseScreen
from mockint.tui.widgets.countdown import Countdown

STAGE_BINDINGS = [
    Binding("f2", "toggle_pause", "Pause/resume", id="stage.pause", priority=True),
    Binding("ctrl+n", "app.next_stage", "Next stage", id="stage.next", priority=True),
    Binding("ctrl+q", "app.quit", "Leave", id="stage.leave", priority=True),
]


class StageClock(BaseScreen):
    """The base of a running stage's screen: it has a Countdown and sets `session` and
    `index`."""

    session: Session
    index: int
    _last_remaining: float | None = None

    def update_countdown(self) -> bool:
        """Redraw the countdown; False once the stage is no longer the current one."""
        s = self.session
        if s.current != self.index:
            return False
        run = s.runs[self.index]
        remaining = s.remaining(self.index)
        self.query_one(Countdown).show(remaining, run.planned, run.state.value)
        if self._last_remaining is not None and run.state is StageState.RUNNING:
            for alert in crossed(self._last_remaining, remaining):
                self.mockint.stage_alert(alert)
        self._last_remaining = remaining
        return True

    def action_toggle_pause(self) -> None:
        self.mockint.toggle_pause()
        self.update_countdown()
