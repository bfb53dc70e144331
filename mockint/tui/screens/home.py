"""The home screen: start the default loop, resume, practise, review past sessions, quit.

It must come up fast with a large history: it reads three cached figures with one indexed
query each (unfinished sessions, the latest session's summary, the due count) and imports
no review screen; the summaries and cards are brought up to date in a worker after the
first paint, and the labels follow.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from textual.binding import Binding
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from mockint import __version__
from mockint.scenario.minutes import format_minutes
from mockint.store.sessions import SessionRecord
from mockint.tui.screens.base import BaseScreen, read_screens_css

if TYPE_CHECKING:  # imported where first used: home must come up fast
    from mockint.review.home import Figures


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
    CSS_PATH = None  # its rules are in the app's mockint.tcss; screens.tcss is read later
    HELP_TITLE = "home"
    HELP_TEXT = (
        "Choose what to do with the arrow keys and Enter. A loop runs its stages in order, "
        "each with a countdown; everything is saved to SQLite as you go, so an unfinished "
        "loop can be resumed here."
    )
    BINDINGS = [
        Binding("q", "app.quit", "Quit", id="home.quit", show=False),
        Binding("d", "discard", "Discard unfinished", id="home.discard"),
        Binding("h", "review('history')", "History", id="home.history"),
        Binding("n", "review('next')", "What next", id="home.next"),
        Binding("s", "due_loop", "Start due loop", id="home.loop"),
    ]
    REFRESH_AFTER_S = 0.3

    def body(self) -> Iterator[Widget]:
        with Vertical(id="home"):
            yield Static(f"[b]mockint[/b] {__version__}", id="brand")
            yield Static("Mock interviews for AI/ML engineers, in your terminal.", id="tagline")
            yield OptionList(id="menu")
            yield Static("Up/Down to choose, Enter to select.", id="home-hint")
            yield Static("", id="home-status")
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_menu()
        self.call_after_refresh(read_screens_css, self.app)
        self._just_mounted = True  # the first resume follows at once: no second build
        self.set_timer(self.REFRESH_AFTER_S, self.refresh_review_data)

    def refresh_review_data(self) -> None:
        from mockint.tui.screens.review_common import refresh_review

        refresh_review(self, self._after_refresh)

    def _after_refresh(self) -> None:
        if self.is_current:
            self.refresh_menu()

    def on_screen_resume(self) -> None:
        # (BaseScreen's own handler runs too: Textual calls each class's on_screen_resume.)
        if getattr(self, "_just_mounted", False):
            self._just_mounted = False
        elif self.is_mounted:
            self.refresh_menu()
            # Back from a loop: its summary (the last score) is built now, then shown.
            self.refresh_review_data()

    def refresh_menu(self) -> None:
        from mockint.review.home import figures

        app = self.mockint
        store = app.store
        menu = self.query_one("#menu", OptionList)
        keep = menu.highlighted_option.id if menu.highlighted_option else None
        menu.clear_options()
        now = app.clock.now()
        fig = figures(store, now)
        for sid in fig.unfinished:
            menu.add_option(Option(resume_label(store.load(sid), now), id=f"resume:{sid}"))
        default = app.default_line()  # the scenario's, or its summary's before it is loaded
        if default is not None:
            title, stages, minutes = default
            menu.add_option(
                Option(f"Start: {title} ({stages} stages, {format_minutes(minutes)})", id="start")
            )
        last = last_text(fig, now)
        menu.add_options(
            [
                Option("Practise one problem...", id="practice"),
                Option(
                    f"What next: {fig.due} due today" if fig.due else "What next: nothing due",
                    id="next",
                ),
                Option("History" + (f" (last: {last})" if last else ""), id="history"),
                Option("Progress and weak areas", id="progress"),
                Option("Preparation plan", id="plan"),
                Option("Pick a scenario...", id="pick"),
                Option("Quit", id="quit"),
            ]
        )
        ids = [menu.get_option_at_index(i).id for i in range(menu.option_count)]
        menu.highlighted = ids.index(keep) if keep in ids else 0
        menu.focus()
        status = self.query_one("#home-status", Static)
        score = f"Last score: {fig.last_overall:.0f}/100 · " if fig.last_overall is not None else ""
        status.update(f"{score}{fig.due} due today · Data: {store.path}")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
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
        elif choice == "practice":
            app.pick_problem()
        elif choice in ("next", "history", "progress", "plan"):
            self.action_review(choice)
        elif choice.startswith("resume:"):
            app.resume(int(choice.split(":", 1)[1]))
        elif choice == "quit":
            app.exit()

    def action_review(self, kind: str) -> None:
        from mockint.tui.screens.review_nav import open_review

        open_review(self.app, kind)

    def action_due_loop(self) -> None:
        from mockint.review import queue
        from mockint.tui.screens.next_up import available, problem_minutes, question_minutes

        store = self.mockint.store
        now = self.mockint.clock.now()
        scenario = queue.due_loop(
            [d for d in queue.due(store, now) if available(d)],
            problem_minutes=problem_minutes,
            question_minutes=question_minutes,
        )
        if scenario is None:
            self.notify("Nothing is due today.", severity="warning")
            return
        self.mockint.begin(scenario, paced=True)


def last_text(fig: Figures, now: float) -> str:
    if fig.last_created is None:
        return ""
    when = ago(now - fig.last_created)
    if not fig.last_finished:
        return f"{fig.last_title}, {when}, unfinished"
    if fig.last_overall is None:
        # Scores are built after a session ends (review_common.refresh_review); until then
        # there is no score to show, which is not the same as none.
        return f"{fig.last_title}, {when}, " + ("not scored" if fig.last_summarised else "scoring")
    return f"{fig.last_overall:.0f}/100, {when}"
