"""The coding screen's runs: the editor's code run or submitted through the session port
(the local judge, or the pair hub's), its events followed into the results pane, Esc to
cancel. CodingScreen (coding.py) adds the problem's side: statement, claims, hints,
discussion, and what a run first saves."""

from __future__ import annotations

from typing import Any

from textual import work
from textual.message import Message
from textual.widgets import TextArea

from mockint.tui.port import (
    ProblemInfo,
    RunCancelled,
    RunDone,
    RunEvent,
    RunFailed,
    RunHandle,
    RunStarted,
    RunTest,
    SessionPort,
)
from mockint.tui.screens.stage_common import StageClock
from mockint.tui.widgets.results import Results


class CodeRuns(StageClock):
    port: SessionPort
    problems: list[ProblemInfo]
    current = 0  # the problem on screen
    run_handle: RunHandle | None = None
    _token: object | None = None  # the run whose events this screen takes
    _footer_running = False  # whether the footer last showed the Esc (cancel) key

    class Graded(Message):
        """One event of a run (started, a test, done, ...)."""

        def __init__(self, token: object, event: RunEvent) -> None:
            super().__init__()
            self.token = token
            self.event = event

    @property
    def problem(self) -> ProblemInfo:
        return self.problems[self.current]

    def _log(self, kind: str, **data: Any) -> None:
        self.port.event(kind, **data)

    # -- what the screen adds around a run ----------------------------------------------
    def before_run(self) -> None:
        """Save what the run is about before it starts (the code's snapshot, the claim)."""

    def accepted_submit(self) -> None:
        """A submit was accepted."""

    def run_ended(self) -> None:
        """A run finished, failed or was cancelled (the runs summary may have changed)."""

    # -- a run -------------------------------------------------------------------------
    def action_run(self, submit: bool) -> None:
        if self.port.read_only:
            return
        if self.run_handle is not None:
            self.notify("A run is already in progress (Esc cancels it).", severity="warning")
            return
        self.before_run()
        code = self.query_one("#editor", TextArea).text
        self.follow_run(self.port.run(self.problem, code, submit))
        warning = self.port.run_warning()
        if warning:
            self.notify(warning, title="Weaker isolation", severity="warning", timeout=12)

    def follow_run(self, handle: RunHandle) -> None:
        """Show a run's events as they come (one this screen started, or on a mirror the
        candidate's)."""
        self.run_handle = handle
        results = self.query_one(Results)
        results.begin(handle.kind)
        if self.port.read_only:  # only the candidate can cancel it
            results.set_verdict(f"The candidate's {handle.kind}: grading...")
        token = object()
        self._token = token
        self._follow(token, handle)
        self._sync_footer_soon()

    @work(group="grading", exit_on_error=False)
    async def _follow(self, token: object, handle: RunHandle) -> None:
        """A Textual worker: relays the run's events to this screen as messages."""
        async for event in handle.events():
            self.post_message(self.Graded(token, event))

    def on_code_runs_graded(self, message: Graded) -> None:
        self._on_run_event(message.token, message.event)

    def _on_run_event(self, token: object, event: RunEvent) -> None:
        if token is not self._token or not self.is_mounted:
            return
        results = self.query_one(Results)
        kind = self.run_handle.kind if self.run_handle is not None else ""
        match event:
            case RunStarted():
                results.set_total(event.total)
            case RunTest():
                results.add_test(event.test)
            case RunDone():
                results.finish(event.headline, event.advice)
                self._end_run()
                if event.verdict == "accepted" and kind == "submit":
                    self.accepted_submit()
            case RunCancelled():
                results.finish("Run cancelled.")
                self._end_run()
            case RunFailed():
                results.finish(event.message)
                self.notify(event.message, severity="error", timeout=8)
                self._end_run()

    def _end_run(self) -> None:
        self.run_handle = None
        self.run_ended()
        self._sync_footer_soon()

    def _sync_footer_soon(self) -> None:
        """Show or hide the Esc key a moment after a run starts or ends, and only if that
        changed: rebuilding the footer costs the app tens of milliseconds, which back-to-back
        runs would otherwise take from typing (the key itself works at once either way)."""
        self.set_timer(0.3, self._sync_footer)

    def _sync_footer(self) -> None:
        running = self.run_handle is not None
        if running != self._footer_running:
            self._footer_running = running
            self.refresh_bindings()

    def action_cancel_run(self) -> None:
        if self.run_handle is not None and not self.port.read_only:
            self.run_handle.cancel()
