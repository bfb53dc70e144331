"""The coding round's results: one row per test with a symbol and a word, and the details."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import DataTable, ProgressBar, Static

from mockint.grading.text import clean
from mockint.kinds import verdict_info
from mockint.tui.port import advice_text

__all__ = ["NO_RUN", "Results", "Shown", "advice_text", "verdict_text"]


def verdict_text(verdict: str) -> str:
    info = verdict_info(verdict)
    return f"{info.symbol} {info.word}"


NO_RUN = "No run yet. Ctrl+R runs the visible tests, Ctrl+S submits."

# What the pane shows after a run: verdict line, the tests' rows, the advice.
Shown = tuple[str, list[dict[str, Any]], str]


class Results(Vertical):
    def compose(self) -> ComposeResult:
        with Horizontal(id="results-head"):
            yield Static(NO_RUN, id="verdict")
            yield ProgressBar(total=1, show_eta=False, id="progress")
        with Horizontal(id="results-body"):
            yield DataTable(id="tests", cursor_type="row", zebra_stripes=True)
            with VerticalScroll(id="detail-box"):
                yield Static("", id="detail", markup=False)
        yield Static("", id="run-summary", markup=False)

    def on_mount(self) -> None:
        table = self.query_one("#tests", DataTable)
        table.add_columns("Test", "Result", "ms")
        self.query_one("#progress", ProgressBar).display = False
        self.tests: list[dict[str, Any]] = []
        self._running = False
        self._verdict = NO_RUN
        self._advice = ""

    def shown(self) -> Shown:
        """What the pane shows now, to show again later with `show`."""
        return self._verdict, list(self.tests), self._advice

    def show(self, shown: Shown | None) -> None:
        """Show a finished run's results again, or none (the state before any run)."""
        self.tests = []
        self.query_one("#tests", DataTable).clear()
        self.query_one("#detail", Static).update("")
        self._advice = ""
        if shown is None:
            self.set_verdict(NO_RUN)
            return
        verdict, tests, advice = shown
        for test in tests:
            self.add_test(test)
        self.finish(verdict, advice)

    def begin(self, kind: str, total: int | None = None) -> None:
        self.tests = []
        self.query_one("#tests", DataTable).clear()
        self.query_one("#detail", Static).update("")
        bar = self.query_one("#progress", ProgressBar)
        self._running = True
        if not bar.display:
            bar.display = True
        bar.update(total=total or None, progress=0)
        self.set_verdict(f"{'Submitting' if kind == 'submit' else 'Running'}... (Esc cancels)")

    def set_total(self, total: int) -> None:
        self.query_one("#progress", ProgressBar).update(total=total, progress=len(self.tests))

    def add_test(self, test: dict[str, Any]) -> None:
        self.tests.append(test)
        label = test["id"] if test.get("visible", True) else f"{test['id']} (hidden)"
        ms = test.get("time_ms")
        self.query_one("#tests", DataTable).add_row(
            label, verdict_text(test["verdict"]), "" if ms is None else f"{ms:.0f}"
        )
        self.query_one("#progress", ProgressBar).advance(1)
        if len(self.tests) == 1:
            self.show_detail(0)

    def finish(self, headline: str, advice: str = "") -> None:
        # The bar goes a moment later unless another run has begun: showing and hiding it
        # relays the whole screen out, which back-to-back runs would take from typing.
        self._running = False
        self.set_timer(0.3, self._hide_progress)
        self.set_verdict(headline)
        failing = next((i for i, t in enumerate(self.tests) if t["verdict"] != "accepted"), None)
        if failing is not None:
            self.query_one("#tests", DataTable).move_cursor(row=failing)
            self.show_detail(failing)
        elif advice:
            self.query_one("#detail", Static).update(advice)
        self._advice = advice

    def _hide_progress(self) -> None:
        if not self._running:
            self.query_one("#progress", ProgressBar).display = False

    def set_verdict(self, text: str) -> None:
        self._verdict = text
        self.query_one("#verdict", Static).update(text)

    def set_summary(self, text: str) -> None:
        self.query_one("#run-summary", Static).update(text)

    def show_detail(self, index: int) -> None:
        if not 0 <= index < len(self.tests):
            return
        t = self.tests[index]
        text = f"{t['id']}: {verdict_text(t['verdict'])}"
        if t.get("message"):
            text += "\n" + clean(t["message"])  # a stored run may predate the judge's cleaning
        advice = self._advice
        if advice:
            text += "\n\n" + advice
        self.query_one("#detail", Static).update(text)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.show_detail(event.cursor_row)
