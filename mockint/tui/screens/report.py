"""The session report inside the app: the same Markdown that `mockint report` prints."""

from __future__ import annotations

from collections.abc import Iterator

from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import Footer, Markdown

from mockint.paths import private_dir, user_data_dir
from mockint.tui.screens.base import BaseScreen


class ReportScreen(BaseScreen):
    HELP_TITLE = "report"
    HELP_TEXT = "Scores and their parts, what was missed, coding verdicts and the STAR analysis."
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="report.back"),
        Binding("s", "save", "Save as Markdown", id="report.save"),
        Binding("p", "replay", "Replay coding", id="report.replay"),
    ]

    def __init__(self, session_id: int, markdown: str) -> None:
        super().__init__()
        self.session_id = session_id
        self.markdown = markdown

    def body(self) -> Iterator[Widget]:
        with VerticalScroll(id="report-box"):
            yield Markdown(self.markdown, id="report-md")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#report-box").focus()

    def action_replay(self) -> None:
        from mockint.tui.screens.review_common import open_replay

        open_replay(self.app, self.session_id)

    def action_save(self) -> None:
        folder = user_data_dir() / "reports"
        path = folder / f"session-{self.session_id}.md"
        try:
            private_dir(folder)
            path.write_text(self.markdown, encoding="utf-8")
        except OSError as exc:
            self.notify(f"Could not save {path}: {exc}", severity="error")
            return
        self.notify(f"Saved {path}", timeout=8)
