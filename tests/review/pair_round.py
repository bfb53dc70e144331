"""A scripted pair round (mode `pair`) written through the store's own API on a FakeClock:
the candidate's code, the interviewer's hint, a pause, notes typed in three versions, a
run and a submit. The identity `local` is this machine's user, the interviewer."""

from __future__ import annotations

from mockint.engine.clock import FakeClock
from mockint.recording import start_session
from mockint.scenario.practice import practice_scenario
from mockint.store import pair as records
from mockint.store.coding import add_snapshot, finish_run, start_run
from mockint.store.sessions import Store
from tests.review.sessions import result

SLUG = "moving-average"
CODE = [
    "class MovingAverage:\n",
    "class MovingAverage:\n    def __init__(self, window):\n        self.w = window\n",
    "class MovingAverage:\n    def __init__(self, window):\n        self.w = window\n"
    "        self.xs = []\n",
]
NOTES = [
    "Starts by restating the problem.",
    "Starts by restating the problem.\nMissed the empty window; hint given.",
    "Starts by restating the problem.\nMissed the empty window; hint given.\nFixed it fast.",
]
HINT = "What happens before the window is full?"


def pair_round(store: Store, clock: FakeClock, interviewer: str = "local") -> int:
    scenario = practice_scenario(SLUG, "Moving average of a stream", "easy", 20)
    session, rec = start_session(store, scenario, clock, pace=1.0, mode="pair")
    sid = rec.session_id
    records.add_round(
        store, sid, room="r1", round_no=1, interviewer=interviewer, candidate="code:abcd-efgh"
    )

    def snap(code: str) -> None:
        add_snapshot(store, sid, 0, SLUG, at=clock.now(), elapsed=session.elapsed(0), code=code,
                     cursor=(code.count("\n"), 0))  # fmt: skip

    def notes(text: str) -> None:
        records.add_note_version(store, sid, interviewer, text, stage_idx=0, at=clock.now(),
                                 elapsed=session.elapsed(0))  # fmt: skip
        records.save_private(store, sid, interviewer, "notes", text)

    def graded(kind: str, verdict: str, passed: int) -> None:
        run = start_run(store, sid, 0, SLUG, kind=kind, at=clock.now(),
                        elapsed=session.elapsed(0), code=CODE[-1] if passed == 3 else CODE[1])  # fmt: skip
        finish_run(store, run, at=clock.now(), result=result(SLUG, verdict, passed, 3),
                   verdict=verdict)  # fmt: skip

    session.start()
    clock.advance(5)
    snap(CODE[0])
    notes(NOTES[0])
    clock.advance(15)
    snap(CODE[1])
    clock.advance(5)  # t=25: a hint pushed
    store.add_event(sid, 0, "pair_push", at=clock.now(), elapsed=session.elapsed(0),
                    data={"kind": "hint", "text": HINT, "source": "typed", "stage": 0})  # fmt: skip
    clock.advance(5)  # t=30: a wrong run, then the clock paused for a minute
    graded("run", "wrong_answer", 1)
    notes(NOTES[1])
    session.pause()
    clock.advance(60)
    session.resume()
    clock.advance(10)  # t=40
    snap(CODE[2])
    notes(NOTES[2])
    clock.advance(5)  # t=45
    graded("submit", "accepted", 3)
    session.finish_stage()
    rec.close()
    return sid
