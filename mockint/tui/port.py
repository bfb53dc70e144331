"""The session port: what a stage screen asks of the session it shows, whether that session
lives in this process (LocalSession: engine, recorder, judge; mockint/tui/local_session.py)
or in the pair hub (RemoteSession: the typed wire; mockint/pair/remote_session.py).

Free of Textual on purpose: the hub builds the same run texts (headline, advice) for a pair
round as a solo screen does, and the port's data is plain.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from mockint.kinds import run_summary, verdict_info

if TYPE_CHECKING:
    from mockint.scenario.bank import Question
    from mockint.store.answers import AnswerRow

# Events a stage screen records about itself; in a pair round the candidate's also go to
# the interviewer's mirror (the hub accepts only these kinds from the candidate).
SCREEN_EVENTS = (
    "problem_opened",
    "hint_shown",
    "complexity_claimed",
    "solution_viewed",
    "code_reset",
)


# -- plain data --------------------------------------------------------------------------
class ProblemInfo(Protocol):
    """What a coding screen shows of a problem: a grading Problem (solo), or its public
    part alone (PublicProblem: a pair candidate's process never loads the hints)."""

    @property
    def slug(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def difficulty(self) -> str: ...
    @property
    def statement(self) -> str: ...
    @property
    def starter(self) -> str: ...


@dataclass(frozen=True)
class PublicProblem:
    slug: str
    title: str
    difficulty: str
    statement: str
    starter: str


@dataclass(frozen=True)
class ClockState:
    """The stage clock as of now: seconds left (negative in overtime), planned, and
    "not_started", "running" or "paused"."""

    remaining: float
    planned: float
    state: str


@dataclass(frozen=True)
class RunStats:
    """Runs of one problem so far (stage seconds), for the line under the results."""

    runs: int = 0
    first_s: float | None = None
    accepted_s: float | None = None


@dataclass
class CodingState:
    """Where a coding stage stands, from its saved snapshots and events (a resume, a
    reconnect, the interviewer's mirror joining late)."""

    codes: dict[str, str] = field(default_factory=dict)
    cursors: dict[str, tuple[int, int]] = field(default_factory=dict)
    current: int = 0
    hints_shown: dict[str, int] = field(default_factory=dict)
    claims: dict[str, tuple[str, str]] = field(default_factory=dict)
    revealed: dict[str, bool] = field(default_factory=dict)  # slug -> shown before solving


def replay_events(
    state: CodingState, slugs: list[str], events: Iterable[Mapping[str, Any]]
) -> None:
    """Apply a stage's screen events ({"kind", "data"}) to `state`, oldest first."""
    for ev in events:
        kind, data = ev.get("kind"), ev.get("data") or {}
        slug = str(data.get("problem", ""))
        if kind == "problem_opened":
            state.current = max(0, min(int(data.get("index", 0)), len(slugs) - 1))
        elif kind == "hint_shown" and slug in state.hints_shown:
            state.hints_shown[slug] = max(state.hints_shown[slug], int(data.get("number", 0)))
        elif kind == "complexity_claimed":
            state.claims[slug] = (str(data.get("time", "")), str(data.get("space", "")))
        elif kind == "solution_viewed":
            early = bool(data.get("before_solving"))
            state.revealed[slug] = state.revealed.get(slug, False) or early


T = TypeVar("T")


def contained(what: str, fn: Callable[..., T], *args: Any) -> T | str:
    """`fn(*args)`, or one line saying that it failed. A screen evaluates the other side's
    text in a pair round (the scratchpad, the STAR check, word counts): whatever that text
    holds, a failure there is shown in place and never ends this participant's session."""
    try:
        return fn(*args)
    except Exception as exc:
        return f"{what} could not be shown here ({type(exc).__name__})"


# -- a question stage's fields ---------------------------------------------------------
_FIELD_PREFIX = {"behavioural": "star", "system_design": "design"}


def answer_field(kind: str, qid: str, name: str) -> str:
    """The room's id of one answer field: `answer:Q` (a talking round), `star:Q:part`,
    `design:Q:phase`; `name` is the field's name on the solo screen."""
    prefix = _FIELD_PREFIX.get(kind)
    return f"{prefix}:{qid}:{name}" if prefix else f"answer:{qid}"


def field_question(fid: str) -> tuple[str, str] | None:
    """(question, name on the solo screen) of a room's answer field id; None for others."""
    kind, _, rest = fid.partition(":")
    if kind not in ("answer", "star", "design") or not rest:
        return None
    qid, _, name = rest.partition(":")
    return qid, "answer" if kind == "answer" else name


# -- runs --------------------------------------------------------------------------------
@dataclass(frozen=True)
class RunStarted:
    total: int


@dataclass(frozen=True)
class RunTest:
    test: dict[str, Any]  # id, visible, verdict, message, time_ms


@dataclass(frozen=True)
class RunDone:
    verdict: str
    headline: str  # the verdict line: symbol, verdict, tests passed
    advice: str  # complexity, vectorization and the stated claim, as lines


@dataclass(frozen=True)
class RunCancelled:
    pass


@dataclass(frozen=True)
class RunFailed:
    message: str


RunEvent = RunStarted | RunTest | RunDone | RunCancelled | RunFailed


class RunHandle(Protocol):
    """A run or submit in progress: its events, in order, until one that ends it."""

    problem: str
    kind: str  # "run" or "submit"

    def events(self) -> AsyncIterator[RunEvent]: ...

    def cancel(self) -> None: ...


def advice_mark(ok: object) -> str:
    """✓ fine, ✗ measured breaking it, ? not sure (a busy machine; it counts against nobody)."""
    return "✓" if ok is True else "✗" if ok is False else "?"


def advice_text(result: Mapping[str, Any]) -> str:
    """The complexity and vectorization advice in plain words."""
    lines = []
    cx = result.get("complexity")
    if cx:
        lines.append(
            f"{advice_mark(cx.get('ok'))} Time complexity: {cx.get('measured')}, "
            f"target {cx.get('target')}"
        )
    vec = result.get("vectorized")
    if vec:
        lines.append(f"{advice_mark(vec.get('ok'))} Vectorized: {vec.get('message')}")
    return "\n".join(lines)


def claim_advice(problem: Any, claim: tuple[str, str], result: Mapping[str, Any]) -> str:
    """The stated complexity compared with the reference and the measurement."""
    from mockint.scoring.complexity import compare_claim

    spec = problem.complexity or {}
    cx = result.get("complexity") or {}
    lines = compare_claim(
        claim[0],
        claim[1],
        problem.reference.get("time") or spec.get("target"),
        problem.reference.get("space"),
        cx.get("slope"),
        float(spec["exponent"]) if "exponent" in spec else None,
        cx.get("reference_slope"),
    )
    return "\n".join(f"• {line}" for line in lines)


def run_done(problem: Any, claim: tuple[str, str], result: Mapping[str, Any]) -> RunDone:
    """A finished run as the screens show it (the same words in solo and pair)."""
    verdict = str(result.get("verdict", ""))
    advice = [advice_text(result), claim_advice(problem, claim, result)]
    return RunDone(
        verdict,
        f"{verdict_info(verdict).symbol} {run_summary(dict(result))}",
        "\n".join(x for x in advice if x),
    )


def judge_event(problem: Any, claim: tuple[str, str], event: Mapping[str, Any]) -> RunEvent | None:
    """One event of the judge's (mockint/grading/client.py) as the screens take it."""
    kind = event.get("event")
    if kind == "started":
        return RunStarted(int(event.get("total") or 0))
    if kind == "test":
        return RunTest(dict(event["test"]))
    if kind == "done":
        return run_done(problem, claim, event["result"])
    if kind == "cancelled":
        return RunCancelled()
    if kind == "error":
        return judge_failed(event)
    return None  # "advice": its figures come again with "done"


def judge_failed(event: Mapping[str, Any]) -> RunFailed:
    if event.get("kind") == "worker_died":
        return RunFailed(
            "The grading process stopped; it restarts on the next run. Your code is safe."
        )
    return RunFailed(f"Grading failed: {event.get('message', 'unknown error')}")


# -- the port ----------------------------------------------------------------------------
@dataclass(frozen=True)
class FieldChanged:
    """The candidate's text of a field changed (seen by a read-only mirror)."""

    field: str
    text: str
    cursor: tuple[int, int]


@dataclass(frozen=True)
class ScreenEvent:
    """The candidate's screen recorded one of SCREEN_EVENTS (seen by a mirror)."""

    kind: str
    data: dict[str, Any]


@dataclass(frozen=True)
class RunBegun:
    """A run began that this screen did not start (the candidate's, on the mirror)."""

    handle: RunHandle


@dataclass(frozen=True)
class Pushed:
    """The interviewer pushed a hint or follow-up; `line` is how the screens show it."""

    kind: str
    text: str
    line: str


@dataclass(frozen=True)
class Revealing:
    """A problem's discussion became available (an accepted submit in a pair round)."""

    problem: str


@dataclass(frozen=True)
class QuestionsAsked:
    """The questions asked so far (public parts, numbered in the order first asked), and
    the one asked last: the current one."""

    questions: tuple[Question, ...] = ()
    current: str | None = None


@dataclass(frozen=True)
class FocusMoved:
    """The candidate moved to another field (a mirror follows)."""

    field: str


PortUpdate = (
    FieldChanged | ScreenEvent | RunBegun | Pushed | Revealing | QuestionsAsked | FocusMoved
)


class Listener(Protocol):
    def port_update(self, update: PortUpdate) -> None: ...


class SessionPort(Protocol):
    """What a stage screen asks of its session. One port per stage screen."""

    stage_index: int
    stage_count: int
    stage_title: str
    read_only: bool  # the interviewer's mirror of the candidate's screen
    mirrored: bool  # each edit goes to another participant as it happens (pair candidate)
    owns_clock: bool  # F2 pauses, Ctrl+N moves on (not the pair candidate: the interviewer)
    # $EDITOR, hints, an early look at the discussion, an answer's review with its model
    # answer and the story bank (solo only: in a pair round the interviewer judges).
    local_tools: bool
    asked_live: bool  # questions arrive one at a time, asked by the interviewer (pair)

    def clock(self) -> ClockState | None:
        """The stage clock now; None once this stage is no longer the current one."""

    def toggle_pause(self) -> None: ...

    def listen(self, listener: Listener | None) -> None:
        """Where updates from elsewhere go (the other participant, the judge)."""

    # -- a coding stage --------------------------------------------------------------
    def coding_state(self, problems: list[Any]) -> CodingState: ...

    def edit(self, field: str, text: str, cursor: tuple[int, int]) -> None:
        """The text and cursor of one field; saved (and mirrored) by the port."""

    def flush(self) -> None:
        """Save what `edit` was given now (before a run, a problem switch, leaving)."""

    def event(self, kind: str, **data: Any) -> None:
        """Record one of SCREEN_EVENTS."""

    def run(self, problem: Any, code: str, submit: bool) -> RunHandle:
        """Grade `code`: the visible tests, or all of them for a submit."""

    def run_warning(self) -> str:
        """A line to show once about the judge (weaker isolation), or ""."""

    def run_stats(self, problem: str) -> RunStats: ...

    def hint_lines(self, problem: Any, shown: int) -> list[str]:
        """The hints given so far, as lines under the statement: the problem's first
        `shown` (solo), or the interviewer's pushes (pair)."""

    def discussion(self, problem: Any) -> tuple[str, str] | None:
        """The discussion (Markdown) and the reference solution, if the candidate may have
        them (in a pair round: once a submit was accepted)."""

    # -- a question stage (talking, behavioural, design) -------------------------------
    def answers(self) -> list[AnswerRow]:
        """The stage's answers so far (a resume, a reconnect, a mirror joining late)."""

    def save_answers(self, rows: Iterable[AnswerRow]) -> None:
        """Keep the answers (solo: the recorder; pair: the hub keeps the fields `edit` sent)."""

    def focus(self, field: str) -> None:
        """The candidate's cursor went to another field (a mirror follows)."""

    def push_lines(self) -> list[str]:
        """The follow-ups and hints the interviewer pushed in this stage, as lines."""

    def asked(self) -> QuestionsAsked:
        """The questions asked so far (`asked_live` ports)."""
