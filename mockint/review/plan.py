"""A week-by-week preparation plan from the weak areas and the repetition queue.

Loops like this one are usually prepared for over six to eight weeks. The plan spreads the
weakest topics over the weeks, puts each due review in the week it falls due, sets targets
(full mock loops, single-problem or review sessions, reviews) that grow towards the end, and
counts what has been done in each week so far. `build` is a pure function of its inputs
(`today` included), so tests give it a fixed date; the plan's dates are saved in
`review_plan` so "done so far" refers to the same weeks on every run.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from mockint.store.sessions import Store

DEFAULT_WEEKS = 6
MAX_WEEKS = 26


@dataclass(frozen=True)
class Spec:
    start: date
    weeks: int
    until: date | None = None


@dataclass
class Week:
    number: int
    start: date
    end: date  # exclusive
    status: str  # past, current, future
    theme: str
    focus: list[str]
    targets: dict[str, int]
    done: dict[str, int]
    due: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "week": self.number,
            "start": self.start.isoformat(),
            "end": (self.end - timedelta(days=1)).isoformat(),
            "status": self.status,
            "theme": self.theme,
            "focus": self.focus,
            "targets": self.targets,
            "done": self.done,
            "due": self.due,
        }


@dataclass(frozen=True)
class Activity:
    """What happened, for "done so far": sessions (with their history mode) and reviews."""

    sessions: list[tuple[float, str, str]]  # (created_at, mode, status)
    reviews: list[tuple[float, str]]  # (at, item)


def make_spec(today: date, weeks: int | None, until: date | None) -> tuple[Spec, str | None]:
    """The plan's dates, and a note when they had to be adjusted."""
    note = None
    if weeks is None:
        weeks = DEFAULT_WEEKS
        if until is not None:
            weeks = max(1, min(MAX_WEEKS, -(-(until - today).days // 7)))
    if not 1 <= weeks <= MAX_WEEKS:
        raise ValueError(f"--weeks must be between 1 and {MAX_WEEKS}, not {weeks}")
    if until is None:
        return Spec(today, weeks), None
    if until <= today:
        raise ValueError(f"--until {until.isoformat()} is not after today ({today.isoformat()})")
    start = until - timedelta(days=7 * weeks)
    if start < today:
        days = (until - today).days
        note = f"{weeks} weeks do not fit before {until.isoformat()}: the plan has {days} days"
        start = today
    return Spec(start, weeks, until), note


def theme(i: int, weeks: int) -> str:
    if weeks == 1:
        return "One week: a full loop early, the weakest topics, then a final loop"
    if i == 0:
        return "Baseline: one full loop, then the weakest topics"
    if i == weeks - 1:
        return "Final week: full-length loops, light review, rest the day before"
    if i < max(1, round(weeks * 0.6)):
        return "Foundations: weak topics and every due review"
    return "Loops under real time, reviews kept up"


def targets(i: int, weeks: int) -> dict[str, int]:
    if i == weeks - 1:
        return {"loops": 2, "practice": 2, "reviews": 0}
    if i >= weeks - 3 and weeks > 3:
        return {"loops": 2, "practice": 3, "reviews": 0}
    return {"loops": 1, "practice": 4 if i else 3, "reviews": 0}


def build(
    spec: Spec,
    today: date,
    weak_topics: list[str],
    due: list[tuple[float, str]],
    activity: Activity,
) -> list[Week]:
    """The weeks of the plan. `due` is (due time, title) of every card; items already
    overdue go into the current week (or the first, if the plan has not started)."""
    weeks: list[Week] = []
    topics = list(dict.fromkeys(weak_topics)) or []
    per_week = max(1, -(-len(topics) // max(1, spec.weeks - 1))) if topics else 0
    last_day = spec.start + timedelta(days=7 * spec.weeks)
    if spec.until is not None:
        last_day = max(last_day, spec.until)
    for i in range(spec.weeks):
        start = spec.start + timedelta(days=7 * i)
        end = start + timedelta(days=7) if i < spec.weeks - 1 else last_day
        status = "past" if end <= today else ("current" if start <= today else "future")
        focus = topics[i * per_week : (i + 1) * per_week] if i < spec.weeks - 1 else []
        if not focus and topics and i < spec.weeks - 1:
            focus = topics[:per_week]  # more weeks than topics: keep at the weakest
        weeks.append(
            Week(i + 1, start, end, status, theme(i, spec.weeks), focus, targets(i, spec.weeks), {})
        )
    here = next((w for w in weeks if w.status == "current"), weeks[0] if weeks else None)
    for at, title in sorted(due):
        d = datetime.fromtimestamp(at).date()
        week = here if d <= today else next((w for w in weeks if w.start <= d < w.end), None)
        if week is not None and week.status != "past":
            week.due.append(title)
    for w in weeks:
        w.targets["reviews"] = len(w.due)
        lo = datetime.combine(w.start, datetime.min.time()).timestamp()
        hi = datetime.combine(w.end, datetime.min.time()).timestamp()
        done = [(m, s) for at, m, s in activity.sessions if lo <= at < hi]
        w.done = {
            "loops": sum(1 for m, s in done if m in ("solo", "pair") and s == "finished"),
            "practice": sum(1 for m, _ in done if m in ("practice", "review")),
            "reviews": len({item for at, item in activity.reviews if lo <= at < hi}),
        }
    return weeks


# ---- the store side ----------------------------------------------------------------------


def load_spec(store: Store) -> Spec | None:
    r = store.conn.execute("SELECT start_day, weeks, until_day FROM review_plan WHERE id = 1")
    row = r.fetchone()
    if row is None:
        return None
    until = date.fromisoformat(row[2]) if row[2] else None
    return Spec(date.fromisoformat(row[0]), int(row[1]), until)


def save_spec(store: Store, spec: Spec, now: float) -> None:
    with store.transaction() as c:
        c.execute(
            "INSERT OR REPLACE INTO review_plan (id, start_day, weeks, until_day, created_at)"
            " VALUES (1, ?, ?, ?, ?)",
            (
                spec.start.isoformat(),
                spec.weeks,
                spec.until.isoformat() if spec.until else None,
                now,
            ),
        )


def activity(store: Store, since: float) -> Activity:
    from mockint.review.history import MODE_SQL

    sessions = [
        (r[0], r[1], r[2])
        for r in store.conn.execute(
            f"SELECT s.created_at, {MODE_SQL}, s.status FROM sessions s WHERE s.created_at >= ?",
            (since,),
        )
    ]
    # A review is an item practised again: its first time (in any session) is not one.
    reviews = [
        (r[0], r[1])
        for r in store.conn.execute(
            "SELECT r.at, r.item FROM review_log r WHERE r.at >= ? AND EXISTS (SELECT 1 FROM"
            " review_log p WHERE p.item = r.item AND p.session_id != r.session_id"
            " AND p.at < r.at)",
            (since,),
        )
    ]
    return Activity(sessions, reviews)


def current(
    store: Store,
    now: float,
    *,
    weeks: int | None = None,
    until: date | None = None,
    save: bool = True,
) -> tuple[Spec, list[Week], str | None]:
    """The saved plan (or a new one from `weeks`/`until`, saved), built for `now`."""
    from mockint.review import progress, queue

    today = datetime.fromtimestamp(now).date()
    note = None
    spec = None if (weeks is not None or until is not None) else load_spec(store)
    if spec is None:
        spec, note = make_spec(today, weeks, until)
        if save:
            save_spec(store, spec, now)
    queue.refresh_all(store)
    weak = [t.topic for t in progress.weak_areas(store, top=12).topics]
    cards = [(d.due, d.title) for d in queue.all_cards(store)]
    since = datetime.combine(spec.start, datetime.min.time()).timestamp()
    return spec, build(spec, today, weak, cards, activity(store, since)), note
