"""The app's side of a session: starting, resuming or taking one over, the screen for where
it stands, the stage moves and the clock, saving through the recorder (and saying when it
cannot), the heartbeat, and the judge a coding stage needs. MockintApp (mockint/tui/app.py)
adds the set-up, the pickers and leaving."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from textual.app import App
from textual.screen import Screen

from mockint.engine.clock import Clock
from mockint.scenario.minutes import format_minutes
from mockint.store.db import StoreError
from mockint.store.sessions import Store
from mockint.tui.screens.base import BaseScreen

# The session machinery (engine, recording, locks, kinds) is imported where first used:
# the home screen must come up fast.
if TYPE_CHECKING:
    from mockint.engine.session import Session
    from mockint.grading.client import GradingClient
    from mockint.recording import Recorder
    from mockint.scenario.model import Scenario
    from mockint.store.locks import SessionBusy, SessionTaken

T = TypeVar("T")


class SessionApp(App[None]):
    def __init__(
        self, store: Store, clock: Clock, *, pace: float = 1.0, repeat_solved: bool = False
    ) -> None:
        super().__init__()
        self.store = store
        self.clock = clock
        self.pace = pace
        self.repeat_solved = repeat_solved
        self.session: Session | None = None
        self.recorder: Recorder | None = None
        self.notes: dict[int, str] = {}
        self._judge: GradingClient | None = None
        self.sandbox_warned = False
        self.fatal_message = ""  # printed after the app has left the screen
        self._backed_up: set[int] = set()
        self._was_unsaved = False

    # -- saving -----------------------------------------------------------------------
    def save(self, what: str, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T | None:
        """A store write outside the session's recorder (a story, a discard): a failure is
        shown, never a crash, and the text stays on screen. Returns None if it failed."""
        try:
            return fn(*args, **kwargs)
        except StoreError as exc:
            self.notify(f"Could not save {what}: {exc}", severity="error", timeout=10)
            return None

    def _attach_recorder(self, recorder: Recorder) -> None:
        self.recorder = recorder
        recorder.on_status = self._unsaved_changed
        self._unsaved_changed()

    def unsaved_text(self) -> str:
        """One plain line on what is typed but not yet in the database; empty if nothing."""
        rec = self.recorder
        if rec is None or not rec.pending:
            return ""
        why = f" ({rec.error})" if rec.error else ""
        return (
            f"NOT SAVED YET: {', '.join(rec.unsaved())}{why}. Keep working: mockint retries "
            "every second and keeps it all until the database takes it."
        )

    def _unsaved_changed(self) -> None:
        text = self.unsaved_text()
        if isinstance(self.screen, BaseScreen):
            self.screen.show_unsaved(text)
        if text and not self._was_unsaved:
            self.notify(text, title="Not saved", severity="error", timeout=10)
        elif not text and self._was_unsaved:
            self.notify("Saved: everything you typed is in the database again.", timeout=6)
        self._was_unsaved = bool(text)

    # -- starting, resuming, taking over ----------------------------------------------
    def begin(self, scenario: Scenario | None, *, paced: bool = False) -> None:
        if scenario is None:
            self.notify("No scenario to start.", severity="error")
            return
        if not paced and self.pace != 1.0:
            scenario = scenario.paced(self.pace)
        from mockint.recording import resolve_content, start_session
        from mockint.scenario.errors import ScenarioError

        try:
            scenario = resolve_content(
                scenario, self.store, pace=self.pace, repeat_solved=self.repeat_solved
            )
        except (ValueError, ScenarioError) as exc:
            self.notify(f"Cannot start: {exc}", severity="error", timeout=10)
            return
        result = self.save(
            "the new session", start_session, self.store, scenario, self.clock, pace=self.pace
        )
        if result is None:
            return
        self.session, recorder = result
        self._attach_recorder(recorder)
        self.notes = {}
        self.show_current()

    def resume(self, session_id: int, *, take_over: bool = False) -> None:
        from mockint.recording import resume_session
        from mockint.store.locks import SessionBusy

        try:
            record = self.store.load(session_id)
            self.session, recorder = resume_session(
                self.store, record, self.clock, take_over=take_over
            )
        except SessionBusy as exc:
            self._offer_take_over(session_id, exc)
            return
        except StoreError as exc:
            self.notify(f"Cannot resume: {exc}", severity="error", timeout=10)
            return
        self._attach_recorder(recorder)
        self.notes = dict(record.notes)
        ev = self.session.events[-1] if self.session.events else None
        if ev is not None and ev.kind == "recovered" and ev.data.get("dead_seconds", 0) >= 1:
            away = format_minutes(ev.data["dead_seconds"] / 60)
            self.notify(
                f"Resumed. The {away} the app was closed were not counted."
                + (" The clock is paused: F2 resumes." if ev.data.get("was") == "running" else ""),
                title="Session resumed",
                timeout=8,
            )
        self.show_current()

    def _offer_take_over(self, session_id: int, busy: SessionBusy) -> None:
        from mockint.tui.screens.confirm import Confirm

        def answered(yes: bool | None) -> None:
            if yes:
                self.resume(session_id, take_over=True)

        self.push_screen(
            Confirm(
                f"Session {session_id} is open in another mockint ({busy.holder.describe()}).",
                "Take it over here? The other window stops recording it.",
            ),
            answered,
        )

    def _lost(self, exc: SessionTaken) -> None:
        """Another instance took the session: stop writing and go home, nothing overwritten."""
        if self.recorder is not None:
            self.recorder.lease = None  # no flush or release: the session is not ours now
            self.recorder.pending.clear()
        self.session = None
        self.recorder = None
        self._unsaved_changed()
        while len(self.screen_stack) > 1:
            self.pop_screen()
        self.notify(str(exc), title="Session taken over", severity="warning", timeout=15)

    # -- the screen for where the session stands --------------------------------------
    def _show(self, screen: Screen[Any]) -> None:
        if len(self.screen_stack) > 1:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def show_current(self) -> None:
        from mockint.engine.session import StageState
        from mockint.kinds import StageKind, kind_info, resolve
        from mockint.tui.screens.intro import StageIntro
        from mockint.tui.screens.stage import StageScreen
        from mockint.tui.screens.summary import SummaryScreen

        s = self.session
        if s is None:
            return
        if s.finished:
            self._backup_once()
            self._show(SummaryScreen(s, self.recorder.session_id if self.recorder else None))
        elif s.run.state is StageState.NOT_STARTED:
            self._show(StageIntro(s.run.stage, s.current, len(s.runs), s.scenario.profile))
            if s.run.stage.kind == StageKind.CODING:
                self.ensure_judge()  # warm it up while the candidate reads the card
        else:
            # The stage kind's own screen (mockint.kinds), or the notes area if it has
            # nothing to show (no problems or questions picked, a broken bank).
            screen_cls = resolve(kind_info(s.run.stage.kind).screen)
            screen = screen_cls.for_stage(self, s) if self.recorder is not None else None
            self._show(screen or StageScreen(s, self.notes.get(s.current, "")))

    def _backup_once(self) -> None:
        """A rolling backup of the database when a session ends (the last few kept)."""
        from mockint.store.backup import backup

        rec = self.recorder
        if rec is None or rec.session_id in self._backed_up or str(self.store.path) == ":memory:":
            return
        self._backed_up.add(rec.session_id)
        rec.flush()
        self.save("the backup", backup, self.store)

    def session_pace(self) -> float:
        if self.recorder is None:
            return self.pace
        return self.store.load(self.recorder.session_id).pace

    # -- actions the screens call -----------------------------------------------------
    def start_stage(self) -> None:
        if self.session and not self.session.finished:
            self.save("the stage start", self.session.start)
            self.show_current()

    def skip_stage(self) -> None:
        s = self.session
        if s is None or s.finished:
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.save("the skip", s.skip_stage)
                self.show_current()

        from mockint.tui.screens.confirm import Confirm

        self.push_screen(
            Confirm(f"Skip '{s.run.stage.title}'?", "It is recorded as skipped."), answered
        )

    def action_next_stage(self) -> None:
        s = self.session
        if s is None or s.finished:
            return
        left = s.remaining()
        detail = "Time left is not carried over." if left > 0 else "Overtime so far is recorded."

        def answered(yes: bool | None) -> None:
            if yes and self.session is s and not s.finished:
                self.flush_notes()
                self.save("the stage end", s.finish_stage)
                self.show_current()

        from mockint.tui.screens.confirm import Confirm

        self.push_screen(Confirm(f"Finish '{s.run.stage.title}' and move on?", detail), answered)

    def toggle_pause(self) -> None:
        from mockint.engine.session import StageState

        s = self.session
        if s is None or s.finished:
            return
        if s.run.state is StageState.RUNNING:
            self.save("the pause", s.pause)
        elif s.run.state is StageState.PAUSED:
            self.save("the resume", s.resume)

    def save_note(self, index: int, text: str) -> None:
        self.notes[index] = text
        if self.recorder is not None:
            self.recorder.note(index, text, at=self.clock.now())

    def flush_notes(self) -> None:
        flush = getattr(self.screen, "flush_notes", None)
        if flush is not None:
            flush()

    def heartbeat(self) -> None:
        from mockint.store.locks import SessionTaken

        if self.session is None or self.recorder is None:
            return
        try:
            if self.session.finished:
                self.recorder.flush()
            else:
                self.recorder.heartbeat(self.session)
        except SessionTaken as exc:
            self._lost(exc)
        except StoreError as exc:
            self.notify(f"Cannot check the session: {exc}", severity="error", timeout=10)

    # -- the judge, and leaving the session -------------------------------------------
    def ensure_judge(self) -> GradingClient:
        """The grading process, started on first need; it warms up in the background."""
        from mockint.grading.client import GradingClient

        if self._judge is None:
            from mockint.paths import user_data_dir

            self._judge = GradingClient(
                log_path=str(user_data_dir() / "logs" / "grading-worker.log"),
                secrets=[str(self.store.path)],  # named by --db or otherwise: never visible
            )
        self._judge.start()
        return self._judge

    def on_unmount(self) -> None:
        if self.recorder is not None:
            self.recorder.close()
        if self._judge is not None:
            self._judge.shutdown()

    def action_go_home(self) -> None:
        self.flush_notes()
        if self.recorder is not None:
            self.recorder.close()
        self.session = None
        self.recorder = None
        self._unsaved_changed()
        while len(self.screen_stack) > 1:
            self.pop_screen()

    def close_session(self) -> None:
        """Quitting on purpose: save the notes and stop the clock."""
        from mockint.engine.session import StageState

        self.flush_notes()
        s = self.session
        if s is not None and not s.finished and s.run.state is StageState.RUNNING:
            self.save("the pause", s.pause)
