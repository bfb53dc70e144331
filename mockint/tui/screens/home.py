"""The home screen: start the default loop, pick a scenario, resume, quit."""

from __future__ import annotations

import time

from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from mockint import __version__
from mockint.scenario.model import format_minutes
from mockint.store.sessions import SessionRecord
from mockint.tui.screens.base import BaseScreen


def ago(seconds: float) -> str:
    if seconds < 90:
        return "just now"
    if seconds < 5400:
        return f"{round(seconds / 60)} min ago"
    if seconds < 36 * 3600:
        return f"{round(seconds / 3600)} h ago"
    return f"{round(seconds / 86400)} days ago"


def resume_label(rec: SessionRecord, now: float) -> str:
    n = len(rec.stages)
    k = min(rec.current_stage + 1, n)
    stage = rec.stages[k - 1].title if rec.stages else "?"
    return f"Resume: {rec.title}, stage {k} of {n} ({stage}), left {ago(now - rec.alive_at)}"


class HomeScreen(BaseScreen):
    HELP_TITLE = "home"
    HELP_TEXT = (
        "Choose what to do with the arrow keys and Enter. A loop runs its stages in order, "
        "each with a countdown; everything is saved to SQLite as you go, so an unfinished "
        "loop can be resumed here."
    )
    BINDINGS = [
        Binding("q", "app.quit", "Quit", id="home.quit", show=False),
        Binding("d", "discard", "Discard unfinished", id="home.discard"),
    ]

    def body(self):
        with Vertical(id="home"):
            yield Static(f"[b]mockint[/b] {__version__}", id="brand")
            yield Static("Mock interviews for AI/ML engineers, in your terminal.", id="tagline")
            yield OptionList(id="menu")
            yield Static("Up/Down to choose, Enter to select.", id="home-hint")
            yield Static("", id="home-status")
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_menu()

    def on_screen_resume(self) -> None:
        super().on_screen_resume()
        if self.is_mounted:
            self.refresh_menu()

    def refresh_menu(self) -> None:
        app = self.mockint
        menu = self.query_one("#menu", OptionList)
        menu.clear_options()
        now = time.time()
        unfinished = app.store.unfinished()
        for rec in unfinished[:3]:
            menu.add_option(Option(resume_label(rec, now), id=f"resume:{rec.id}"))
        default = app.default_scenario
        if default is not None:
            menu.add_option(
                Option(
                    f"Start: {default.title} ({len(default.stages)} stages, "
                    f"{format_minutes(default.total_minutes)})",
                    id="start",
                )
            )
        menu.add_option(Option("Pick a scenario...", id="pick"))
        menu.add_option(Option("Quit", id="quit"))
        menu.highlighted = 0
        menu.focus()
        status = self.query_one("#home-status", Static)
        status.update(f"Data: {app.store.path}")

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action == "discard":
            option = self.query_one("#menu", OptionList).highlighted_option
            return bool(option and (option.id or "").startswith("resume:"))
        return True

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.refresh_bindings()

    def action_discard(self) -> None:
        from mockint.tui.screens.confirm import Confirm

        option = self.query_one("#menu", OptionList).highlighted_option
        option_id = option.id if option is not None else None
        if option_id is None or not option_id.startswith("resume:"):
            return
        session_id = int(option_id.split(":", 1)[1])

        def answered(yes: bool | None) -> None:
            if yes:
                self.mockint.save("the discard", self.mockint.store.abandon, session_id)
                self.refresh_menu()

        self.app.push_screen(
            Confirm(
                "Discard this unfinished session?",
                "It stays in the database, marked abandoned, and is no longer offered here.",
            ),
            answered,
        )

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        choice = event.option.id or ""
        app = self.mockint
        if choice == "start":
            app.begin(app.default_scenario)
        elif choice == "pick":
            app.pick_scenario()
        elif choice.startswith("resume:"):
            app.resume(int(choice.split(":", 1)[1]))
        elif choice == "quit":
            app.exit()
