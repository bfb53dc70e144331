"""The session port of a session in this process: the engine's clock, the recorder (the one
path to the store) and the local judge, as SessionApp (mockint/tui/session_app.py) holds
them. See mockint/tui/port.py for what a stage screen asks of it."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable
from typing import TYPE_CHECKING, Any

from mockint.engine.session import Session
from mockint.store import coding as records
from mockint.tui.port import (
    ClockState,
    CodingState,
    Listener,
    QuestionsAsked,
    RunCancelled,
    RunDone,
    RunEvent,
    RunFailed,
    RunStats,
    judge_event,
    replay_events,
)

if TYPE_CHECKING:
    from mockint.grading.client import GradingRun
    from mockint.recording import Recorder, RunRef
    from mockint.store.answers import AnswerRow
    from mockint.tui.session_app import SessionApp


class LocalRun:
    """A run in the local judge, recorded as it goes (its start before the first event, its
    verdict with the last)."""

    def __init__(
        self, port: LocalSession, problem: Any, kind: str, handle: GradingRun, ref: RunRef | None
    ) -> None:
        self.port = port
        self.problem_info = problem
        self.problem: str = problem.slug
        self.kind = kind
        self.handle = handle
        self.ref = ref

    async def events(self) -> AsyncIterator[RunEvent]:
        async for event in self.handle.aevents():
            claim = self.port.claims.get(self.problem, ("", ""))
            ev = judge_event(self.problem_info, claim, event)
            if isinstance(ev, RunDone):
                self._finish(event["result"], ev.verdict)
            elif isinstance(ev, RunCancelled):
                self._finish(None, "cancelled")
            elif isinstance(ev, RunFailed):
                self._finish(None, "error")
            if ev is not None:
                yield ev

    def _finish(self, result: dict[str, Any] | None, verdict: str) -> None:
        rec = self.port.recorder
        if self.ref is not None and rec is not None:
            rec.finish_run(
                self.ref, at=self.port.session.clock.now(), result=result, verdict=verdict
            )

    def cancel(self) -> None:
        self.handle.cancel()


class LocalSession:
    read_only = False
    mirrored = False
    owns_clock = True
    local_tools = True
    asked_live = False

    def __init__(self, app: SessionApp, session: Session, session_id: int) -> None:
        self.app = app
        self.session = session
        self.session_id = session_id
        self.stage_index = session.current
        self.stage_count = len(session.runs)
        self.stage_title = session.runs[session.current].stage.title
        self.claims: dict[str, tuple[str, str]] = {}  # as last recorded, for the advice
        self._edits: dict[str, tuple[str, tuple[int, int]]] = {}  # not yet saved

    @property
    def recorder(self) -> Recorder | None:
        rec = self.app.recorder
        return rec if rec is not None and rec.session_id == self.session_id else None

    # -- the clock ---------------------------------------------------------------------
    def clock(self) -> ClockState | None:
        s, i = self.session, self.stage_index
        if s.current != i:
            return None
        run = s.runs[i]
        return ClockState(s.remaining(i), run.planned, run.state.value)

    def toggle_pause(self) -> None:
        self.app.toggle_pause()

    def listen(self, listener: Listener | None) -> None:
        pass  # nothing happens here that the screen did not do itself

    # -- saved state ---------------------------------------------------------------------
    def coding_state(self, problems: list[Any]) -> CodingState:
        state = CodingState()
        store, sid, i = self.app.store, self.session_id, self.stage_index
        for p in problems:
            snap = records.latest_snapshot(store, sid, i, p.slug)
            state.codes[p.slug] = snap.code if snap else p.starter
            state.cursors[p.slug] = snap.cursor if snap else (0, 0)
            state.hints_shown[p.slug] = 0
        events = [ev for ev in store.events(sid) if ev["stage_idx"] == i]
        replay_events(state, [p.slug for p in problems], events)
        self.claims.update(state.claims)
        return state

    # -- what the screen records -------------------------------------------------------
    def edit(self, field: str, text: str, cursor: tuple[int, int]) -> None:
        self._edits[field] = (text, cursor)

    def flush(self) -> None:
        """The code's snapshots: the recorder keeps each until the store takes it."""
        edits, self._edits = self._edits, {}
        rec = self.recorder
        if rec is None:
            return
        for field, (text, cursor) in edits.items():
            kind, _, slug = field.partition(":")
            if kind == "code":
                rec.snapshot(
                    self.stage_index,
                    slug,
                    at=self.session.clock.now(),
                    elapsed=self.session.elapsed(self.stage_index),
                    code=text,
                    cursor=cursor,
                )

    def event(self, kind: str, **data: Any) -> None:
        if kind == "complexity_claimed":
            self.claims[str(data.get("problem"))] = (str(data["time"]), str(data["space"]))
        rec = self.recorder
        if rec is not None:
            rec.event(
                self.stage_index,
                kind,
                at=self.session.clock.now(),
                elapsed=self.session.elapsed(self.stage_index),
                data=data,
            )

    # -- runs --------------------------------------------------------------------------
    def run(self, problem: Any, code: str, submit: bool) -> LocalRun:
        kind = "submit" if submit else "run"
        rec = self.recorder
        ref = None
        if rec is not None:
            ref = rec.start_run(
                self.stage_index,
                problem.slug,
                kind=kind,
                at=self.session.clock.now(),
                elapsed=self.session.elapsed(self.stage_index),
                code=code,
            )
        judge = self.app.ensure_judge()
        return LocalRun(self, problem, kind, judge.submit(code, problem.slug, hidden=submit), ref)

    def run_warning(self) -> str:
        judge = self.app.ensure_judge()
        if judge.sandbox_warning and not self.app.sandbox_warned:
            self.app.sandbox_warned = True
            return judge.sandbox_warning
        return ""

    def run_stats(self, problem: str) -> RunStats:
        s = records.run_stats(self.app.store, self.session_id, self.stage_index, problem)
        return RunStats(s["runs"], s["first_s"], s["accepted_s"])

    # -- hints and the discussion ------------------------------------------------------
    def hint_lines(self, problem: Any, shown: int) -> list[str]:
        hints = list(getattr(problem, "hints", []) or [])
        return [f"Hint {i + 1}: {h}" for i, h in enumerate(hints[:shown])]

    def discussion(self, problem: Any) -> tuple[str, str] | None:
        return discussion_of(problem)

    # -- a question stage ---------------------------------------------------------------
    def answers(self) -> list[AnswerRow]:
        from mockint.store.answers import answers

        return answers(self.app.store, self.session_id, self.stage_index)

    def save_answers(self, rows: Iterable[AnswerRow]) -> None:
        rec = self.recorder
        if rec is None:
            return
        for row in rows:
            # Queued by the recorder until the store takes it: a full disk loses nothing.
            rec.answer(row, at=self.session.clock.now())

    def focus(self, field: str) -> None:
        pass  # nobody follows

    def push_lines(self) -> list[str]:
        return []  # the screen schedules its own follow-ups

    def asked(self) -> QuestionsAsked:
        return QuestionsAsked()


def discussion_of(problem: Any) -> tuple[str, str]:
    """A problem's discussion (Markdown) and its reference solution's code."""
    text = problem.discussion or "# Discussion\n\nThis problem has no discussion.md."
    try:
        code = problem.reference_path.read_text(encoding="utf-8")
    except OSError:
        code = "# the reference solution is missing"
    return text, code
