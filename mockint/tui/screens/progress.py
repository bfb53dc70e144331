"""Progress: the overall score and each area over time, scores per topic, weak areas.

Charts use Textual's own Sparkline widget. It ships with Textual (already pinned), needs no
extra package and nothing at start-up (this screen is imported only when opened), and one
row per series keeps the overall and every area readable at 80x24. A plotting library
(plotext through textual-plotext) would draw axes, but would add a dependency for one screen
and needs more rows per chart than a small terminal has. Values sit beside each line (last,
mean, best, number of sessions), so nothing depends on reading bar heights alone; topics use
a one-cell-per-score text spark in the table (`mockint.review.format.spark`).
"""

from __future__ import annotations

from collections.abc import Iterator

from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import DataTable, Footer, Sparkline, Static

from mockint.review import format as fmt
from mockint.review import progress
from mockint.tui.screens.base import BaseScreen

SESSIONS = 60  # the charts show the most recent sessions


class ProgressScreen(BaseScreen):
    HELP_TITLE = "progress"
    HELP_TEXT = (
        "Your overall score and each area over your most recent scored sessions (oldest on "
        "the left), the recent score of every topic you practised, and the weak areas: the "
        "lowest topics, key points most often missed, verdicts most often hit, hints used."
    )
    DEFAULT_CSS = """
    #progress-screen { padding: 0 1; }
    #progress-charts { height: auto; }
    .chart-row { height: 1; }
    .chart-name { width: 16; }
    .chart { width: 1fr; }
    .chart-figures { width: 34; color: $text-muted; padding-left: 1; }
    .progress-head { text-style: bold; margin-top: 1; }
    #progress-topics { height: auto; max-height: 14; }
    #progress-weak { height: auto; }
    """
    BINDINGS = [Binding("escape", "app.pop_screen", "Back", id="progress.back")]

    def body(self) -> Iterator[Widget]:
        with VerticalScroll(id="progress-screen"):
            yield Static("[b]Progress[/b]", id="progress-title")
            yield Static("", id="progress-charts-empty", markup=False)
            yield Vertical(id="progress-charts")
            yield Static("Topics (recent = mean of the last 5 scores)", classes="progress-head")
            yield DataTable(id="progress-topics", cursor_type="row", zebra_stripes=True)
            yield Static("Weak areas", classes="progress-head")
            yield Static("", id="progress-weak", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        from mockint.tui.screens.review_common import refresh_review

        table = self.query_one(DataTable)
        table.add_columns("Group", "Topic", "Recent", "Scores", "Trend")
        self.fill()
        refresh_review(self, self.fill)

    def fill(self) -> None:
        store = self.mockint.store
        series = progress.score_series(store, SESSIONS)
        charts = self.query_one("#progress-charts")
        charts.remove_children()
        empty = not series["overall"].points
        self.query_one("#progress-charts-empty", Static).update(
            "No scored session yet: finish a loop or a practice problem." if empty else ""
        )
        if not empty:
            for name, s in series.items():
                values = s.values
                best = max(values)
                figures = (
                    f"last {fmt.score(s.last)} mean {fmt.score(s.mean)} best {best:.0f}"
                    f" ({len(values)})"
                )
                row = Horizontal(
                    Static(name.replace("_", " "), classes="chart-name"),
                    Sparkline(values, classes="chart", min_color="red", max_color="green"),
                    Static(figures, classes="chart-figures"),
                    classes="chart-row",
                )
                charts.mount(row)
        table = self.query_one(DataTable)
        table.clear()
        for t in progress.topic_scores(store):
            table.add_row(
                t.group, t.topic, f"{t.recent:.0f}", str(t.count), fmt.spark(t.series.values)
            )
        weak = progress.weak_areas(store)
        self.query_one("#progress-weak", Static).update(weak_text(weak))


def weak_text(w: progress.Weak) -> str:
    if not w.sessions:
        return "Nothing recorded yet."
    lines = []
    if w.topics:
        lines.append("Lowest topics: " + ", ".join(f"{t.topic} {t.recent:.0f}" for t in w.topics))
    if w.missed:
        lines.append("Key points most often missed:")
        lines += [f"  {n}x {p}" for p, n in w.missed]
    if w.verdicts:
        lines.append(
            "Verdicts most often hit: "
            + ", ".join(f"{v.replace('_', ' ')} {n}" for v, n in w.verdicts)
        )
        lines += [f"  {n}x {t.replace('_', ' ')}" for t, n in w.failing[:3]]
    lines.append(
        f"Hints used: {w.hints} in {w.sessions_with_hints} of the last {w.sessions} sessions"
    )
    return "\n".join(lines)
