"""Progress over time and the weak areas, from the cached summaries and the repetition log.

Pure functions over rows read in a few queries (no per-session query), so the progress
screen and `mockint history` stay quick with thousands of sessions.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from mockint.store.sessions import Store

TOPIC_GROUPS = {"problem": "problem topics", "question": "question topics", "star": "competencies"}


@dataclass
class Series:
    name: str
    points: list[tuple[float, float]] = field(default_factory=list)  # (time, score)

    @property
    def values(self) -> list[float]:
        return [v for _, v in self.points]

    @property
    def last(self) -> float | None:
        return self.points[-1][1] if self.points else None

    @property
    def mean(self) -> float | None:
        return sum(self.values) / len(self.points) if self.points else None


@dataclass
class TopicScore:
    group: str  # problem topics, question topics, competencies
    topic: str
    recent: float  # mean of the most recent scores
    count: int
    series: Series


@dataclass
class Weak:
    topics: list[TopicScore]
    missed: list[tuple[str, int]]  # "question: key point", times missed
    verdicts: list[tuple[str, int]]  # verdict kind, tests that hit it
    failing: list[tuple[str, int]]  # "problem/test: verdict", times
    hints: int
    sessions_with_hints: int
    sessions: int

    def to_json(self) -> dict[str, Any]:
        return {
            "topics": [
                {"group": t.group, "topic": t.topic, "recent": round(t.recent, 1), "count": t.count}
                for t in self.topics
            ],
            "missed_key_points": [{"point": p, "times": n} for p, n in self.missed],
            "verdicts": [{"verdict": v, "tests": n} for v, n in self.verdicts],
            "failing_tests": [{"test": t, "times": n} for t, n in self.failing],
            "hints": {"total": self.hints, "sessions": self.sessions_with_hints},
        }


def score_series(store: Store, limit: int | None = None) -> dict[str, Series]:
    """Overall and every area, oldest first, over the last `limit` scored sessions. An
    unfinished session has no overall (see summary.digest) but its areas' scores count."""
    sql = (
        "SELECT s.created_at, r.overall, r.areas FROM review_summaries r"
        " JOIN sessions s ON s.id = r.session_id"
        " WHERE r.overall IS NOT NULL OR s.status != 'finished'"
        " ORDER BY s.created_at DESC, s.id DESC"
    )
    args: tuple[Any, ...] = ()
    if limit is not None:
        sql += " LIMIT ?"
        args = (limit,)
    rows = store.conn.execute(sql, args).fetchall()[::-1]
    out: dict[str, Series] = {"overall": Series("overall")}
    for r in rows:
        if r[1] is not None:
            out["overall"].points.append((r[0], r[1]))
        for area, value in json.loads(r[2]).items():
            if value is not None:
                out.setdefault(area, Series(area)).points.append((r[0], value))
    return {"overall": out.pop("overall")} | dict(sorted(out.items()))


def topic_scores(store: Store, recent: int = 5) -> list[TopicScore]:
    """Every topic practised, by group, with the mean of its `recent` latest item scores."""
    by_topic: dict[tuple[str, str], Series] = defaultdict(lambda: Series(""))
    for r in store.conn.execute(
        "SELECT kind, topics, at, score FROM review_log WHERE score IS NOT NULL"
        " AND kind != 'story' ORDER BY at, id"
    ):
        group = TOPIC_GROUPS.get(r[0], r[0])
        for topic in json.loads(r[1]):
            s = by_topic[(group, topic)]
            s.name = topic
            s.points.append((r[2], r[3]))
    out = []
    for (group, topic), s in by_topic.items():
        last = s.values[-recent:]
        out.append(TopicScore(group, topic, sum(last) / len(last), len(s.points), s))
    out.sort(key=lambda t: (t.group, t.topic))
    return out


def weak_areas(store: Store, *, top: int = 5, recent: int = 5, sessions: int = 50) -> Weak:
    """Lowest recent topics; key points most often missed, verdicts most often hit and
    hints used, over the last `sessions` summarised sessions."""
    topics = sorted(topic_scores(store, recent), key=lambda t: (t.recent, t.topic))[:top]
    missed: Counter[str] = Counter()
    verdicts: Counter[str] = Counter()
    failing: Counter[str] = Counter()
    hints = with_hints = n = 0
    for (facts_json,) in store.conn.execute(
        "SELECT r.facts FROM review_summaries r JOIN sessions s ON s.id = r.session_id"
        " ORDER BY s.created_at DESC LIMIT ?",
        (sessions,),
    ):
        facts = json.loads(facts_json)
        n += 1
        for q, text in facts.get("missed", []):
            missed[f"{q}: {text}"] += 1
        verdicts.update(facts.get("verdicts", {}))
        failing.update(facts.get("failing", {}))
        h = int(facts.get("hints", 0))
        hints += h
        with_hints += 1 if h else 0
    return Weak(
        topics,
        _top(missed, top),
        _top(verdicts, top),
        _top(failing, top),
        hints,
        with_hints,
        n,
    )


def _top(c: Counter[str], n: int) -> list[tuple[str, int]]:
    return sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[:n]
