"""The Textual app: screens on top of the engine and the store. Kept small on purpose: the
session's side (start, resume, stage moves, saving, the judge) is SessionApp's
(mockint/tui/session_app.py); here are the set-up, the pickers, help and leaving."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.app import App
from textual.binding import Binding
from textual.command import Provider
from textual.screen import Screen

from mockint.engine.clock import Clock, SystemClock
from mockint.store.db import StoreError
from mockint.store.sessions import Store
from mockint.tui.key_order import KeysInOrder
from mockint.tui.screens.home import HomeScreen
from mockint.tui.session_app import SessionApp
from mockint.tui.styles_cache_leak import mend

mend()  # a Textual memory leak (see styles_cache_leak)

if TYPE_CHECKING:
    from mockint.scenario.default_cache import Summary
    from mockint.scenario.model import Scenario


def _palette() -> type[Provider]:
    # Imported when the palette first opens, not at start-up.
    from mockint.tui.commands import MockintCommands

    return MockintCommands


# The other screens are imported where first used: the home screen must come up fast.

HEARTBEAT_S = 1.0
DEFAULT_LOAD_AFTER_S = 0.3  # the default scenario, when started from its summary


class MockintApp(KeysInOrder, SessionApp):
    CSS_PATH = "mockint.tcss"
    TITLE = "mockint"
    COMMANDS = App.COMMANDS | {lambda: _palette()}
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", id="app.quit", priority=True),
        Binding("f1", "help", "Help", id="app.help"),
    ]

    def __init__(
        self,
        store: Store,
        *,
        default_scenario: Scenario | None,
        default_summary: Summary | None = None,
        clock: Clock | None = None,
        pace: float = 1.0,
        start: Scenario | None = None,
        resume_id: int | None = None,
        practice_picker: bool = False,
        practice_minutes: float | None = None,
        repeat_solved: bool = False,
        open_screen: tuple[Any, ...] | None = None,
    ) -> None:
        super().__init__(store, clock or SystemClock(), pace=pace, repeat_solved=repeat_solved)
        # A bare `mockint` may start from the default scenario's summary alone (see
        # mockint/scenario/default_cache.py): the scenario is loaded once home is drawn.
        self._default_scenario = default_scenario
        self._default_summary = default_summary if default_scenario is None else None
        self._start = start
        self._resume_id = resume_id
        self._practice_picker = practice_picker
        self._practice_minutes = practice_minutes
        self._open_screen = open_screen  # a review screen to open over home (mockint replay)

    # -- set-up ------------------------------------------------------------------------
    def get_default_screen(self) -> Screen[Any]:
        return HomeScreen()

    def on_mount(self) -> None:
        self._apply_keymap()
        self.set_interval(HEARTBEAT_S, self.heartbeat)
        if self._default_summary is not None:
            self.set_timer(DEFAULT_LOAD_AFTER_S, lambda: self.default_scenario)
        if self._start is not None:
            self.begin(self._start, paced=True)
        elif self._resume_id is not None:
            self.resume(self._resume_id)
        elif self._practice_picker:
            self.pick_problem()
        elif self._open_screen is not None:
            from mockint.tui.screens.review_nav import open_review

            open_review(self, *self._open_screen)

    @property
    def default_scenario(self) -> Scenario | None:
        """The loop home offers to start; loaded here on first use if the app started from
        its summary."""
        if self._default_scenario is None and self._default_summary is not None:
            self._load_default()
        return self._default_scenario

    def default_line(self) -> tuple[str, int, float] | None:
        """The default scenario's title, stage count and minutes, for the home screen."""
        sc = self._default_scenario
        if sc is not None:
            return sc.title, len(sc.stages), sc.total_minutes
        return self._default_summary

    def _load_default(self) -> None:
        from mockint.scenario.catalog import find_scenario
        from mockint.scenario.errors import ScenarioError

        summary, self._default_summary = self._default_summary, None
        try:
            self._default_scenario = find_scenario(None)
        except ScenarioError as exc:
            # What the start would have said, had the cache not matched (it always does
            # unless a file changed without its size or mtime changing): one line, code 2.
            self.fatal_message = str(exc)
            self.exit(return_code=2)
            return
        if self.default_line() != summary and isinstance(self.screen, HomeScreen):
            self.screen.refresh_menu()

    def _apply_keymap(self) -> None:
        from mockint.tui.keymap import keymap_path, load_keymap

        if not keymap_path().exists():  # the common case costs one stat at start-up
            return
        keymap, error = load_keymap(type(self))
        if error:
            self.notify(error, title="Keymap", severity="error", timeout=12)
        if keymap:
            self.set_keymap(keymap)

    def _handle_exception(self, error: Exception) -> None:
        # Textual's hook for an unhandled error: a database that fails while the app reads
        # it ends the app with one line (and `mockint doctor` as the way out), no traceback.
        if self.fatal_message:
            return  # the app is already ending on a store error; what follows is its echo
        if isinstance(error, StoreError):
            self.fatal_message = f"mockint: {error}"
            if self.recorder is not None:
                self.recorder.lease = None
            self.exit(return_code=2)
            return
        super()._handle_exception(error)

    # -- pickers ---------------------------------------------------------------------
    def pick_scenario(self) -> None:
        from mockint.scenario.catalog import discover
        from mockint.tui.screens.picker import ScenarioPicker

        scenarios, errors = discover()

        def chosen(scenario_id: str | None) -> None:
            for sc in scenarios:
                if sc.id == scenario_id:
                    self.begin(sc)

        self.push_screen(ScenarioPicker(scenarios, errors), chosen)

    def pick_problem(self) -> None:
        from mockint.grading.problems import ProblemError, list_problems
        from mockint.scenario.practice import practice_scenario
        from mockint.tui.screens.problem_picker import ProblemPicker

        try:
            problems = list_problems()
        except ProblemError as exc:
            self.notify(str(exc), severity="error", timeout=10)
            return

        def chosen(slug: str | None) -> None:
            for p in problems:
                if p.slug == slug:
                    self.begin(
                        practice_scenario(p.slug, p.title, p.difficulty, self._practice_minutes),
                        paced=True,
                    )

        self.push_screen(ProblemPicker(problems), chosen)

    # -- help and leaving ------------------------------------------------------------
    def action_help(self) -> None:
        from mockint.tui.screens.help import Help

        if not isinstance(self.screen, Help):
            self.push_screen(Help(self.screen))

    async def action_quit(self) -> None:
        s = self.session
        lost = self.recorder.unsaved() if self.recorder and not self.recorder.flush() else []
        if (s is None or s.finished) and not lost:
            self.exit()
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.close_session()
                self.exit()

        from mockint.tui.screens.confirm import Confirm

        self.push_screen(
            Confirm(
                "Leave this loop?",
                "Everything so far is saved; start mockint again to resume it."
                if not lost
                else f"NOT SAVED: {', '.join(lost)}; the database still refuses writes. "
                "Leaving now loses it: stay, free some space, and wait for 'Saved'.",
            ),
            answered,
        )
