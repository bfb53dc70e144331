"""The preparation plan: week by week, from the weak areas and the repetition queue."""

from __future__ import annotations

import time
from collections.abc import Iterator

from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import Footer, Static

from mockint.review import plan as pl
from mockint.review.format import plan_lines
from mockint.tui.screens.base import BaseScreen

LENGTHS = (4, 5, 6, 7, 8, 10, 12)


class PlanScreen(BaseScreen):
    HELP_TITLE = "plan"
    HELP_TEXT = (
        "A week-by-week plan (loops like this one are usually prepared for over six to eight "
        "weeks): a focus on your weakest topics, the reviews due each week, targets for full "
        "loops and practice, and what you have done so far. w changes its length (a new plan "
        "from today); `mockint plan --until DATE` plans up to an interview day."
    )
    DEFAULT_CSS = """
    #plan-screen { padding: 0 1; }
    #plan-body { height: 1fr; }
    #plan-note { color: $warning; height: auto; }
    """
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="plan.back"),
        Binding("w", "weeks", "Length", id="plan.weeks"),
    ]

    def __init__(self, now: float | None = None) -> None:
        super().__init__()
        self._now = now

    def now(self) -> float:
        if self._now is not None:
            return self._now
        clock = getattr(self.app, "clock", None)
        return clock.now() if clock is not None else time.time()

    def body(self) -> Iterator[Widget]:
        with Vertical(id="plan-screen"):
            yield Static("", id="plan-note", markup=False)
            with VerticalScroll(id="plan-body"):
                yield Static("", id="plan-text", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.show()
        self.query_one("#plan-body").focus()

    def show(self, weeks: int | None = None) -> None:
        store = self.mockint.store
        try:
            spec, plan, note = pl.current(store, self.now(), weeks=weeks)
        except ValueError as exc:
            self.notify(str(exc), severity="error")
            return
        self.spec = spec
        self.query_one("#plan-note", Static).update(note or "")
        self.query_one("#plan-text", Static).update("\n".join(plan_lines(spec, plan)))

    def action_weeks(self) -> None:
        now = self.spec.weeks if hasattr(self, "spec") else pl.DEFAULT_WEEKS
        later = [n for n in LENGTHS if n > now]
        self.show(later[0] if later else LENGTHS[0])
