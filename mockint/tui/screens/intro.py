"""The card that opens each stage: what to expect and how long; Enter starts the clock."""

from __future__ import annotations

from collections.abc import Iterator

from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import Footer, Static

from mockint.engine.timefmt import clock_text
from mockint.scenario.model import Stage, format_minutes
from mockint.tui.screens.base import BaseScreen


class StageIntro(BaseScreen):
    HELP_TITLE = "stage card"
    HELP_TEXT = "Read what the stage is about. The clock starts only when you press Enter."
    BINDINGS = [
        Binding("enter", "start", "Start the clock", id="intro.start"),
        Binding("s", "skip", "Skip stage", id="intro.skip"),
        Binding("ctrl+q", "app.quit", "Leave", id="intro.leave", priority=True),
    ]

    def __init__(self, stage: Stage, index: int, count: int, profile: str = "") -> None:
        super().__init__()
        self.stage = stage
        self.index = index
        self.count = count
        self.profile = profile  # the loop's difficulty and preparation time, first card only

    def body(self) -> Iterator[Widget]:
        st = self.stage
        with Vertical(id="card"):
            step = f"Stage {self.index + 1} of {self.count}"
            if self.profile and self.index == 0:
                step += f" · this loop: {self.profile}"
            yield Static(step, id="card-step", markup=False)
            yield Static(f"[b]{st.title}[/b]", id="card-title")
            yield Static(
                f"Length: {format_minutes(st.minutes)} ({clock_text(st.seconds)})", id="card-length"
            )
            # The box fits its text; the space it does not need stays empty below it.
            with Vertical(id="card-room"), VerticalScroll(id="card-body"):
                yield Static(st.expect, id="card-expect", markup=False)
                if st.phases:
                    lines = ["", "Phases:"]
                    for p in st.phases:
                        span = (
                            format_minutes(p.min_minutes)
                            if p.min_minutes == p.max_minutes
                            else f"{format_minutes(p.min_minutes)} to {format_minutes(p.max_minutes)}"
                        )
                        lines.append(f"  - {p.title}: {span}")
                    yield Static("\n".join(lines), id="card-phases", markup=False)
            yield Static("Press [b]Enter[/b] to start the clock.", id="card-hint")
        yield Footer()

    def action_start(self) -> None:
        self.mockint.start_stage()

    def action_skip(self) -> None:
        self.mockint.skip_stage()
