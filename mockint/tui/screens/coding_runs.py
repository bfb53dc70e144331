"""The coding screen's runs: the editor's code run or submitted in the judge, its events
followed into the results pane and recorded, Esc to cancel. CodingScreen (coding.py) adds
the problem's side: statement, claims, hints, discussion, and what a run first saves."""

from __future__ import annotations

from typing import Any

from textual import work
from textual.message import Message
from textual.widgets import TextArea

from mockint.grading.client import GradingRun
from mockint.grading.problems import Problem
from mockint.kinds import run_summary, verdict_info
from mockint.recording import Recorder, RunRef
from mockint.store.sessions import Store
from mockint.tui.screens.stage_common import StageClock
from mockint.tui.widgets.results import Results, advice_text


class CodeRuns(StageClock):
    session_id: int
    problems: list[Problem]
    current = 0  # the problem on screen
    run_handle: GradingRun | None = None
    run_ref: RunRef | None = None
    _token: object | None = None  # the run whose events this screen takes
    _run_kind = ""
    _footer_running = False  # whether the footer last showed the Esc (cancel) key

    class Graded(Message):
        """One event of a run from the grading worker (started, test, done, ...)."""

        def __init__(self, token: object, event: dict[str, Any]) -> None:
            super().__init__()
            self.token = token
            self.event = event

    @property
    def store(self) -> Store:
        return self.mockint.store

    @property
    def recorder(self) -> Recorder | None:
        rec = self.mockint.recorder
        return rec if rec is not None and rec.session_id == self.session_id else None

    @property
    def problem(self) -> Problem:
        return self.problems[self.current]

    def _log(self, kind: str, **data: Any) -> None:
        if self.recorder is not None:
            self.recorder.event(
                self.index,
                kind,
                at=self.session.clock.now(),
                elapsed=self.session.elapsed(self.index),
                data=data,
            )

    # -- what the screen adds around a run ----------------------------------------------
    def before_run(self) -> None:
        """Save what the run is about before it starts (the code's snapshot, the claim)."""

    def run_advice(self, result: dict[str, Any]) -> str:
        """The advice lines under a finished run's results."""
        return advice_text(result)

    def accepted_submit(self) -> None:
        """A submit was accepted."""

    def run_ended(self) -> None:
        """A run finished, failed or was cancelled (the runs summary may have changed)."""

    # -- a run -------------------------------------------------------------------------
    def action_run(self, submit: bool) -> None:
        if self.run_handle is not None:
            self.notify("A run is already in progress (Esc cancels it).", severity="warning")
            return
        self.before_run()
        code = self.query_one("#editor", TextArea).text
        slug = self.problem.slug
        kind = "submit" if submit else "run"
        self._run_kind = kind
        if self.recorder is not None:
            self.run_ref = self.recorder.start_run(
                self.index,
                slug,
                kind=kind,
                at=self.session.clock.now(),
                elapsed=self.session.elapsed(self.index),
                code=code,
            )
        results = self.query_one(Results)
        results.begin(kind)
        token = object()
        self._token = token
        app = self.mockint
        judge = app.ensure_judge()
        self.run_handle = judge.submit(code, slug, hidden=submit)
        self._follow(token, self.run_handle)
        if judge.sandbox_warning and not app.sandbox_warned:
            app.sandbox_warned = True
            self.notify(
                judge.sandbox_warning, title="Weaker isolation", severity="warning", timeout=12
            )
        self._sync_footer_soon()

    @work(group="grading", exit_on_error=False)
    async def _follow(self, token: object, handle: GradingRun) -> None:
        """A Textual worker: relays the run's events to this screen as messages."""
        async for event in handle.aevents():
            self.post_message(self.Graded(token, event))

    def on_code_runs_graded(self, message: Graded) -> None:
        self._on_grading_event(message.token, message.event)

    def _on_grading_event(self, token: object, event: dict[str, Any]) -> None:
        if token is not self._token or not self.is_mounted:
            return
        results = self.query_one(Results)
        kind = event.get("event")
        if kind == "started":
            results.set_total(int(event.get("total") or 0))
        elif kind == "test":
            results.add_test(event["test"])
        elif kind == "done":
            result = event["result"]
            results.finish(
                f"{verdict_info(result['verdict']).symbol} {run_summary(result)}",
                self.run_advice(result),
            )
            self._end_run(result, result["verdict"])
            if result["verdict"] == "accepted" and self._run_kind == "submit":
                self.accepted_submit()
        elif kind == "cancelled":
            results.finish("Run cancelled.")
            self._end_run(None, "cancelled")
        elif kind == "error":
            if event.get("kind") == "worker_died":
                msg = "The grading process stopped; it restarts on the next run. Your code is safe."
            else:
                msg = f"Grading failed: {event.get('message', 'unknown error')}"
            results.finish(msg)
            self.notify(msg, severity="error", timeout=8)
            self._end_run(None, "error")

    def _end_run(self, result: dict[str, Any] | None, verdict: str) -> None:
        if self.run_ref is not None and self.recorder is not None:
            self.recorder.finish_run(
                self.run_ref, at=self.session.clock.now(), result=result, verdict=verdict
            )
        self.run_handle = None
        self.run_ref = None
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
        if self.run_handle is not None:
            self.run_handle.cancel()
