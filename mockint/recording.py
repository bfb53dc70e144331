"""Joins the engine to the store: every engine event is written, and sessions come back.

Kept out of both: the engine knows no SQLite and the store knows no engine.
"""

from __future__ import annotations

import copy
import random
from collections.abc import Callable, Hashable
from contextlib import suppress
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from mockint.engine.clock import Clock
from mockint.engine.picks import Candidate, choose
from mockint.engine.session import Event, Session, StageState
from mockint.kinds import StageKind, kind_info
from mockint.scenario.model import ProblemPick, Scenario, Stage
from mockint.scenario.serialize import scenario_from_dict, scenario_to_dict
from mockint.store.db import StoreError
from mockint.store.locks import Lease
from mockint.store.sessions import SessionRecord, Store

if TYPE_CHECKING:
    from mockint.store.answers import AnswerRow


@dataclass
class _Pending:
    what: str  # for the screen: "your code", "your answer", ...
    write: Callable[[], None]
    key: Hashable | None  # a later write with the same key replaces this one


@dataclass
class RunRef:
    """A grading run being recorded; `id` is set once its row is written."""

    id: int | None = None


class Recorder:
    """The one path from the screens to the store for a session.

    Every write is queued and tried at once; a write the store refuses (a full disk, a busy
    file) stays queued, in order, and is tried again on each heartbeat, so what was typed
    while the disk was full is saved once space comes back. A write that carries the whole
    current state of something (an answer, the notes, the heartbeat) replaces its older
    queued version; appends (code snapshots, events, runs) are all kept.
    """

    def __init__(self, store: Store, session_id: int, lease: Lease | None = None) -> None:
        self.store = store
        self.session_id = session_id
        self.lease = lease
        self.pending: list[_Pending] = []
        self.error: StoreError | None = None
        # Called whenever the set of unsaved things changes (the app shows it).
        self.on_status: Callable[[], None] | None = None

    # -- the queue ---------------------------------------------------------------------
    def write(self, what: str, fn: Callable[[], None], key: Hashable | None = None) -> bool:
        """Queue one write and flush; False if something is still unsaved afterwards."""
        before = self.unsaved()
        if key is not None:
            self.pending = [p for p in self.pending if p.key != key]
        self.pending.append(_Pending(what, fn, key))
        return self.flush(before)

    def flush(self, before: list[str] | None = None) -> bool:
        """Try the queued writes in order; stop at the first refusal."""
        before = self.unsaved() if before is None else before
        while self.pending:
            try:
                self.pending[0].write()
            except StoreError as exc:
                self.error = exc
                break
            self.pending.pop(0)
        if not self.pending:
            self.error = None
        if self.unsaved() != before and self.on_status is not None:
            self.on_status()
        return not self.pending

    def unsaved(self) -> list[str]:
        """What is typed but not yet in the database, each named once, oldest first."""
        return list(dict.fromkeys(p.what for p in self.pending))

    # -- engine events -----------------------------------------------------------------
    def __call__(self, ev: Event, session: Session) -> None:
        update = None
        if ev.stage is not None:
            r = session.runs[ev.stage]
            update = {
                "state": r.state.value,
                "elapsed_s": session.elapsed(ev.stage),
                "skipped": int(r.skipped),
                "started_at": r.started_at,
                "finished_at": r.finished_at,
            }
        current = session.current
        status = "finished" if session.finished else "active"

        def write() -> None:
            self.store.record(
                self.session_id,
                kind=ev.kind,
                stage_idx=ev.stage,
                at=ev.at,
                elapsed=ev.elapsed,
                data=ev.data,
                stage_update=update,
                current_stage=current,
                status=status,
            )

        self.write("the clock", write)

    def heartbeat(self, session: Session) -> None:
        """Each second: check the session is still ours, retry what is queued, and save the
        clock. Raises SessionTaken if another instance took the session over."""
        if self.lease is not None:
            self.lease.check()
        now = session.clock.now()
        if session.finished:
            stage, elapsed = None, None
        else:
            stage, elapsed = session.current, session.elapsed()
        self.write(
            "the clock",
            lambda: self.store.heartbeat(self.session_id, stage, elapsed, now),
            key="heartbeat",
        )

    # -- what the screens record -------------------------------------------------------
    def snapshot(
        self,
        stage_idx: int,
        problem: str,
        *,
        at: float,
        elapsed: float | None,
        code: str,
        cursor: tuple[int, int],
    ) -> bool:
        from mockint.store.coding import add_snapshot

        return self.write(
            "your code",
            lambda: add_snapshot(
                self.store,
                self.session_id,
                stage_idx,
                problem,
                at=at,
                elapsed=elapsed,
                code=code,
                cursor=cursor,
            ),
        )

    def start_run(
        self,
        stage_idx: int,
        problem: str,
        *,
        kind: str,
        at: float,
        elapsed: float | None,
        code: str,
    ) -> RunRef:
        from mockint.store.coding import start_run

        ref = RunRef()

        def write() -> None:
            ref.id = start_run(
                self.store,
                self.session_id,
                stage_idx,
                problem,
                kind=kind,
                at=at,
                elapsed=elapsed,
                code=code,
            )

        self.write(f"the {kind}", write)
        return ref

    def finish_run(
        self, ref: RunRef, *, at: float, result: dict[str, Any] | None, verdict: str
    ) -> bool:
        from mockint.store.coding import finish_run

        def write() -> None:
            # Queued after its start_run, so the row exists by the time this runs.
            if ref.id is not None:
                finish_run(self.store, ref.id, at=at, result=result, verdict=verdict)

        return self.write("the verdict", write)

    def event(
        self,
        stage_idx: int | None,
        kind: str,
        *,
        at: float,
        elapsed: float | None = None,
        data: dict[str, Any] | None = None,
    ) -> bool:
        payload = dict(data or {})
        return self.write(
            "an event",
            lambda: self.store.add_event(
                self.session_id, stage_idx, kind, at=at, elapsed=elapsed, data=payload
            ),
        )

    def note(self, stage_idx: int, body: str, *, at: float) -> bool:
        return self.write(
            "your notes",
            lambda: self.store.save_note(self.session_id, stage_idx, body, at),
            key=("note", stage_idx),
        )

    def answer(self, row: AnswerRow, *, at: float) -> bool:
        from mockint.store.answers import save_answer

        kept = copy.deepcopy(row)  # the screen keeps editing its row
        return self.write(
            "your answer",
            lambda: save_answer(self.store, self.session_id, kept, at),
            key=("answer", row.stage_idx, row.question_id),
        )

    def close(self) -> None:
        """Leaving the session on purpose: a last flush, then let another instance have it."""
        self.flush()
        if self.lease is not None:
            with suppress(StoreError):
                self.lease.release()


def start_session(
    store: Store, scenario: Scenario, clock: Clock, *, pace: float, mode: str = "solo"
) -> tuple[Session, Recorder]:
    sid = store.create_session(scenario_to_dict(scenario), pace=pace, mode=mode, now=clock.now())
    lease = Lease(store, sid)
    lease.claim(now=clock.now())
    session = Session(scenario, clock)
    recorder = Recorder(store, sid, lease)
    session.subscribe(recorder)
    return session, recorder


def resume_session(
    store: Store, record: SessionRecord, clock: Clock, *, take_over: bool = False
) -> tuple[Session, Recorder]:
    """Rebuild a session as it was last written; the time the app was dead is recorded, not
    charged. Raises SessionBusy if another live instance holds it, unless `take_over`."""
    lease = Lease(store, record.id)
    lease.claim(force=take_over, now=clock.now())
    scenario = scenario_from_dict(record.scenario)
    session = Session(scenario, clock, current=record.current_stage)
    for row, run in zip(record.stages, session.runs, strict=False):
        run.state = StageState(row.state)
        run.accumulated = row.elapsed_s
        run.skipped = row.skipped
        run.started_at = row.started_at
        run.finished_at = row.finished_at
        if run.state is StageState.RUNNING:
            run.running_since = clock.monotonic()
    recorder = Recorder(store, record.id, lease)
    session.subscribe(recorder)
    session.recover(dead_seconds=clock.now() - record.alive_at)
    return session, recorder


def resolve_content(
    scenario: Scenario,
    store: Store,
    *,
    pace: float = 1.0,
    rng: random.Random | None = None,
    repeat_solved: bool = False,
) -> Scenario:
    """Fix each stage's problems or questions for this session. They are stored with the
    session, so a resume shows the same ones. A coding stage without picks gets one problem
    of any kind; a talking stage gets questions from its kind's bank to fill its time."""
    rng = rng or random.Random()
    stages = []
    for st in scenario.stages:
        if st.kind == StageKind.CODING and not all(p.slug for p in st.problems or (ProblemPick(),)):
            st = replace(st, problems=_pick_problems(st, store, rng, repeat_solved))
        elif kind_info(st.kind).uses_bank and not st.questions:
            st = replace(st, questions=_pick_questions(st, store, pace, rng))
        stages.append(st)
    return replace(scenario, stages=tuple(stages))


def _pick_problems(
    st: Stage, store: Store, rng: random.Random, repeat_solved: bool
) -> tuple[ProblemPick, ...]:
    from mockint.grading.problems import list_problems
    from mockint.store.coding import recently_solved

    candidates = [Candidate(p.slug, tuple(p.topics), p.difficulty) for p in list_problems()]
    solved = set() if repeat_solved else recently_solved(store)
    slugs = choose(st.problems or (ProblemPick(),), candidates, solved, rng)
    return tuple(ProblemPick(slug=s) for s in slugs)


def _pick_questions(st: Stage, store: Store, pace: float, rng: random.Random) -> tuple[str, ...]:
    from mockint.engine.questions import QuestionInfo, choose_questions
    from mockint.scenario.bank_load import bank_for_stage
    from mockint.store.answers import recently_asked

    bank = bank_for_stage(st)
    if bank is None:
        return ()
    infos = [QuestionInfo(q.id, q.minutes, q.topic) for q in bank.questions]
    # Stage minutes are already paced; question budgets are not, so compare like with like.
    budget = st.minutes / pace if pace > 0 else st.minutes
    return tuple(choose_questions(infos, budget, recently_asked(store), rng))
