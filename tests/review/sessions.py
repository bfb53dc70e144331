"""Scripted sessions for the review tests, written through the store and recording APIs the
app uses, on a FakeClock. Problems are real bundled ones (their titles and topics are read
from scenarios/problems); the code and verdicts are made up."""

from __future__ import annotations

from dataclasses import dataclass

from mockint.engine.clock import FakeClock
from mockint.recording import start_session
from mockint.scenario.practice import practice_scenario
from mockint.store.coding import add_snapshot, finish_run, start_run
from mockint.store.sessions import Store

DAY = 86400.0
START = 1_767_268_800.0  # 2026-01-01 12:00 UTC


def mark_finished(store: Store, sid: int) -> None:
    """As if the loop had been played to its end (scripted.build leaves it active)."""
    with store.transaction() as conn:
        conn.execute("UPDATE sessions SET status = 'finished' WHERE id = ?", (sid,))


def result(slug: str, verdict: str, passed: int, total: int, tests=None) -> dict:
    return {
        "problem": slug,
        "verdict": verdict,
        "passed": passed,
        "total": total,
        "tests": tests
        or [
            {"id": f"t{i}", "visible": True, "verdict": "accepted" if i < passed else verdict}
            for i in range(total)
        ],
    }


@dataclass
class Step:
    """One thing done in a coding round, `after` seconds after the previous one."""

    after: float
    code: str | None = None  # a snapshot with this code
    run: str | None = None  # "run" or "submit": graded with `verdict`
    verdict: str = "accepted"
    passed: int = 3
    total: int = 3
    hint: bool = False


def coding_session(
    store: Store,
    clock: FakeClock,
    slug: str,
    steps: list[Step],
    *,
    title: str = "Moving average of a stream",
    minutes: float = 20,
    finish: bool = True,
) -> int:
    """A practice session on one problem, played step by step; returns its id."""
    scenario = practice_scenario(slug, title, "easy", minutes)
    session, rec = start_session(store, scenario, clock, pace=1.0)
    sid = rec.session_id
    session.start()
    code = ""
    for st in steps:
        clock.advance(st.after)
        if st.hint:
            store.add_event(
                sid,
                0,
                "hint_shown",
                at=clock.now(),
                elapsed=session.elapsed(0),
                data={"problem": slug, "number": 1},
            )
        if st.code is not None:
            code = st.code
            add_snapshot(
                store,
                sid,
                0,
                slug,
                at=clock.now(),
                elapsed=session.elapsed(0),
                code=code,
                cursor=(code.count("\n"), 0),
            )
        if st.run is not None:
            run = start_run(
                store,
                sid,
                0,
                slug,
                kind=st.run,
                at=clock.now(),
                elapsed=session.elapsed(0),
                code=code,
            )
            finish_run(
                store,
                run,
                at=clock.now(),
                result=result(slug, st.verdict, st.passed, st.total),
                verdict=st.verdict,
            )
    if finish:
        session.finish_stage()
    return sid


def solve(store: Store, clock: FakeClock, slug: str, verdict: str, *, after=300.0, hint=False):
    """A short practice: one snapshot, one submit with `verdict`."""
    passed = 3 if verdict == "accepted" else 1
    return coding_session(
        store,
        clock,
        slug,
        [
            Step(
                after,
                code=f"# {slug} attempt\n",
                run="submit",
                verdict=verdict,
                passed=passed,
                hint=hint,
            )
        ],
    )
