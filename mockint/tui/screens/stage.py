"""A running stage: its countdown and a notes area that is saved as you type."""

from __future__ import annotations

from collections.abc import Iterator

from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Footer, Static, TextArea

from mockint.engine.session import Session, StageState
from mockint.tui.screens.base import BaseScreen
from mockint.tui.screens.stage_common import STAGE_BINDINGS, StageClock
from mockint.tui.widgets.changed_lines import ChangedLinesArea
from mockint.tui.widgets.countdown import Countdown

TICK_S = 0.25
# Notes are written at most this long after the last change (the promise is 2 s).
NOTE_FLUSH_S = 0.5


class StageScreen(StageClock, BaseScreen):
    HELP_TITLE = "stage"
    HELP_TEXT = (
        "The countdown turns amber at 5 minutes left and red at 1 minute; at zero the bell "
        "rings and overtime counts up. Notes are saved within a second of typing."
    )
    BINDINGS = [*STAGE_BINDINGS]

    def __init__(self, session: Session, notes: str = "") -> None:
        super().__init__()
        self.session = session
        self.index = session.current
        self.initial_notes = notes
        self._last_remaining: float | None = None
        self._dirty = False

    def body(self) -> Iterator[Widget]:
        run = self.session.run
        count = len(self.session.runs)
        with Vertical(id="stage"):
            with Horizontal(id="stage-head"):
                yield Static(
                    f"Stage {self.index + 1} of {count} · [b]{run.stage.title}[/b]",
                    id="stage-title",
                )
                yield Static("", id="stage-state")
            yield Countdown(id="countdown")
            yield Static("Notes for this stage (saved as you type)", id="notes-label")
            yield ChangedLinesArea(
                self.initial_notes, id="notes", soft_wrap=True, tab_behavior="indent"
            )
        yield Footer()

    def on_mount(self) -> None:
        self._last_remaining = self.session.remaining(self.index)
        self.refresh_clock()
        self.set_interval(TICK_S, self.refresh_clock)
        self.set_interval(NOTE_FLUSH_S, self.flush_notes)
        self.notes_area = self.query_one("#notes", TextArea)
        self.notes_area.focus()

    def refresh_clock(self) -> None:
        if self.update_countdown():
            paused = self.session.runs[self.index].state is StageState.PAUSED
            self.query_one("#stage-state", Static).update(
                "paused (F2 resumes)" if paused else "running"
            )

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        self._dirty = True

    def flush_notes(self) -> None:
        if not self._dirty:
            return
        self._dirty = False
        text = self.notes_area.text
        self.mockint.save_note(self.index, text)

    def action_toggle_pause(self) -> None:
        super().action_toggle_pause()
        self.refresh_clock()

    def on_unmount(self) -> None:
        self.flush_notes()
