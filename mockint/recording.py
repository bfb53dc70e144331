"""Joins the engine to the store: every engine event is written, and sessions come back.

Kept out of both: the engine knows no SQLite and the store knows no engine.
"""

from __future__ import annotations

import random
from dataclasses import replace

from mockint.engine.clock import Clock
from mockint.engine.picks import Candidate, choose
from mockint.engine.session import Event, Session, StageState
from mockint.scenario.model import ProblemPick, Scenario, Stage
from mockint.scenario.serialize import scenario_from_dict, scenario_to_dict
from mockint.store.sessions import SessionRecord, Store


class Recorder:
    """Listens to a Session and writes each transition in one transaction."""

    def __init__(self, store: Store, session_id: int):
        self.store = store
        self.session_id = session_id

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
        self.store.record(
            self.session_id,
            kind=ev.kind,
            stage_idx=ev.stage,
            at=ev.at,
            elapsed=ev.elapsed,
            data=ev.data,
            stage_update=update,
            current_stage=session.current,
            status="finished" if session.finished else "active",
        )

    def heartbeat(self, session: Session) -> None:
        if session.finished:
            self.store.heartbeat(self.session_id, None, None, session.clock.now())
            return
        self.store.heartbeat(
            self.session_id, session.current, session.elapsed(), session.clock.now()
        )


def start_session(
    store: Store, scenario: Scenario, clock: Clock, *, pace: float, mode: str = "solo"
) -> tuple[Session, Recorder]:
    sid = store.create_session(scenario_to_dict(scenario), pace=pace, mode=mode, now=clock.now())
    session = Session(scenario, clock)
    recorder = Recorder(store, sid)
    session.subscribe(recorder)
    return session, recorder


def resume_session(store: Store, record: SessionRecord, clock: Clock) -> tuple[Session, Recorder]:
    """Rebuild a session as it was last written; the time the app was dead is recorded, not charged."""
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
    recorder = Recorder(store, record.id)
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
        if st.kind == "coding" and not all(p.slug for p in st.problems or (ProblemPick(),)):
            st = replace(st, problems=_pick_problems(st, store, rng, repeat_solved))
        elif st.kind != "coding" and not st.questions:
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
    from mockint.scenario.bank_load import bank_for_kind
    from mockint.store.answers import recently_asked

    bank = bank_for_kind(st.kind)
    if bank is None:
        return ()
    infos = [QuestionInfo(q.id, q.minutes, q.topic) for q in bank.questions]
    # Stage minutes are already paced; question budgets are not, so compare like with like.
    budget = st.minutes / pace if pace > 0 else st.minutes
    return tuple(choose_questions(infos, budget, recently_asked(store), rng))
