"""Every message between the hub and the app processes, and the one decoder for them.

JSON lines over the hub's Unix socket, one object per line, tagged by `op`. Each message is a
msgspec struct: msgspec checks a whole line against the tagged union of what that side may
receive in one C pass (it is on the path of every key the candidate types, which the mirror
benchmark times), and its errors name the field (`Expected int, got str - at $.rating`).
A line with an unknown op, a wrong type or a missing field is dropped with one logged line;
the connection goes on.

Lines are capped (a field's text travels whole on each change; a few MB is far beyond any
answer) so that a broken peer cannot make the other side buffer without end.
"""

from __future__ import annotations

import logging
from typing import Any, Final, Literal, TypeVar

import msgspec

log = logging.getLogger("mockint.pair")

INTERVIEWER: Final = "interviewer"
CANDIDATE: Final = "candidate"
ROLES: Final = (INTERVIEWER, CANDIDATE)
MAX_LINE = 4 * 1024 * 1024
MAX_FIELD = 200_000  # characters in one field: larger is refused (never cut), with a line

Role = Literal["interviewer", "candidate"]
Phase = Literal["lobby", "live", "feedback"]  # of a room
ClockVerb = Literal["start", "pause", "plus5", "next"]
View = dict[str, Any]  # a nested view the hub builds (a stage plan, a run, a push)


class Msg(msgspec.Struct, tag_field="op"):
    """Base of every message; a subclass's `tag` is its op."""


# -- both directions -----------------------------------------------------------------------
class Field(Msg, tag="field"):
    """The candidate's text of one field and its cursor (candidate -> hub -> interviewer)."""

    id: str
    text: str
    cursor: tuple[int, int] = (0, 0)


class Focus(Msg, tag="focus"):
    """The field the candidate is in (the interviewer's mirror follows it)."""

    id: str


ScreenEventKind = Literal["problem_opened", "complexity_claimed", "solution_viewed", "code_reset"]


class StageEvent(Msg, tag="event"):
    """What the candidate's stage screen records (mockint/tui/port.py SCREEN_EVENTS, less
    the hints: in a pair round those are the interviewer's pushes); the hub checks and
    records it, and the interviewer's mirror follows it."""

    kind: ScreenEventKind
    data: dict[str, str | int | bool] = {}


# -- app -> hub ----------------------------------------------------------------------------
class Hello(Msg, tag="hello"):
    token: str


class Host(Msg, tag="host"):
    """The local interviewer's terminal asks for a ticket (`mockint pair`)."""

    admin: str


class Ready(Msg, tag="ready"):
    """The app drew its first screen: type-ahead held by the server may now flow."""


class Setup(Msg, tag="setup"):
    scenario: str
    stages: list[str] = []


class ClockAction(Msg, tag="clock"):
    action: ClockVerb


class PushRequest(Msg, tag="push"):
    """A hint, follow-up or curveball: typed text, or the problem's next hint."""

    kind: Literal["hint", "follow_up", "curveball"] = "hint"
    text: str = ""
    problem: str = ""


class Ask(Msg, tag="ask"):
    """The interviewer asks one of the stage's questions (it becomes the current one)."""

    question: str


class Notes(Msg, tag="notes"):
    text: str


class RubricSave(Msg, tag="rubric"):
    scores: dict[str, int] = {}
    call: Literal["hire", "no_hire"] | None = None


class Run(Msg, tag="run"):
    problem: str
    hidden: bool = False


class CancelRun(Msg, tag="cancel_run"):
    """Esc on the candidate's coding screen: stop the run in progress."""


class FeedbackSend(Msg, tag="feedback"):
    rating: int
    text: str = ""


class Swap(Msg, tag="swap"):
    agree: bool = True


class RenewCode(Msg, tag="renew_code"):
    pass


FromApp = (
    Hello
    | Host
    | Ready
    | Setup
    | ClockAction
    | PushRequest
    | Ask
    | Notes
    | RubricSave
    | Run
    | CancelRun
    | StageEvent
    | FeedbackSend
    | Swap
    | RenewCode
    | Field
    | Focus
)


# -- hub -> app ----------------------------------------------------------------------------
class Ticket(Msg, tag="ticket"):
    token: str
    code: str


class Welcome(Msg, tag="welcome"):
    role: Role
    code: str | None = None
    ssh: str | None = None
    fingerprint: str | None = None  # the server's host key, as ssh shows it (interviewer)
    renew: bool = False


class State(Msg, tag="state", omit_defaults=True):
    """Everything one role may see of the room. The interviewer's part is left out of the
    candidate's (fields at their default are not sent: no notes, rubric or dimensions key)."""

    role: Role
    phase: Phase
    round: int
    clock: View | None
    stage: View | None
    fields: dict[str, View]
    focus: str
    pushes: list[View]
    results: dict[str, View]
    feedback_mine: View | None
    feedback_theirs: View | None
    swap_votes: list[str]
    asked: list[str] = []  # ids of the questions asked so far, in order
    events: list[View] = []  # the current stage's StageEvents so far ({"kind", "data"})
    export: str | None = None  # once the round ended: the line that takes it home
    scenarios: list[View] | None = None
    notes: str | None = None
    rubric: View | None = None
    dimensions: list[View] | None = None


class Presence(Msg, tag="presence"):
    interviewer: bool
    candidate: bool


class Clock(Msg, tag="clock"):
    clock: View | None


class Pushed(Msg, tag="push"):
    push: View


class Asked(Msg, tag="asked"):
    """A question was asked: its public text (the candidate learns it only now)."""

    question: View
    field: View | None  # the candidate's answer field for it (None for the interviewer)
    asked: list[str]


class RunResult(Msg, tag="run"):
    result: View


class Rubric(Msg, tag="rubric"):
    rubric: View


class Error(Msg, tag="error"):
    message: str


class Notice(Msg, tag="notice"):
    message: str


class Code(Msg, tag="code"):
    code: str
    ssh: str
    message: str


class Bye(Msg, tag="bye"):
    reason: str
    relaunch: bool = False


ToApp = (
    Ticket
    | Welcome
    | State
    | Presence
    | Clock
    | Pushed
    | Asked
    | RunResult
    | StageEvent
    | Rubric
    | Error
    | Notice
    | Code
    | Bye
    | Field
    | Focus
)

M = TypeVar("M")
_encoder = msgspec.json.Encoder()


def encode(msg: Msg) -> bytes:
    return _encoder.encode(msg) + b"\n"


def parse(line: bytes, where: str) -> Any:
    """The JSON object on a line, or None (logged) for anything else."""
    try:
        obj = msgspec.json.decode(line)
    except (msgspec.DecodeError, UnicodeDecodeError, RecursionError) as exc:
        log.warning("pair wire: dropped a line from %s: not JSON (%s)", where, exc)
        return None
    if not isinstance(obj, dict):
        log.warning("pair wire: dropped a line from %s: not a JSON object", where)
        return None
    return obj


def convert(obj: dict[str, Any], kind: Any, where: str) -> Any:
    """`obj` as one of the messages of `kind` (FromApp or ToApp), or None with a logged line
    saying what and where (an unknown op, a wrong type, a missing field)."""
    try:
        return msgspec.convert(obj, kind, strict=True)
    except msgspec.ValidationError as exc:
        op = obj.get("op")
        log.warning(
            "pair wire: dropped a %r message from %s: %s", op if op else "(no op)", where, exc
        )
        return None


def decode(line: bytes, kind: Any, where: str) -> Any:
    """One line as a message of `kind`, or None with a logged line."""
    obj = parse(line, where)
    return None if obj is None else convert(obj, kind, where)


def to_builtins(msg: Msg) -> dict[str, Any]:
    """A message's fields as plain data (what the screens keep as the room's state)."""
    out: dict[str, Any] = msgspec.to_builtins(msg)
    return out
