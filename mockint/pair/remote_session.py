"""The session port of a pair round (mockint/tui/port.py), over the hub's typed wire: the
solo stage screens run in a participant's app process on it.

The candidate's port sends every edit, screen event and run to the hub; the interviewer's is
read-only and turns what the hub relays (the candidate's fields, events, runs) into the
port's updates for the mirrored screen. What a role may send and receive is the hub's
decision (mockint/pair/hub.py); nothing here opens the database or loads a problem.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterable
from typing import TYPE_CHECKING, Any, get_args

from mockint.pair import wire
from mockint.pair.pushes import KIND_NAMES, push_line
from mockint.scenario.bank import Question
from mockint.tui.port import (
    ClockState,
    CodingState,
    FieldChanged,
    FocusMoved,
    Listener,
    PortUpdate,
    PublicProblem,
    Pushed,
    QuestionsAsked,
    Revealing,
    RunBegun,
    RunCancelled,
    RunDone,
    RunEvent,
    RunFailed,
    RunStarted,
    RunStats,
    RunTest,
    ScreenEvent,
    field_question,
    replay_events,
)

if TYPE_CHECKING:
    from mockint.pair.app import PairApp
    from mockint.store.answers import AnswerRow


def public_question(q: dict[str, Any]) -> Question:
    """A question as a plan gives it (no key points, follow-ups or model answer)."""
    return Question(str(q["id"]), str(q["prompt"]), float(q.get("minutes") or 0), ())


class RemoteRun:
    """A run in the host's judge, followed through the hub's views of it (each RunResult
    holds the whole run so far: its new tests, then its end, become events)."""

    def __init__(self, port: RemoteSession, problem: str, kind: str, run_id: str | None) -> None:
        self.port = port
        self.problem = problem
        self.kind = kind
        self.id = run_id  # None until the hub names the run this port asked for
        self._queue: asyncio.Queue[RunEvent] = asyncio.Queue()
        self._tests = 0
        self._total = 0
        self.ended = False

    def update(self, view: dict[str, Any]) -> None:
        total = int(view.get("total") or 0)
        if total and total != self._total:
            self._total = total
            self._queue.put_nowait(RunStarted(total))
        tests = view.get("tests") or []
        for test in tests[self._tests :]:
            self._queue.put_nowait(RunTest(dict(test)))
        self._tests = len(tests)
        if view.get("state") != "done" or self.ended:
            return
        self.ended = True
        verdict = str(view.get("verdict", ""))
        if verdict == "cancelled":
            self._queue.put_nowait(RunCancelled())
        elif verdict == "error" or "headline" not in view:
            self._queue.put_nowait(RunFailed(str(view.get("summary") or "Grading failed.")))
        else:
            advice = str(view.get("advice", ""))
            self._queue.put_nowait(RunDone(verdict, str(view["headline"]), advice))

    async def events(self) -> AsyncIterator[RunEvent]:
        while True:
            event = await self._queue.get()
            yield event
            if isinstance(event, RunDone | RunCancelled | RunFailed):
                return

    def cancel(self) -> None:
        if not self.port.read_only:
            self.port.app.send(wire.CancelRun())


class RemoteSession:
    mirrored = True
    local_tools = False

    def __init__(self, app: PairApp) -> None:
        self.app = app
        st = app.state["stage"]
        self.stage_index = int(st["index"])
        self.stage_count = int(st["count"])
        self.stage_title = str(st.get("title", ""))
        self.asked_live = bool(st.get("talking"))
        self.read_only = app.role == wire.INTERVIEWER
        self.mirrored = not self.read_only
        self.owns_clock = self.read_only  # the interviewer's keys start and pause it
        self._listener: Listener | None = None
        self._run: RemoteRun | None = None
        self._sent: dict[str, tuple[str, tuple[int, int]]] = {}
        self._focus = ""

    def problems(self) -> list[PublicProblem]:
        """The stage's problems as the plan gives them: public parts only."""
        st = self.app.state["stage"]
        starters = {f["id"]: f.get("initial", "") for f in st["fields"]}
        return [
            PublicProblem(
                p["slug"],
                p["title"],
                p["difficulty"],
                p["statement"],
                starters.get(f"code:{p['slug']}", ""),
            )
            for p in st["problems"]
        ]

    # -- the clock ---------------------------------------------------------------------
    def clock(self) -> ClockState | None:
        c = self.app.clock
        now = self.app.clock_now()
        if c is None or now is None or int(c.get("stage", -1)) != self.stage_index:
            return None
        return ClockState(*now)

    def toggle_pause(self) -> None:
        if not self.owns_clock:
            return
        now = self.app.clock_now()
        start = now is not None and now[2] == "not_started"
        self.app.send(wire.ClockAction(action="start" if start else "pause"))

    def listen(self, listener: Listener | None) -> None:
        self._listener = listener
        # A run already going when this screen came up (a reconnect, a late mirror).
        for view in (self.app.state.get("results") or {}).values():
            if view.get("state") == "running":
                self.result(view)

    def _tell(self, update: PortUpdate) -> None:
        if self._listener is not None:
            self._listener.port_update(update)

    # -- saved state ---------------------------------------------------------------------
    def coding_state(self, problems: list[Any]) -> CodingState:
        state = CodingState()
        fields = self.app.state.get("fields") or {}
        for p in problems:
            value = fields.get(f"code:{p.slug}")
            state.codes[p.slug] = value["text"] if value else p.starter
            cur = value.get("cursor") if value else None
            state.cursors[p.slug] = (int(cur[0]), int(cur[1])) if cur else (0, 0)
            state.hints_shown[p.slug] = 0
        replay_events(state, [p.slug for p in problems], self.app.state.get("events") or [])
        return state

    # -- what the candidate's screen sends -------------------------------------------------
    def edit(self, field: str, text: str, cursor: tuple[int, int]) -> None:
        # A key gives both a Changed and a SelectionChanged: the state is sent once.
        if self.read_only or self._sent.get(field) == (text, cursor):
            return
        self._sent[field] = (text, cursor)
        self.app.send(wire.Field(id=field, text=text, cursor=cursor))

    def flush(self) -> None:
        pass  # every edit went at once; the hub saves within a second

    def event(self, kind: str, **data: Any) -> None:
        for known in get_args(wire.ScreenEventKind):  # hints are the interviewer's pushes
            if kind == known and not self.read_only:
                self.app.send(wire.StageEvent(kind=known, data=data))

    def run(self, problem: Any, code: str, submit: bool) -> RemoteRun:
        # The hub grades the field's text as it last got it (the screen sent it just before).
        run = RemoteRun(self, problem.slug, "submit" if submit else "run", None)
        self._run = run
        self.app.send(wire.Run(problem=problem.slug, hidden=submit))
        return run

    def run_warning(self) -> str:
        return ""

    def run_stats(self, problem: str) -> RunStats:
        view = (self.app.state.get("results") or {}).get(problem) or {}
        s = view.get("stats") or {}
        return RunStats(int(s.get("runs") or 0), s.get("first_s"), s.get("accepted_s"))

    def hint_lines(self, problem: Any, shown: int) -> list[str]:
        return self.push_lines()

    def push_lines(self) -> list[str]:
        pushes = self.app.state.get("pushes") or []
        return [push_line(p) for p in pushes if p.get("stage") == self.stage_index]

    def discussion(self, problem: Any) -> tuple[str, str] | None:
        view = (self.app.state.get("results") or {}).get(problem.slug) or {}
        if "discussion" not in view:
            return None
        return str(view["discussion"]), str(view.get("reference", ""))

    # -- a question stage ---------------------------------------------------------------
    def answers(self) -> list[AnswerRow]:
        """The room's fields of this stage as one answer per question."""
        from mockint.store.answers import AnswerRow

        rows: dict[str, AnswerRow] = {}
        for fid, value in (self.app.state.get("fields") or {}).items():
            where = field_question(fid)
            if where is not None and isinstance(value, dict):
                row = rows.setdefault(where[0], AnswerRow(self.stage_index, where[0], len(rows)))
                row.fields[where[1]] = str(value.get("text", ""))
        return list(rows.values())

    def save_answers(self, rows: Iterable[AnswerRow]) -> None:
        pass  # the hub keeps the fields each edit sent

    def focus(self, field: str) -> None:
        if not self.read_only and field != self._focus:
            self._focus = field
            self.app.send(wire.Focus(id=field))

    def plan_questions(self) -> list[Question]:
        """A stage's questions, public parts (a talking stage's come as asked: `asked`)."""
        st = self.app.state["stage"]
        return [] if self.asked_live else [public_question(q) for q in st["questions"]]

    def asked(self) -> QuestionsAsked:
        """The questions asked so far, numbered in the order first asked (the candidate's
        plan holds those alone; the interviewer's every question of the stage)."""
        st = self.app.state["stage"]
        by_id = {q["id"]: q for q in st["questions"]}
        asked = [q for q in self.app.state.get("asked") or [] if q in by_id]
        questions = tuple(public_question(by_id[q]) for q in dict.fromkeys(asked))
        return QuestionsAsked(questions, asked[-1] if asked else None)

    # -- what the hub relays (PairApp._dispatch calls these through the screen) -----------
    def result(self, view: dict[str, Any]) -> None:
        run, run_id = self._run, str(view.get("id", ""))
        # The first view after this port's own request names its run (or refuses it).
        fresh = run is not None and run.id is None and not run.ended
        if fresh and run is not None and (run_id or view.get("state") == "done"):
            run.id = run_id
        if run is None or run.id != run_id or run.ended:
            if view.get("state") != "running" or not run_id:
                return
            run = RemoteRun(self, str(view["problem"]), str(view.get("kind", "run")), run_id)
            self._run = run
            self._tell(RunBegun(run))
        run.update(view)
        if "discussion" in view:
            self._tell(Revealing(str(view["problem"])))

    def field_changed(self, fid: str) -> None:
        """The room's field `fid` changed (the hub's state holds its text and cursor)."""
        value = (self.app.state.get("fields") or {}).get(fid)
        if value is not None:
            cur = value.get("cursor") or [0, 0]
            self._tell(FieldChanged(fid, value["text"], (int(cur[0]), int(cur[1]))))

    def stage_event(self, kind: str, data: dict[str, Any]) -> None:
        self._tell(ScreenEvent(kind, dict(data)))

    def asked_again(self) -> None:
        self._tell(self.asked())

    def focus_moved(self, fid: str) -> None:
        self._tell(FocusMoved(fid))

    def pushed(self, push: dict[str, Any]) -> None:
        if push.get("stage") == self.stage_index:
            kind = str(push.get("kind", ""))
            self._tell(Pushed(KIND_NAMES.get(kind, kind), str(push["text"]), push_line(push)))
