"""The history: every session with its scores; sort, filter, search, open, replay, delete.

Rows are read a page at a time (PAGE rows, more as the cursor nears the end), so the screen
opens and filters quickly whatever the number of sessions.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from textual.app import App
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Footer, Input, Static

from mockint.review import format as fmt
from mockint.review import history as h
from mockint.store.sessions import Store
from mockint.tui.access import mockint_app
from mockint.tui.screens.base import BaseModal, BaseScreen
from mockint.tui.widgets.row_list import RowList

PAGE = 200
MODES = (None, *h.MODES)
SORTS = tuple(h.SORTS)


class HistoryScreen(BaseScreen):
    HELP_TITLE = "history"
    HELP_TEXT = (
        "Every session you recorded, newest first, with the time used and the overall and "
        "area scores. Type in the search box to find a question, problem or topic; s changes "
        "the order, m the mode shown, f sets the scenario, dates and scores. Enter opens the "
        "report, p replays a coding round, d deletes a session (after asking)."
    )
    DEFAULT_CSS = """
    #history-screen { padding: 0 1; }
    #history-top { height: 3; }
    #history-title { width: 1fr; content-align: left middle; height: 3; text-style: bold; }
    #history-search { width: 44; }
    #history-filters { color: $text-muted; height: 1; }
    #history-table { height: 1fr; }
    #history-status { color: $text-muted; height: 1; }
    """
    AUTO_FOCUS = "#history-table"  # straight to the rows: one focus change, one footer
    BINDINGS = [
        Binding("escape", "back", "Back", id="history.back"),
        Binding("enter", "open", "Report", id="history.open"),
        Binding("p", "replay", "Replay", id="history.replay"),
        Binding("s", "sort", "Sort", id="history.sort"),
        Binding("r", "reverse", "Reverse", id="history.reverse", show=False),
        Binding("m", "mode", "Mode", id="history.mode"),
        Binding("f", "filters", "Filters", id="history.filters"),
        Binding("slash", "search", "Search", id="history.search"),
        Binding("d", "delete", "Delete", id="history.delete"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.query_ = h.Query(limit=PAGE)
        self.rows: list[h.Row] = []
        self.total = 0

    def body(self) -> Iterator[Widget]:
        with Vertical(id="history-screen"):
            with Horizontal(id="history-top"):
                yield Static("History", id="history-title")
                yield Input(placeholder="search questions, problems, topics", id="history-search")
            yield Static("", id="history-filters", markup=False)
            yield RowList(fmt.HISTORY_HEADER, id="history-table")
            yield Static("", id="history-status", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(RowList).search_box = self.query_one("#history-search", Input)
        self.reload()
        from mockint.review.summary import any_missing
        from mockint.tui.screens.review_common import refresh_review

        if any_missing(self.mockint.store):
            self.set_status("Scoring sessions not summarised yet...")
            refresh_review(self, self.reload)

    # -- data ----------------------------------------------------------------------------
    @property
    def store(self) -> Store:
        return self.mockint.store

    def reload(self) -> None:
        self.query_.offset = 0
        self.rows = h.sessions(self.store, self.query_)
        self.total = h.count(self.store, self.query_)
        table = self.query_one(RowList)
        table.cursor = 0
        table.scroll_to(0, 0, animate=False)
        table.set_rows([fmt.history_row(r) for r in self.rows])
        self._show_filters()
        self._counts()

    def _add(self, rows: list[h.Row]) -> None:
        self.query_one(RowList).add_rows([fmt.history_row(r) for r in rows])
        self._counts()

    def _counts(self) -> None:
        self.set_status(
            f"{len(self.rows)} of {self.total} sessions shown"
            if self.total > len(self.rows)
            else f"{self.total} session" + ("" if self.total == 1 else "s")
        )

    def on_row_list_highlighted(self, event: RowList.Highlighted) -> None:
        if event.index >= len(self.rows) - 20 and len(self.rows) < self.total:
            self.query_.offset = len(self.rows)
            more = h.sessions(self.store, self.query_)
            self.rows += more
            self._add(more)

    def on_row_list_selected(self, event: RowList.Selected) -> None:
        self.action_open()

    def set_status(self, text: str) -> None:
        self.query_one("#history-status", Static).update(text)

    def _show_filters(self) -> None:
        q = self.query_
        first = {
            "date": ("newest first", "oldest first"),
            "score": ("highest first", "lowest first"),
            "time": ("longest first", "shortest first"),
            "scenario": ("Z-A", "A-Z"),
        }[q.sort][0 if q.descending else 1]
        parts = [f"sort: {q.sort}, {first}"]
        parts.append(f"mode: {q.mode or 'all'}")
        if q.scenario:
            parts.append(f"scenario: {q.scenario}")
        if q.since is not None or q.until is not None:
            since = fmt.when(q.since)[:10] if q.since is not None else "..."
            until = fmt.when(q.until - 1)[:10] if q.until is not None else "..."
            parts.append(f"dates: {since} to {until}")
        if q.min_score is not None or q.max_score is not None:
            parts.append(f"score: {fmt.score(q.min_score)} to {fmt.score(q.max_score)}")
        if q.search:
            parts.append(f"search: {q.search}")
        self.query_one("#history-filters", Static).update(" · ".join(parts))

    def current(self) -> h.Row | None:
        table = self.query_one(RowList)
        if not self.rows or not 0 <= table.cursor < len(self.rows):
            return None
        return self.rows[table.cursor]

    # -- search and filters ----------------------------------------------------------------
    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "history-search":
            self.query_.search = event.value.strip() or None
            self.reload()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "history-search":
            self.query_one(RowList).focus()

    def action_search(self) -> None:
        # Keys typed right after "/" in the same burst must land in the box, not run as
        # commands (d would delete): the list passes them on until it has focus again.
        box = self.query_one("#history-search", Input)
        self.query_one(RowList).forward_to = box
        self.set_focus(box)

    def action_sort(self) -> None:
        q = self.query_
        q.sort = SORTS[(SORTS.index(q.sort) + 1) % len(SORTS)]
        q.descending = q.sort != "scenario"
        self.reload()

    def action_reverse(self) -> None:
        self.query_.descending = not self.query_.descending
        self.reload()

    def action_mode(self) -> None:
        q = self.query_
        q.mode = MODES[(MODES.index(q.mode) + 1) % len(MODES)]
        self.reload()

    def action_filters(self) -> None:
        def chosen(values: dict[str, FilterValue] | None) -> None:
            if values is not None:
                for k, v in values.items():
                    setattr(self.query_, k, v)
                self.reload()

        self.app.push_screen(FilterDialog(self.query_), chosen)

    def action_back(self) -> None:
        if self.focused is self.query_one("#history-search", Input):
            self.query_one(RowList).focus()
            return
        self.app.pop_screen()

    # -- actions on a session --------------------------------------------------------------
    def action_open(self) -> None:
        row = self.current()
        if row is not None:
            open_report(self.app, row.id)

    def action_replay(self) -> None:
        row = self.current()
        if row is not None:
            from mockint.tui.screens.review_common import open_replay

            open_replay(self.app, row.id)

    def action_delete(self) -> None:
        row = self.current()
        if row is None:
            return
        from mockint.tui.screens.confirm import Confirm

        def answered(yes: bool | None) -> None:
            if yes:
                try:
                    h.delete(self.store, row.id)
                except Exception as exc:
                    self.notify(f"Could not delete: {exc}", severity="error")
                    return
                keep = self.query_one(RowList).cursor
                self.reload()
                self.query_one(RowList).move_to(min(keep, len(self.rows) - 1))
                self.notify(f"Deleted session {row.id}.")

        self.app.push_screen(
            Confirm(
                f"Delete session {row.id} ({row.title}, {fmt.when(row.created_at)})?",
                "Its answers, code, runs and events are removed for good; "
                "stories saved from it stay in your story bank.",
            ),
            answered,
        )


FilterValue = str | float | None  # a filter as typed: a scenario, a day, a score


class FilterDialog(BaseModal[dict[str, FilterValue] | None]):
    """Scenario, date range and score range; returns the Query fields to set."""

    HELP_TITLE = "history filters"
    HELP_TEXT = "Leave a field empty for no limit. Dates are YYYY-MM-DD, scores 0-100."
    DEFAULT_CSS = """
    FilterDialog Input { margin-bottom: 0; }
    FilterDialog #filter-error { color: $error; height: auto; }
    """
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="filters.cancel"),
        Binding("ctrl+s", "apply", "Apply", id="filters.apply", priority=True),
    ]
    FIELDS = (
        ("scenario", "Scenario id or part of its title"),
        ("since", "From day (YYYY-MM-DD)"),
        ("until", "To day (YYYY-MM-DD)"),
        ("min_score", "Lowest overall score"),
        ("max_score", "Highest overall score"),
    )

    def __init__(self, q: h.Query) -> None:
        super().__init__()
        self.initial = {
            "scenario": q.scenario or "",
            "since": fmt.when(q.since)[:10] if q.since is not None else "",
            "until": fmt.when(q.until - 1)[:10] if q.until is not None else "",
            "min_score": "" if q.min_score is None else f"{q.min_score:g}",
            "max_score": "" if q.max_score is None else f"{q.max_score:g}",
        }

    def body(self) -> Iterator[Widget]:
        with Vertical(id="dialog"):
            yield Static("[b]Filter the history[/b]")
            for name, label in self.FIELDS:
                yield Input(self.initial[name], placeholder=label, id=f"filter-{name}")
            yield Static("", id="filter-error", markup=False)
            yield Static("Enter or Ctrl+S applies, Esc cancels.", id="hint")
        yield Footer()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.action_apply()

    def action_apply(self) -> None:
        values: dict[str, FilterValue] = {}
        for name, _ in self.FIELDS:
            text = self.query_one(f"#filter-{name}", Input).value.strip()
            try:
                values[name] = self._parse(name, text)
            except ValueError as exc:
                self.query_one("#filter-error", Static).update(f"{name.replace('_', ' ')}: {exc}")
                return
        self.dismiss(values)

    @staticmethod
    def _parse(name: str, text: str) -> FilterValue:
        if not text:
            return None
        if name == "scenario":
            return text
        if name in ("since", "until"):
            return h.parse_day(text, end=name == "until")
        value = float(text.replace(",", "."))
        if not 0 <= value <= 100:
            raise ValueError(f"{text} is not between 0 and 100")
        return value

    def action_cancel(self) -> None:
        self.dismiss(None)


def open_report(app: App[Any], session_id: int) -> None:
    from mockint.report.collect import build_report
    from mockint.report.commands import pair_part_of
    from mockint.report.document import document
    from mockint.tui.screens.report import ReportScreen

    store = mockint_app(app).store
    try:
        report = build_report(store, session_id)
        pair = pair_part_of(store, session_id)  # a pair round: its own part, in your view
    except Exception as exc:  # damaged rows: one line, never a crash
        app.notify(f"The report could not be built: {exc}", severity="error", timeout=8)
        return
    text = document(report, pair, "md")
    app.push_screen(ReportScreen(session_id, text))
