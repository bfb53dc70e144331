"""The end of a loop: time planned and used per stage."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from textual.binding import Binding
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import DataTable, Footer, Static

from mockint.engine.session import Session
from mockint.engine.timefmt import clock_text, elapsed_text
from mockint.tui.screens.base import BaseScreen

if TYPE_CHECKING:
    from mockint.report.shape import Report


class SummaryScreen(BaseScreen):
    HELP_TITLE = "summary"
    HELP_TEXT = "Time planned and used for each stage of the loop you just finished."
    BINDINGS = [
        Binding("enter", "app.go_home", "Home", id="summary.home", priority=True),
        Binding("r", "report", "Full report", id="summary.report"),
        Binding("q", "app.quit", "Quit", id="summary.quit"),
    ]

    def __init__(self, session: Session, session_id: int | None = None) -> None:
        super().__init__()
        self.session = session
        self.session_id = session_id
        self.report: Report | None = None

    def body(self) -> Iterator[Widget]:
        with Vertical(id="summary"):
            yield Static(f"[b]Loop finished: {self.session.scenario.title}[/b]", id="summary-title")
            yield DataTable(id="summary-table", cursor_type="none", zebra_stripes=True)
            yield Static("", id="summary-total")
            yield Static("", id="summary-score")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("#", "Stage", "Planned", "Used", "Overtime", "Status")
        planned = used = over = 0.0
        for i, run in enumerate(self.session.runs):
            u = run.accumulated
            o = max(0.0, u - run.planned)
            planned += run.planned
            used += u
            over += o
            status = "skipped" if run.skipped else ("overtime" if o > 0 else "on time")
            table.add_row(
                str(i + 1),
                run.stage.title,
                clock_text(run.planned),
                elapsed_text(u),
                ("+" + elapsed_text(o)) if o > 0 else "-",
                status,
            )
        self.query_one("#summary-total", Static).update(
            f"Total: planned {clock_text(planned)}, used {elapsed_text(used)}"
            + (f", overtime +{elapsed_text(over)}" if over > 0 else "")
        )
        table.focus()
        self.show_score()

    def show_score(self) -> None:
        if self.session_id is None:
            return
        from mockint.report.collect import build_report

        try:
            self.report = build_report(self.mockint.store, self.session_id)
        except Exception as exc:
            self.query_one("#summary-score", Static).update(f"The report could not be built: {exc}")
            return
        score = self.report["overall"]["score"]
        value = score.get("value")
        text = "Overall score: not scored" if value is None else f"Overall score: {value:.0f} / 100"
        parts = [
            f"{p['name'].replace('_', ' ')} {p['value']:.0f}"
            for p in score.get("parts", [])
            if p.get("value") is not None
        ]
        if parts:
            text += " (" + ", ".join(parts) + ")"
        self.query_one("#summary-score", Static).update(text + ". Press r for the full report.")

    def action_report(self) -> None:
        if self.report is None or self.session_id is None:
            self.notify("No report for this session.", severity="warning")
            return
        from mockint.report.document import document
        from mockint.tui.screens.report import ReportScreen

        self.app.push_screen(ReportScreen(self.session_id, document(self.report, None, "md")))
