"""A small recorded history for the screen tests: three practice rounds with code, runs and
a paste, and the scripted six-stage loop of the report tests. Fixed times (FakeClock)."""

from __future__ import annotations

from mockint.engine.clock import FakeClock
from mockint.review import queue, summary
from mockint.store.sessions import Store
from tests.report import scripted
from tests.review.sessions import DAY, START, Step, coding_session

CODE = [
    "from collections import deque\n",
    "from collections import deque\n\n\nclass MovingAverage:\n",
    "from collections import deque\n\n\nclass MovingAverage:\n"
    "    def __init__(self, window: int):\n        self.q = deque()\n",
]
PASTE = "".join(
    f"        # step {i}: keep the running sum in step with the queue\n" for i in range(6)
)
DONE = CODE[-1] + PASTE + "    def next(self, x: float) -> float:\n        self.q.append(x)\n"
NOW = START + 3 * DAY + 3600  # "today" in the screen tests: 2026-01-04 13:00 UTC


def build(path) -> tuple[Store, FakeClock, dict[str, int]]:
    store = Store(path)
    clock = FakeClock(START)
    ids = {"loop": scripted.build(store)}
    ids["moving"] = coding_session(
        store,
        clock,
        "moving-average",
        [Step(5, code=CODE[0]), Step(20, code=CODE[1]), Step(30, code=CODE[2])]
        + [Step(1, run="run", verdict="wrong_answer", passed=1, total=3)]
        + [Step(90, code=DONE), Step(4, run="submit", verdict="accepted", passed=5, total=5)],
    )
    clock.advance(DAY)
    ids["topk"] = coding_session(
        store,
        clock,
        "top-k",
        [
            Step(
                40,
                code="def top_k(xs, k):\n    return sorted(xs)[:k]\n",
                run="submit",
                verdict="wrong_answer",
                passed=2,
                total=5,
                hint=True,
            )
        ],
        title="Top k scores",
    )
    clock.advance(DAY)
    ids["edit"] = coding_session(
        store,
        clock,
        "edit-distance",
        [
            Step(
                600,
                code="def edit_distance(a, b):\n    ...\n",
                run="submit",
                verdict="time_limit",
                passed=3,
                total=6,
            )
        ],
        title="Edit distance",
    )
    lookups = summary.default_lookups(store)
    lookups.bank_for = scripted.BANKS.get
    summary.refresh(store, lookups=lookups)
    queue.update_cards(store)
    return store, clock, ids
