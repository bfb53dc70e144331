"""What next: today's spaced-repetition queue; one key starts a short loop of the due items."""

from __future__ import annotations

import time
from collections.abc import Iterator

from textual.binding import Binding
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import DataTable, Footer, Static

from mockint.review import format as fmt
from mockint.review import queue
from mockint.review.rating import NAMES
from mockint.tui.screens.base import BaseScreen


class NextScreen(BaseScreen):
    HELP_TITLE = "what next"
    HELP_TEXT = (
        "Problems, questions and STAR stories come back for review on a spaced-repetition "
        "schedule (FSRS): soon after a miss, later after an easy solve. s starts a short loop "
        "of what is due today; Enter practises the highlighted item on its own."
    )
    DEFAULT_CSS = """
    #next-screen { padding: 0 1; }
    #next-title { text-style: bold; height: 1; }
    #next-table { height: 1fr; }
    #next-foot { color: $text-muted; height: auto; }
    """
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="next.back"),
        Binding("s", "start_loop", "Start due loop", id="next.loop"),
        Binding("enter", "practise", "Practise this", id="next.one"),
    ]

    def __init__(self, now: float | None = None) -> None:
        super().__init__()
        self._now = now
        self.items: list[queue.Due] = []

    def now(self) -> float:
        if self._now is not None:
            return self._now
        clock = getattr(self.app, "clock", None)
        return clock.now() if clock is not None else time.time()

    def body(self) -> Iterator[Widget]:
        with Vertical(id="next-screen"):
            yield Static("", id="next-title", markup=False)
            yield DataTable(id="next-table", cursor_type="row", zebra_stripes=True)
            yield Static("", id="next-foot", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        from mockint.tui.screens.review_common import refresh_review

        table = self.query_one(DataTable)
        table.add_columns("Kind", "When", "Last", "Reviews", "Item")
        self.fill()
        table.focus()
        refresh_review(self, self.fill)

    def fill(self) -> None:
        store = self.mockint.store
        now = self.now()
        self.items = queue.due(store, now)
        soon = queue.upcoming(store, queue.end_of_day(now), now + 7 * 86400)
        n = len(self.items)
        self.query_one("#next-title", Static).update(
            f"What next: {n} due today" if n else "What next: nothing due today"
        )
        table = self.query_one(DataTable)
        table.clear()
        for d in self.items + soon:
            table.add_row(
                fmt.KIND_LABEL.get(d.kind, d.kind),
                fmt.due_in(d.due, now),
                NAMES.get(d.last_rating, "?"),
                str(d.reviews),
                d.title if len(d.title) <= 72 else d.title[:71] + "…",
            )
        # The rows after today's are those of the next 7 days: the line counts them, it
        # does not announce more.
        foot = (
            f"Also listed: {len(soon)} due within 7 days."
            if soon
            else "Nothing else due within 7 days."
        )
        if n:
            foot += " Press s for a short loop of the due items."
        elif not soon:
            foot = "Items appear here once you have solved problems or answered questions."
        self.query_one("#next-foot", Static).update(foot)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_practise()  # Enter on a row (the table's own binding)

    def action_start_loop(self) -> None:
        self.begin(self.items)

    def action_practise(self) -> None:
        table = self.query_one(DataTable)
        row = table.cursor_row
        store = self.mockint.store
        now = self.now()
        everything = self.items + queue.upcoming(store, queue.end_of_day(now), now + 7 * 86400)
        if 0 <= row < len(everything):
            self.begin([everything[row]])

    def begin(self, items: list[queue.Due]) -> None:
        if not items:
            self.notify("Nothing is due today.", severity="warning")
            return
        kept = [d for d in items if available(d)]
        if len(kept) < len(items):
            gone = len(items) - len(kept)
            self.notify(f"{gone} item(s) left out: no longer in the problems or banks.")
        items = kept
        scenario = queue.due_loop(
            items, problem_minutes=problem_minutes, question_minutes=question_minutes
        )
        if scenario is None:
            return
        self.app.pop_screen()
        self.mockint.begin(scenario, paced=True)


def available(d: queue.Due) -> bool:
    """Is the item still in the installed problems or question banks?"""
    if d.stage_kind == "coding":
        from mockint.grading.problems import ProblemError, load_problem

        try:
            load_problem(d.ref)
        except ProblemError:
            return False
        return True
    from mockint.scenario.bank_load import bank_for_kind

    try:
        bank = bank_for_kind(d.stage_kind)
        return bank is not None and any(q.id == d.ref for q in bank.questions)
    except Exception:
        return False


def problem_minutes(slug: str) -> float:
    from mockint.grading.problems import ProblemError, load_problem
    from mockint.scenario.practice import DEFAULT_MINUTES

    try:
        return DEFAULT_MINUTES.get(load_problem(slug).difficulty, 30)
    except ProblemError:
        return 30


def question_minutes(kind: str, question_id: str) -> float:
    from mockint.scenario.bank_load import bank_for_kind

    try:
        bank = bank_for_kind(kind)
        return float(bank.question(question_id).minutes) if bank else 8.0
    except Exception:
        return 8.0
