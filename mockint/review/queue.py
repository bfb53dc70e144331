"""Spaced repetition with FSRS (the `fsrs` package): cards from the repetition log.

Every item practised (a problem, a question, a STAR story) has one FSRS card. A card is
never edited by hand: it is the result of replaying that item's rows of `review_log` in
time order through `fsrs.Scheduler.review_card`, each with the rating that `rating` gave
it. The result is cached in `review_cards` with the id of the last log row it saw, and only
items whose log changed are replayed, so `mockint next` stays cheap with a large history.

The scheduler has no learning steps: a problem is not re-solved ten minutes later, so
every review goes straight to a whole-day interval. Fuzzing is off, so a due date is a
pure function of the log (tests use a fake clock: every function takes `now`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from datetime import date

# datetime is imported inside the functions: the home screen imports this module at start.

from mockint.store.sessions import Store


def scheduler() -> Any:
    from fsrs import Scheduler

    return Scheduler(learning_steps=(), relearning_steps=(), enable_fuzzing=False)


@dataclass
class Due:
    item: str
    kind: str  # problem, question, star, story
    stage_kind: str
    ref: str  # problem slug or question id
    title: str
    due: float  # epoch seconds
    reviews: int
    last_rating: int

    def to_json(self) -> dict[str, Any]:
        from datetime import UTC, datetime

        from mockint.review.rating import NAMES

        return {
            "item": self.item,
            "kind": self.kind,
            "ref": self.ref,
            "title": self.title,
            "due": datetime.fromtimestamp(self.due, UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "reviews": self.reviews,
            "last_rating": NAMES.get(self.last_rating, str(self.last_rating)),
        }


def replay_card(reviews: list[tuple[float, int]], sched: Any | None = None) -> Any:
    """The FSRS card after these (time, rating) reviews, in time order. Pure."""
    from datetime import UTC, datetime

    from fsrs import Card, Rating

    sched = sched or scheduler()
    first = datetime.fromtimestamp(reviews[0][0], UTC) if reviews else datetime.now(UTC)
    card = Card(card_id=1, due=first)
    for at, rating in reviews:
        card, _ = sched.review_card(card, Rating(rating), datetime.fromtimestamp(at, UTC))
    return card


def update_cards(store: Store) -> int:
    """Bring `review_cards` up to date with `review_log`; returns how many were rebuilt."""
    current = {
        r["item"]: (r["last_log_id"], r["reviews"])
        for r in store.conn.execute("SELECT item, last_log_id, reviews FROM review_cards")
    }
    latest = {
        r[0]: (r[1], r[2])
        for r in store.conn.execute("SELECT item, max(id), count(*) FROM review_log GROUP BY item")
    }
    stale = [item for item, key in latest.items() if current.get(item) != key]
    gone = [item for item in current if item not in latest]
    if not stale and not gone:
        return 0
    sched = scheduler()
    rows = []
    for item in stale:
        log = store.conn.execute(
            "SELECT id, kind, stage_kind, ref, title, at, rating FROM review_log"
            " WHERE item = ? ORDER BY at, id",
            (item,),
        ).fetchall()
        card = replay_card([(r["at"], r["rating"]) for r in log], sched)
        last = log[-1]
        rows.append(
            (
                item,
                last["kind"],
                last["stage_kind"],
                last["ref"],
                last["title"],
                card.to_json(),
                card.due.timestamp(),
                len(log),
                max(r["id"] for r in log),
                last["rating"],
            )
        )
    with store.transaction() as c:
        c.executemany("DELETE FROM review_cards WHERE item = ?", [(i,) for i in gone])
        c.executemany(
            "INSERT OR REPLACE INTO review_cards (item, kind, stage_kind, ref, title, card, due,"
            " reviews, last_log_id, last_rating) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
    return len(stale) + len(gone)


def end_of_day(now: float) -> float:
    """The next local midnight after `now`: "due today" means due before it."""
    from datetime import datetime, time, timedelta

    d = datetime.fromtimestamp(now).date() + timedelta(days=1)
    return datetime.combine(d, time()).timestamp()


def due(store: Store, now: float, *, until: float | None = None) -> list[Due]:
    """Items due by `until` (default: the end of `now`'s day), most overdue first."""
    limit = end_of_day(now) if until is None else until
    return _rows(store, "WHERE due < ? ORDER BY due, item", (limit,))


def upcoming(store: Store, start: float, end: float) -> list[Due]:
    return _rows(store, "WHERE due >= ? AND due < ? ORDER BY due, item", (start, end))


def all_cards(store: Store) -> list[Due]:
    return _rows(store, "ORDER BY due, item", ())


def due_count(store: Store, now: float) -> int:
    return int(
        store.conn.execute(
            "SELECT count(*) FROM review_cards WHERE due < ?", (end_of_day(now),)
        ).fetchone()[0]
    )


def _rows(store: Store, tail: str, args: tuple[Any, ...]) -> list[Due]:
    return [
        Due(
            r["item"],
            r["kind"],
            r["stage_kind"],
            r["ref"],
            r["title"],
            r["due"],
            r["reviews"],
            r["last_rating"],
        )
        for r in store.conn.execute(
            "SELECT item, kind, stage_kind, ref, title, due, reviews, last_rating"
            " FROM review_cards " + tail,
            args,
        )
    ]


def refresh_all(store: Store) -> None:
    """Summaries, then cards: everything `next`, the plan and the home screen read."""
    from mockint.review.summary import refresh

    refresh(store)
    update_cards(store)


def card_state(store: Store, item: str) -> dict[str, Any] | None:
    r = store.conn.execute("SELECT card FROM review_cards WHERE item = ?", (item,)).fetchone()
    return json.loads(r[0]) if r else None


def day_of(ts: float) -> date:
    from datetime import datetime

    return datetime.fromtimestamp(ts).date()


LOOP_LIMITS = {"coding": 2, "behavioural": 2}  # per stage kind; talking kinds get 3
STAGE_TITLES = {
    "coding": "Due problems",
    "phone_screen": "Due phone-screen questions",
    "ml_deep_dive": "Due deep-dive questions",
    "system_design": "Due design questions",
    "behavioural": "Due STAR stories",
    "hiring_manager": "Due hiring-manager questions",
}
MIX_AREAS = {
    "coding": "coding",
    "system_design": "system_design",
    "ml_deep_dive": "system_design",
    "phone_screen": "behavioural",
    "behavioural": "behavioural",
    "hiring_manager": "behavioural",
}


def due_loop(
    items: list[Due],
    *,
    problem_minutes: Any = None,
    question_minutes: Any = None,
) -> Any:
    """A short loop of the due items: one stage per kind (problems first), at most two
    problems, two STAR questions and three of each other kind, most overdue first.
    `problem_minutes(slug)` and `question_minutes(kind, id)` give lengths (defaults 20
    and 8). Returns a Scenario, or None when nothing is due."""
    from mockint.kinds import StageKind
    from mockint.scenario.model import STAGE_KINDS, MixArea, ProblemPick, Scenario, Stage

    by_kind: dict[str, list[str]] = {}
    for d in items:
        refs = by_kind.setdefault(d.stage_kind, [])
        if d.ref not in refs and len(refs) < LOOP_LIMITS.get(d.stage_kind, 3):
            refs.append(d.ref)
    stages = []
    order = ["coding"] + [k for k in STAGE_KINDS if k != "coding"]
    for kind in order:
        refs = by_kind.get(kind) or []
        if not refs:
            continue
        if kind == "coding":
            minutes = sum((problem_minutes or (lambda s: 20))(s) for s in refs)
            stage = Stage(
                "due-coding",
                StageKind.CODING,
                STAGE_TITLES[kind],
                float(minutes),
                "Problems the repetition queue says are due: solve each again from scratch.",
                problems=tuple(ProblemPick(slug=s) for s in refs),
            )
        else:
            minutes = sum((question_minutes or (lambda k, q: 8))(kind, q) for q in refs)
            stage = Stage(
                f"due-{kind.replace('_', '-')}",
                StageKind(kind),
                STAGE_TITLES.get(kind, kind),
                float(minutes),
                "Questions the repetition queue says are due: answer them again in full.",
                questions=tuple(refs),
            )
        stages.append(stage)
    if not stages:
        return None
    areas: dict[str, list[str]] = {}
    for st in stages:
        areas.setdefault(MIX_AREAS.get(st.kind, "behavioural"), []).append(st.id)
    weight = 100.0 / len(areas)
    n = sum(len(v) for v in by_kind.values())
    return Scenario(
        id="review",
        title=f"Review: {n} due item" + ("" if n == 1 else "s"),
        description="A short loop made of the items due for review today.",
        stages=tuple(stages),
        mix=tuple(MixArea(a, weight, tuple(ids)) for a, ids in areas.items()),
    )
