"""One cached summary per session, and the repetition log derived from it.

A summary holds what the history list, the progress charts and the weak areas need without
building a full report per row: the overall and per-area scores (from the same
`build_report` that `mockint report` prints, so the numbers always agree), the time used,
a lower-cased search text, and a few facts (key points missed, verdicts hit, hints).

Summaries are derived data. Triggers (migration 5) delete a session's summary whenever its
session, stages, answers, runs or events change; `refresh` rebuilds the missing ones. The
same transaction rewrites that session's rows of `review_log`, one per item practised
(a problem, a question, a STAR story) with its FSRS rating (see `rating`).
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any, cast

from mockint.review.rating import AnswerOutcome, ProblemOutcome, rate_answer, rate_problem
from mockint.store.sessions import Store

SETTLED = ("finished",)


@dataclass
class ProblemInfo:
    title: str
    topics: tuple[str, ...] = ()


@dataclass
class Lookups:
    """Banks, problem metadata and stories, looked up once per batch."""

    bank_for: Callable[[str], Any]
    problem: Callable[[str], ProblemInfo | None]
    stories: dict[int, tuple[str, list[str]]] = field(default_factory=dict)


def default_lookups(store: Store) -> Lookups:
    from mockint.scenario.bank_load import bank_for_kind

    @cache
    def bank(kind: str) -> Any:
        try:
            return bank_for_kind(kind)
        except Exception:  # a broken user bank must not stop the history
            return None

    @cache
    def problem(slug: str) -> ProblemInfo | None:
        from mockint.grading.problems import ProblemError, load_problem

        try:
            p = load_problem(slug)
        except ProblemError:
            return None
        return ProblemInfo(p.title, tuple(p.topics))

    return Lookups(bank, problem, _stories(store))


def _stories(store: Store) -> dict[int, tuple[str, list[str]]]:
    return {
        r["id"]: (r["title"], json.loads(r["competencies"] or "[]"))
        for r in store.conn.execute("SELECT id, title, competencies FROM stories")
    }


def missing(store: Store) -> list[int]:
    """Sessions without a current summary, oldest first."""
    rows = store.conn.execute(
        "SELECT s.id FROM sessions s LEFT JOIN review_summaries r ON r.session_id = s.id"
        " WHERE r.session_id IS NULL ORDER BY s.created_at, s.id"
    ).fetchall()
    return [r[0] for r in rows]


def any_missing(store: Store) -> bool:
    """Cheaply: is any session without a summary? (Two counts; summaries of deleted
    sessions go with them, so equal counts mean none is missing.)"""
    row = store.conn.execute(
        "SELECT (SELECT count(*) FROM sessions) - (SELECT count(*) FROM review_summaries)"
    ).fetchone()
    return bool(row[0])


def refresh(
    store: Store,
    ids: Iterable[int] | None = None,
    *,
    lookups: Lookups | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Build the summaries that are missing (or those of `ids`); returns how many."""
    if ids is None and not any_missing(store):
        return 0
    todo = list(ids) if ids is not None else missing(store)
    if not todo:
        return 0
    lookups = lookups or default_lookups(store)
    for n, sid in enumerate(todo, 1):
        summarise(store, sid, lookups)
        if progress is not None:
            progress(n, len(todo))
    return len(todo)


def summarise(store: Store, session_id: int, lookups: Lookups, now: float | None = None) -> None:
    from mockint.report.collect import build_report
    from mockint.store.db import StoreError

    def title(slug: str) -> str | None:
        info = lookups.problem(slug)
        return info.title if info else None

    try:
        report = build_report(store, session_id, bank_for=lookups.bank_for, problem_title=title)
        runs = store.conn.execute(
            "SELECT stage_idx, problem, kind, verdict, elapsed_s, result_json FROM grading_runs"
            " WHERE session_id = ? ORDER BY id",
            (session_id,),
        ).fetchall()
        # The report's TypedDict shape is read as plain JSON data here.
        row, log = digest(cast("dict[str, Any]", report), [dict(r) for r in runs], lookups)
    except StoreError:
        return  # deleted meanwhile
    except (sqlite3.Error, ValueError, KeyError, TypeError, AttributeError) as exc:
        # Damaged rows: the session is still listed, unscored, and says why.
        row = {
            "overall": None,
            "areas": {},
            "used_s": 0.0,
            "planned_s": 0.0,
            "search": "",
            "facts": {"error": f"{type(exc).__name__}: {exc}"},
        }
        log = []
    now = time.time() if now is None else now
    with store.transaction() as c:
        exists = c.execute("SELECT 1 FROM sessions WHERE id = ?", (session_id,)).fetchone()
        if exists is None:
            return
        c.execute("DELETE FROM review_log WHERE session_id = ?", (session_id,))
        c.execute(
            "INSERT OR REPLACE INTO review_summaries (session_id, computed_at, overall, areas,"
            " used_s, planned_s, search, facts) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                session_id,
                now,
                row["overall"],
                json.dumps(row["areas"]),
                row["used_s"],
                row["planned_s"],
                row["search"],
                json.dumps(row["facts"]),
            ),
        )
        c.executemany(
            "INSERT INTO review_log (session_id, item, kind, stage_kind, ref, title, topics, at,"
            " score, rating, why) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    session_id,
                    e["item"],
                    e["kind"],
                    e["stage_kind"],
                    e["ref"],
                    e["title"],
                    json.dumps(e["topics"]),
                    e["at"],
                    e["score"],
                    e["rating"],
                    e["why"],
                )
                for e in log
            ],
        )


def digest(
    report: dict[str, Any], runs: list[dict[str, Any]], lookups: Lookups
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The summary row and the repetition log of one report. Pure."""
    sess = report["session"]
    overall = report["overall"]["score"]
    areas = {p["name"]: p["value"] for p in overall.get("parts", [])}
    words: list[str] = [sess["title"], sess["scenario_id"]]
    log: list[dict[str, Any]] = []
    hints = 0
    for st in report["stages"]:
        words.append(st["title"])
        settled = st["status"] in SETTLED or (
            sess["status"] != "active" and st["status"] == "in_progress"
        )
        when = st["finished_at"] or st["started_at"] or sess["created_at"]
        if st["kind"] == "coding":
            problems = st["content"]["problems"]
            hints += sum(p["hints"] for p in problems) + st["content"].get("hints_other", 0)
            for p in problems:
                info = lookups.problem(p["slug"])
                words += [p["slug"], p["title"], *(info.topics if info else ())]
            if settled or st["status"] == "in_progress":
                log += _coding_log(st, runs, lookups, settled, when)
            continue
        for q in st["content"]["questions"]:
            words += [q["id"], q.get("prompt") or "", q.get("topic") or "", *q["competencies"]]
            # A question not answered (never reached, or passed over) was not attempted:
            # it has no score to learn from, so it is no review item and no weak topic.
            if settled and q["status"] == "answered":
                log += _answer_log(st, q, sess.get("pace") or 1.0, lookups, when)
    verdicts: Counter[str] = Counter()
    failing: Counter[str] = Counter()
    for r in runs:
        res = json.loads(r["result_json"]) if r.get("result_json") else None
        if not res:
            continue
        for t in res.get("tests", []):
            v = t.get("verdict")
            if v and v != "accepted" and v != "skipped":
                verdicts[v] += 1
                failing[f"{r['problem']}/{t.get('id')}: {v}"] += 1
    facts = {
        "missed": [[m["question"], m["text"]] for m in report["key_points_missed"]],
        "verdicts": dict(verdicts),
        "failing": dict(failing),
        "hints": hints,
    }
    row = {
        # An unfinished session's overall would be a score of the part done, read beside
        # whole loops as if it were one (often 0): the areas it has scores in are kept.
        "overall": overall.get("value") if sess["status"] == "finished" else None,
        "areas": areas,
        "used_s": report["times"]["used_s"] or 0.0,
        "planned_s": report["times"]["planned_s"] or 0.0,
        "search": " ".join(w for w in words if w).lower(),
        "facts": facts,
    }
    return row, log


def _coding_log(
    st: dict[str, Any],
    runs: list[dict[str, Any]],
    lookups: Lookups,
    settled: bool,
    when: float,
) -> list[dict[str, Any]]:
    problems = st["content"]["problems"]
    budget = (st["planned_s"] or 0.0) / max(1, len(problems))
    mine = [r for r in runs if r["stage_idx"] == st["idx"]]
    accepted_at = sorted(
        (p["accepted_s"], p["slug"]) for p in problems if p["accepted_s"] is not None
    )
    out = []
    for p in problems:
        if p["status"] == "not_attempted":
            continue
        if p["status"] != "accepted" and not settled:
            continue  # still being worked on
        seconds = None
        if p["accepted_s"] is not None:
            before = [a for a, s in accepted_at if a < p["accepted_s"] and s != p["slug"]]
            seconds = p["accepted_s"] - (max(before) if before else 0.0)
        submits = [r for r in mine if r["problem"] == p["slug"] and r["kind"] == "submit"]
        failed = 0
        for r in submits:
            if r["verdict"] == "accepted":
                break
            if r["verdict"] not in ("cancelled", "error", None):
                failed += 1
        rating, why = rate_problem(
            ProblemOutcome(
                accepted=p["status"] == "accepted",
                hints=p["hints"],
                seconds=seconds,
                budget_s=budget or None,
                failed_submits=failed,
            )
        )
        best = p["best_submit"]
        score = 0.0
        if best and best["total"]:
            score = 100.0 * (best["passed"] or 0) / best["total"]
        elif best and best["verdict"] == "accepted":
            score = 100.0
        at = when
        if best is not None:
            at = best["started_at"]
        elif p["last_run"] is not None:
            at = p["last_run"]["started_at"]
        info = lookups.problem(p["slug"])
        out.append(
            {
                "item": f"problem:{p['slug']}",
                "kind": "problem",
                "stage_kind": "coding",
                "ref": p["slug"],
                "title": p["title"],
                "topics": list(info.topics) if info else [],
                "at": at,
                "score": round(score, 2),
                "rating": rating,
                "why": why,
            }
        )
    return out


def _answer_log(
    st: dict[str, Any], q: dict[str, Any], pace: float, lookups: Lookups, when: float
) -> list[dict[str, Any]]:
    kind = "star" if st["kind"] == "behavioural" else "question"
    topics = list(q["competencies"]) if kind == "star" else ([q["topic"]] if q["topic"] else [])
    budget = q["minutes"] * 60 * pace if q.get("minutes") else None
    answered = q["status"] == "answered"
    cov = q.get("coverage") or {}
    star = (q.get("star") or {}).get("checks") or {}
    rating, why = rate_answer(
        AnswerOutcome(
            answered=answered,
            covered=int(cov.get("covered", 0)),
            total=int(cov.get("total", 0)),
            seconds=q.get("seconds"),
            budget_s=budget,
            score=q.get("score"),
            star_passed=sum(1 for v in star.values() if v) if star else None,
            star_total=len(star) if star else None,
        )
    )
    score: float | None = q.get("score")
    if answered and cov.get("total"):
        score = 100.0 * cov["covered"] / cov["total"]
    title = (q.get("prompt") or q["id"]).strip()
    entry = {
        "item": f"question:{q['id']}",
        "kind": kind,
        "stage_kind": st["kind"],
        "ref": q["id"],
        "title": title,
        "topics": topics,
        "at": when,
        "score": None if score is None else round(score, 2),
        "rating": rating,
        "why": why,
    }
    out = [entry]
    story_id = (q.get("ratings") or {}).get("story_id")
    if kind == "star" and isinstance(story_id, int) and story_id in lookups.stories:
        name, comps = lookups.stories[story_id]
        out.append(
            entry
            | {
                "item": f"story:{story_id}",
                "kind": "story",
                "title": name,
                "topics": comps or topics,
            }
        )
    return out
