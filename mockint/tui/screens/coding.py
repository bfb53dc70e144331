"""The coding stage: statement, code editor, results; graded in the background by the judge.

One screen for solo and pair: it talks to a session port (mockint/tui/port.py), local or the
pair hub's. On the interviewer's side of a pair round it is read-only and mirrors the
candidate's (`port.read_only`): their code and cursor, problem, claim, runs and discussion."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from textual import events
from textual.await_complete import AwaitComplete
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.markup import escape
from textual.widget import Widget
from textual.widgets import Footer, Input, Markdown, Static, TextArea

from mockint.engine.session import Session
from mockint.engine.timefmt import elapsed_text
from mockint.tui.port import ClockState, PortUpdate, ProblemInfo, SessionPort, judge_event
from mockint.tui.screens.coding_runs import CodeRuns
from mockint.tui.screens.stage_common import STAGE_BINDINGS
from mockint.tui.widgets.code_editor import CodeEditor
from mockint.tui.widgets.countdown import Countdown
from mockint.tui.widgets.results import Results, Shown

if TYPE_CHECKING:
    from mockint.tui.app import MockintApp

TICK_S = 0.25
SNAPSHOT_S = 1.0  # the editor timeline is at most this far behind the typing


class CodingScreen(CodeRuns):
    AUTO_FOCUS = "#editor"
    HELP_TITLE = "coding round"
    HELP_TEXT = (
        "Solve the problem in the editor. F8 shows the statement across the whole width "
        "(arrows and PageUp/PageDown scroll it; F8 or Esc goes back to the editor); Ctrl+T "
        "wraps long lines in the editor (again to stop). Ctrl+R runs the visible tests, Ctrl+S submits "
        "(visible and hidden tests). Grading runs in the background: keep typing. Every "
        "change is saved within a second, with a timeline for replay. F6 lets you state the "
        "time and space complexity (Enter moves on); the advice compares it with the "
        "reference and the measurement. After an accepted submit the discussion and the "
        "reference solution appear below the statement; F9 shows them earlier, which is "
        "recorded and costs points."
    )
    BINDINGS = [
        # First, so the footer shows it at any width: the statement is one key away.
        Binding("f8", "wide_statement", "Statement", id="coding.statement", priority=True),
        Binding("ctrl+r", "run(False)", "Run tests", id="coding.run", priority=True),
        Binding("ctrl+s", "run(True)", "Submit", id="coding.submit", priority=True),
        Binding("escape", "cancel_run", "Cancel run", id="coding.cancel", priority=True),
        # Many terminals send Ctrl+H as Backspace, so F3 is the key that always works.
        Binding("ctrl+h,f3", "hint", "Hint", id="coding.hint", priority=True),
        Binding("ctrl+e", "external_editor", "$EDITOR", id="coding.editor", priority=True),
        Binding("f5", "reset", "Reset code", id="coding.reset", priority=True),
        Binding("f4", "next_problem", "Next problem", id="coding.next", priority=True),
        Binding("f6", "claim", "Complexity", id="coding.claim", priority=True),
        Binding("f9", "discussion", "Discussion", id="coding.discussion", priority=True),
        Binding("ctrl+t", "soft_wrap", "Wrap lines", id="coding.wrap", priority=True),
        *STAGE_BINDINGS,
    ]

    @classmethod
    def for_stage(cls, app: MockintApp, s: Session) -> CodingScreen | None:
        from mockint.grading.problems import ProblemError, load_problem
        from mockint.tui.local_session import LocalSession

        if not s.run.stage.problems or app.recorder is None:
            return None
        try:
            problems = [load_problem(p.slug) for p in s.run.stage.problems if p.slug]
        except ProblemError as exc:
            app.notify(f"{exc}; showing the notes area instead.", severity="error", timeout=10)
            return None
        app.ensure_judge()  # warm while the screen is drawn
        return cls(LocalSession(app, s, app.recorder.session_id), list(problems))

    def __init__(self, port: SessionPort, problems: list[ProblemInfo]) -> None:
        super().__init__()
        self.port = port
        self.index = port.stage_index
        self.problems = problems
        self.codes: dict[str, str] = {}
        self.cursors: dict[str, tuple[int, int]] = {}
        self.hints_shown: dict[str, int] = {}
        self.claims: dict[str, tuple[str, str]] = {}  # slug -> (time, space) as typed
        self._claims_logged: dict[str, tuple[str, str]] = {}
        self.revealed: dict[str, bool] = {}  # slug -> shown before it was solved
        self.shown: dict[str, Shown] = {}  # slug -> its last run's results, while on screen
        self._dirty = False
        self._up = False  # the widgets are there (on_mount has begun)
        self._last_remaining: float | None = None

    def _load_saved(self) -> None:
        state = self.port.coding_state(self.problems)
        self.codes, self.cursors = state.codes, state.cursors
        self.current, self.hints_shown = state.current, state.hints_shown
        self.claims, self._claims_logged = dict(state.claims), dict(state.claims)
        self.revealed = state.revealed

    def stage_clock(self) -> ClockState | None:
        return self.port.clock()

    def toggle_clock(self) -> None:
        self.port.toggle_pause()

    # -- layout ------------------------------------------------------------------------
    def body(self) -> Iterator[Widget]:
        yield from self.coding_body()
        yield Footer()

    def coding_body(self) -> Iterator[Widget]:
        # The saved code goes into the editor when it is built, so that keys typed the moment
        # the screen appears are never overwritten by a later load.
        self._load_saved()
        with Vertical(id="coding"):
            with Horizontal(id="coding-head"):
                yield Static("", id="coding-title")
                yield Countdown(id="countdown", classes="compact")
            with Horizontal(id="coding-main"):
                with Vertical(id="coding-left"):
                    with VerticalScroll(id="statement-box"):
                        yield Markdown("", id="statement")
                        yield Static("", id="hints", markup=False)
                        yield Markdown("", id="discussion")
                    with Horizontal(id="claim-row"):
                        # A mirror's boxes hold the candidate's claim: its F6 adds 5 minutes.
                        ro = self.port.read_only
                        who = "candidate's " if ro else ""
                        time_hint, space_hint = (
                            (who or "F6: ") + "time O(...)",
                            who + "space O(...)",
                        )
                        yield Input(placeholder=time_hint, id="claim-time", disabled=ro)
                        yield Input(placeholder=space_hint, id="claim-space", disabled=ro)
                yield from self.editor_pane(self.codes[self.problem.slug])
            yield Results(id="results")

    def editor_pane(self, code: str) -> Iterator[Widget]:
        """The editor (#editor); a mirror puts its own, read-only, with a label."""
        yield CodeEditor(code, id="editor")

    def mirror_moved(self, cursor: tuple[int, int]) -> None:
        """The candidate's cursor moved (a mirror shows where)."""

    def on_mount(self) -> None:
        # Kept: on shutdown the children may be gone before our own unmount saves the code.
        self.editor = self.query_one("#editor", CodeEditor)
        self._up = True
        self.query_one(Countdown).say_running = not self.port.local_tools
        self._show_problem(initial=True)
        clock = self.stage_clock()
        self._last_remaining = clock.remaining if clock is not None else None
        self.refresh_clock()
        self.set_interval(TICK_S, self.refresh_clock)
        self.set_interval(SNAPSHOT_S, self.save_snapshot)
        self.port.listen(self)
        self.mounted()

    def mounted(self) -> None:
        """The screen is up (a pair screen shows what the room already has)."""

    def _show_problem(self, initial: bool = False) -> None:
        p = self.problem
        n = len(self.problems)
        self.query_one("#coding-title", Static).update(
            f"Stage {self.index + 1} of {self.port.stage_count} · "
            f"Problem {self.current + 1} of {n}: [b]{escape(p.title)}[/b] ({escape(p.difficulty)})"
        )
        self.query_one("#statement", Markdown).update(p.statement)
        self.query_one("#statement-box").scroll_home(animate=False)
        editor = self.editor
        if not initial:
            editor.load_text(self.codes[p.slug])
        row, col = self.cursors.get(p.slug, (0, 0))
        editor.cursor_location = (min(row, editor.document.line_count - 1), col)
        if not self.port.read_only:
            editor.focus()
        time_claim, space_claim = self.claims.get(p.slug, ("", ""))
        self.query_one("#claim-time", Input).value = time_claim
        self.query_one("#claim-space", Input).value = space_claim
        self._show_hints()
        self._show_discussion()
        if not initial:  # this problem's own results (none before its first run)
            self.query_one(Results).show(self.shown.get(p.slug))
        self._show_summary()

    def _show_hints(self) -> None:
        shown = self.hints_shown.get(self.problem.slug, 0)
        text = "\n".join(self.port.hint_lines(self.problem, shown))
        self.query_one("#hints", Static).update(text)

    def _show_summary(self) -> None:
        stats = self.port.run_stats(self.problem.slug)
        text = f"Runs: {stats.runs}"
        if stats.runs:
            text += f" · first run at {elapsed_text(stats.first_s or 0.0)}"
            if stats.accepted_s is not None:
                text += f" · accepted at {elapsed_text(stats.accepted_s)}"
            else:
                text += " · not accepted yet"
        hints = self.hints_shown.get(self.problem.slug, 0)
        if hints:
            text += f" · hints used: {hints}"
        if self.revealed.get(self.problem.slug):
            text += " · solution viewed before solving"
        self.query_one(Results).set_summary(text)

    # -- statement and editor views --------------------------------------------------------
    def action_wide_statement(self) -> None:
        """The statement across the whole width, focused to scroll; again: the editor."""
        wide = not self.has_class("-wide-statement")
        self.set_class(wide, "-wide-statement")
        if wide:
            self.query_one("#statement-box").focus()
        else:
            self.editor.focus()

    def on_key(self, event: events.Key) -> None:
        if event.key == "escape" and self.has_class("-wide-statement"):
            event.stop()
            self.action_wide_statement()

    def action_soft_wrap(self) -> None:
        self.editor.soft_wrap = not self.editor.soft_wrap
        self.notify("Long lines wrap." if self.editor.soft_wrap else "Long lines scroll.")

    # -- stated complexity ---------------------------------------------------------------
    def action_claim(self) -> None:
        self.query_one("#claim-time", Input).focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id in ("claim-time", "claim-space"):
            t = self.query_one("#claim-time", Input).value
            sp = self.query_one("#claim-space", Input).value
            self.claims[self.problem.slug] = (t, sp)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "claim-time":
            self.query_one("#claim-space", Input).focus()
        elif event.input.id == "claim-space":
            self._log_claim()
            self.editor.focus()

    def _log_claim(self) -> None:
        """Records the claim when it changed since it was last recorded."""
        slug = self.problem.slug
        claim = tuple(x.strip() for x in self.claims.get(slug, ("", "")))
        if claim != self._claims_logged.get(slug, ("", "")) and not self.port.read_only:
            self._claims_logged[slug] = (claim[0], claim[1])
            self._log("complexity_claimed", problem=slug, time=claim[0], space=claim[1])

    # -- discussion and reference solution -------------------------------------------------
    def _solved(self) -> bool:
        return self.port.run_stats(self.problem.slug).accepted_s is not None

    def _show_discussion(self) -> AwaitComplete | None:
        """Fills the discussion below the statement (hidden until revealed); returns the
        Markdown's pending update, if any."""
        p = self.problem
        box = self.query_one("#discussion", Markdown)
        shown = self.port.discussion(p) if p.slug in self.revealed else None
        if shown is None:
            box.display = False
            return box.update("")
        box.display = True
        text, code = shown
        note = (
            "*Shown before the problem was solved: recorded, and it costs points.*\n\n"
            if self.revealed[p.slug]
            else ""
        )
        return box.update(
            f"---\n\n{note}{text}\n\n## Reference solution\n\n```python\n{code}\n```\n"
        )

    def reveal(self, before_solving: bool) -> None:
        slug = self.problem.slug
        new = slug not in self.revealed or (before_solving and not self.revealed[slug])
        if new and not self.port.read_only:
            self._log("solution_viewed", problem=slug, before_solving=before_solving)
        self.revealed[slug] = self.revealed.get(slug, False) or before_solving
        pending = self._show_discussion()
        self._show_summary()
        self.run_worker(self._scroll_to_discussion(pending), group="discussion")

    async def _scroll_to_discussion(self, pending: AwaitComplete | None) -> None:
        """Once the Markdown is rendered and laid out, bring it to the top of the pane."""
        if pending is not None:
            await pending
        box = self.query_one("#discussion", Markdown)
        self.call_after_refresh(
            lambda: self.query_one("#statement-box").scroll_to_widget(box, animate=False, top=True)
        )

    def action_discussion(self) -> None:
        from mockint.tui.screens.confirm import Confirm

        if self.problem.slug in self.revealed or self._solved():
            self.reveal(before_solving=False)
            return
        if not self.port.local_tools:
            self.notify("In a pair round the discussion appears after an accepted submit.")
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.reveal(before_solving=True)

        self.app.push_screen(
            Confirm(
                "Show the discussion and the reference solution now?",
                "You have not solved this problem yet: looking now is recorded and costs "
                "points. After an accepted submit they appear without any cost.",
            ),
            answered,
        )

    # -- clock -------------------------------------------------------------------------
    def refresh_clock(self) -> None:
        self.update_countdown()

    # -- saving ------------------------------------------------------------------------
    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        if event.text_area.id == "editor" and not self.port.read_only:
            self._dirty = True
            if self.port.mirrored:
                self._send_edit()

    def on_text_area_selection_changed(self, event: TextArea.SelectionChanged) -> None:
        if event.text_area.id == "editor" and self.port.mirrored and not self.port.read_only:
            self._send_edit()  # the interviewer's mirror shows the cursor where it is

    def _send_edit(self) -> None:
        editor = self.editor
        self.port.edit(f"code:{self.problem.slug}", editor.text, editor.cursor_location)

    def save_snapshot(self) -> None:
        if not self._dirty:
            return
        self._dirty = False
        editor = self.editor
        slug = self.problem.slug
        self.codes[slug] = editor.text
        self.cursors[slug] = editor.cursor_location
        # The port keeps the snapshot until the store takes it (a full disk loses nothing).
        self._send_edit()
        self.port.flush()

    def flush_notes(self) -> None:
        """Called by the app before leaving the stage or quitting."""
        self.save_snapshot()

    def on_unmount(self) -> None:
        self.save_snapshot()
        self._log_claim()
        if self.run_handle is not None and not self.port.read_only:
            self.run_handle.cancel()

    # -- around a run (the run itself: CodeRuns) ----------------------------------------
    def before_run(self) -> None:
        self._dirty = True
        self.save_snapshot()
        self._log_claim()

    def _on_grading_event(self, token: object, event: dict[str, Any]) -> None:
        """One of the judge's own events (mockint/grading/client.py)."""
        claim = self.claims.get(self.problem.slug, ("", ""))
        ev = judge_event(self.problem, claim, event)
        if ev is not None:
            self._on_run_event(token, ev)

    def accepted_submit(self) -> None:
        if self.port.read_only:  # the candidate's screen reveals it; the mirror follows
            return
        if self.problem.slug not in self.revealed:  # shown once, not on every submit
            self.reveal(before_solving=False)
            self.notify(
                "Accepted. The discussion and the reference solution are now below the statement.",
                timeout=8,
            )

    def run_ended(self) -> None:
        self._show_summary()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        port = self.port
        if action == "cancel_run":
            return self.run_handle is not None and not port.read_only
        if action == "next_problem":
            return len(self.problems) > 1 and not port.read_only
        if action in ("run", "reset", "claim"):
            return not port.read_only
        if action in ("hint", "external_editor"):
            return port.local_tools  # in a pair round hints are the interviewer's pushes
        if action == "toggle_pause":
            return port.owns_clock
        return True

    # -- what the other participant did (a pair round): coding_mirror.py ------------------
    def port_update(self, update: PortUpdate) -> None:
        from mockint.tui.screens.coding_mirror import apply_update

        if self._up:  # from on_mount on (is_mounted is set only once it has returned)
            apply_update(self, update)

    # -- hints, reset, next problem, $EDITOR ------------------------------------------
    def action_hint(self) -> None:
        hints = list(getattr(self.problem, "hints", []) or [])
        slug = self.problem.slug
        shown = self.hints_shown.get(slug, 0)
        if shown >= len(hints):
            self.notify(
                "No more hints for this problem." if hints else "This problem has no hints."
            )
            return
        self.hints_shown[slug] = shown + 1
        self._log("hint_shown", problem=slug, number=shown + 1)
        self._show_hints()
        self._show_summary()
        self.query_one("#statement-box").scroll_end(animate=False)

    def action_reset(self) -> None:
        from mockint.tui.screens.confirm import Confirm

        def answered(yes: bool | None) -> None:
            if yes:
                editor = self.query_one("#editor", TextArea)
                # replace() keeps the undo history, so a reset can be undone with Ctrl+Z
                editor.replace(self.problem.starter, (0, 0), editor.document.end)
                self._log("code_reset", problem=self.problem.slug)

        self.app.push_screen(
            Confirm("Reset to the starter code?", "Ctrl+Z in the editor undoes it."), answered
        )

    def action_next_problem(self) -> None:
        if len(self.problems) < 2:
            return
        if self.run_handle is not None:
            # Its results belong beside this problem's code: they arrive here first.
            self.notify("A run is in progress: F4 works once it ends (Esc cancels it).")
            return
        self.shown[self.problem.slug] = self.query_one(Results).shown()
        self._dirty = True
        self.save_snapshot()
        self._log_claim()
        self.current = (self.current + 1) % len(self.problems)
        self._log("problem_opened", problem=self.problem.slug, index=self.current)
        self._show_problem()

    def action_external_editor(self) -> None:
        from mockint.tui.screens.outside_editor import edit_outside

        if not self.port.local_tools:  # never a program on the host for a pair candidate
            return
        widget = self.query_one("#editor", TextArea)
        text = edit_outside(self, widget.text, f"{self.problem.slug.replace('-', '_')}.py")
        if text is not None and text != widget.text:
            widget.replace(text, (0, 0), widget.document.end)
            self._dirty = True
            self.save_snapshot()
