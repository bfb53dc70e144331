"""The interview as a state machine.

Each stage is not started, running, paused or finished. Time is measured on a monotonic
clock and only while a stage runs; every transition becomes an Event handed to listeners
(the store writes them to SQLite). No Textual, no SQLite here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from mockint.engine.clock import Clock
from mockint.scenario.model import Scenario, Stage


class StageState(StrEnum):
    NOT_STARTED = "not_started"
    RUNNING = "running"
    PAUSED = "paused"
    FINISHED = "finished"


class TransitionError(RuntimeError):
    """An action that the current state does not allow (e.g. pausing a finished stage)."""


@dataclass(frozen=True)
class Event:
    kind: str
    stage: int | None
    at: float
    elapsed: float | None = None
    data: dict[str, Any] = field(default_factory=dict)


@dataclass
class StageRun:
    stage: Stage
    state: StageState = StageState.NOT_STARTED
    accumulated: float = 0.0
    running_since: float | None = None
    skipped: bool = False
    started_at: float | None = None
    finished_at: float | None = None

    @property
    def planned(self) -> float:
        return self.stage.seconds


Listener = Callable[[Event, "Session"], None]


class Session:
    def __init__(self, scenario: Scenario, clock: Clock, *, current: int = 0):
        if not scenario.stages:
            raise ValueError("a session needs at least one stage")
        self.scenario = scenario
        self.clock = clock
        self.runs = [StageRun(s) for s in scenario.stages]
        self.current = current
        self.events: list[Event] = []
        self._listeners: list[Listener] = []

    # -- reading -----------------------------------------------------------------------
    @property
    def finished(self) -> bool:
        return self.current >= len(self.runs)

    @property
    def run(self) -> StageRun:
        if self.finished:
            raise TransitionError("the session is finished")
        return self.runs[self.current]

    def elapsed(self, index: int | None = None) -> float:
        r = self.runs[self.current if index is None else index]
        if r.state is StageState.RUNNING and r.running_since is not None:
            return r.accumulated + (self.clock.monotonic() - r.running_since)
        return r.accumulated

    def remaining(self, index: int | None = None) -> float:
        """Seconds left; negative once in overtime."""
        i = self.current if index is None else index
        return self.runs[i].planned - self.elapsed(i)

    def overtime(self, index: int | None = None) -> float:
        return max(0.0, -self.remaining(index))

    # -- listening ---------------------------------------------------------------------
    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def _emit(self, kind: str, stage: int | None, **data: Any) -> Event:
        elapsed = self.elapsed(stage) if stage is not None else None
        ev = Event(kind, stage, self.clock.now(), elapsed, data)
        self.events.append(ev)
        for listener in self._listeners:
            listener(ev, self)
        return ev

    # -- transitions -------------------------------------------------------------------
    def _require(self, *states: StageState) -> StageRun:
        r = self.run
        if r.state not in states:
            wanted = " or ".join(s.value for s in states)
            raise TransitionError(f"stage '{r.stage.id}' is {r.state.value}, not {wanted}")
        return r

    def start(self) -> Event:
        r = self._require(StageState.NOT_STARTED)
        r.state = StageState.RUNNING
        r.running_since = self.clock.monotonic()
        r.started_at = self.clock.now()
        return self._emit("stage_started", self.current, planned=r.planned)

    def pause(self) -> Event:
        r = self._require(StageState.RUNNING)
        r.accumulated = self.elapsed()
        r.running_since = None
        r.state = StageState.PAUSED
        return self._emit("paused", self.current)

    def resume(self) -> Event:
        r = self._require(StageState.PAUSED)
        r.state = StageState.RUNNING
        r.running_since = self.clock.monotonic()
        return self._emit("resumed", self.current)

    def finish_stage(self) -> Event:
        """End the current stage (early, on time or late) and move to the next one."""
        r = self._require(StageState.RUNNING, StageState.PAUSED)
        r.accumulated = self.elapsed()
        r.running_since = None
        r.state = StageState.FINISHED
        r.finished_at = self.clock.now()
        index = self.current
        self.current += 1
        ev = self._emit(
            "stage_finished",
            index,
            planned=r.planned,
            overtime=max(0.0, r.accumulated - r.planned),
        )
        self._maybe_end()
        return ev

    def skip_stage(self) -> Event:
        """Pass over a stage that has not started; recorded as skipped."""
        r = self._require(StageState.NOT_STARTED)
        r.state = StageState.FINISHED
        r.skipped = True
        r.finished_at = self.clock.now()
        index = self.current
        self.current += 1
        ev = self._emit("stage_skipped", index)
        self._maybe_end()
        return ev

    def _maybe_end(self) -> None:
        if self.finished:
            used = sum(r.accumulated for r in self.runs)
            self._emit("session_finished", None, used=used)

    # -- crash recovery ----------------------------------------------------------------
    def recover(self, dead_seconds: float) -> Event | None:
        """After the app died: a stage that was running comes back paused.

        The time the app was dead is not charged to the stage; it is recorded instead.
        """
        if self.finished:
            return None
        r = self.run
        was = r.state
        if r.state is StageState.RUNNING:
            r.accumulated = self.elapsed()
            r.running_since = None
            r.state = StageState.PAUSED
        return self._emit(
            "recovered", self.current, dead_seconds=max(0.0, dead_seconds), was=was.value
        )
