"""The stage clock: big digits plus a plain-text line (readable in a screen capture)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Digits, Static

from mockint.engine.alerts import phase
from mockint.engine.timefmt import clock_text, elapsed_text

_PHASES = ("normal", "warn", "critical", "overtime")


class Countdown(Vertical):
    # A pair round's screens say "running" too: there the other participant starts the clock.
    say_running = False
    _drawn: tuple[str, str] | None = None  # shown four times a second: redrawn on a change

    def compose(self) -> ComposeResult:
        yield Digits("", id="digits")
        yield Static("", id="clock-line", markup=False)

    def show(self, remaining: float, planned: float, state: str) -> None:
        kind = phase(remaining)
        for p in _PHASES:
            self.set_class(p == kind, f"-{p}")
        self.set_class(state == "paused", "-paused")
        if kind == "overtime":
            big = "+" + elapsed_text(-remaining)
            line = f"OVERTIME +{elapsed_text(-remaining)} (planned {clock_text(planned)})"
        else:
            big = clock_text(remaining)
            line = f"{clock_text(remaining)} left of {clock_text(planned)}"
        if state == "paused":
            line += "  PAUSED"
        elif state == "not_started":  # a pair round: the interviewer starts the clock
            line += "  NOT STARTED"
        elif state == "running" and self.say_running:
            line += "  running"
        if self._drawn == (big, line):
            return
        self._drawn = (big, line)
        self.query_one("#digits", Digits).update(big)
        self.query_one("#clock-line", Static).update(line)
