"""Everything a session report says, gathered from the store into one plain, JSON-able dict.

`build_report` reads only what the store holds (timestamps included: it never asks the
clock), scores with `mockint.scoring`, and orders every list by the scenario (stages,
questions, problems) or by the order things happened, so the same session always gives
the same report.

Shape:

    {"format": 1,
     "session": {id, scenario_id, title, description, pace, mode, status, created_at,
                 created, finished_at, finished, current_stage},
     "times": {planned_s, used_s, overtime_s},
     "stages": [ {idx, id, kind, title, status, planned_s, used_s, overtime_s, skipped,
                  started_at, finished_at, pauses, recovered_s, notes, scored, score,
                  content} ],
     "overall": {"mix": [{area, weight, stages}], "score": Score.to_dict()},
     "key_points_missed": [{stage, question, id, text}],
     "common_mistakes": [{stage, question, mistake}],
     "unanswered": [{stage, question}]}

A stage's `status` is one of not_reached, skipped, in_progress, finished. A stage or an
answer with nothing to score has `score.value` None and says why in `score.notes`; it is
never shown as 0.

Decisions worth knowing:
- A talking answer whose text is empty and that has no self-rating is "not answered":
  it is listed, but neither scored nor counted in the missed key points.
- System design coverage reads the phase notes and the scratchpad, not the components
  checklist (ticking a box is not explaining it); the checklist is reported beside it.
- Coding: a problem counts its best submit (most tests passed, the earliest on a tie).
  In a stage where something was run, a problem never submitted counts 0 and says so; a
  stage where nothing was run or submitted has no score.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from mockint.grading.text import clean
from mockint.scenario.bank import Bank, Question
from mockint.scenario.bank_load import DESIGN_PHASES, design_phase
from mockint.scenario.model import Scenario, Stage
from mockint.scenario.serialize import scenario_from_dict
from mockint.scoring import (
    Answer,
    CodingResult,
    ProblemResult,
    Score,
    analyse,
    cover_question,
    score_answer,
    score_coding_stage,
    score_overall,
    score_talking_stage,
)
from mockint.scoring.coverage import Coverage
from mockint.scoring.star import PARTS as STAR_PARTS
from mockint.scoring.text import count_words
from mockint.store import answers as answer_store
from mockint.store import coding as coding_store
from mockint.store.answers import AnswerRow
from mockint.store.sessions import SessionRecord, StageRow, Store

FORMAT = 1
TALKING_KINDS = ("phone_screen", "ml_deep_dive", "hiring_manager")
# Joins text fields for coverage: the full stop keeps the last word of one field and the
# first of the next from being read as one phrase.
FIELD_JOIN = "\n.\n"

BankLookup = Callable[[str], "Bank | None"]
TitleLookup = Callable[[str], "str | None"]


def _default_bank(kind: str) -> Bank | None:
    from mockint.scenario.bank_load import bank_for_kind

    return bank_for_kind(kind)


def _default_title(slug: str) -> str | None:
    from mockint.grading.problems import ProblemError, load_problem

    try:
        return load_problem(slug).title
    except ProblemError:
        return None


def iso(ts: float | None) -> str | None:
    if ts is None:
        return None
    return datetime.fromtimestamp(ts, UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


def _r(x: float | None, nd: int = 2) -> float | None:
    return None if x is None else round(float(x), nd) + 0.0


def build_report(
    store: Store,
    session_id: int,
    *,
    bank_for: BankLookup | None = None,
    problem_title: TitleLookup | None = None,
) -> dict[str, Any]:
    """The report of one session. `bank_for(kind)` and `problem_title(slug)` default to the
    installed banks and problems; tests pass their own so content edits cannot move them.
    Raises StoreError for an unknown session."""
    bank_for = bank_for or _default_bank
    problem_title = problem_title or _default_title
    rec = store.load(session_id)
    events = store.events(session_id)
    scenario = scenario_from_dict(rec.scenario)
    banks: dict[str, Bank | None] = {}

    def bank(kind: str) -> Bank | None:
        if kind not in banks:
            banks[kind] = bank_for(kind)
        return banks[kind]

    stages: list[dict[str, Any]] = []
    scores: dict[str, Score] = {}
    missed: list[dict[str, Any]] = []
    mistakes: list[dict[str, Any]] = []
    unanswered: list[dict[str, Any]] = []
    for row in rec.stages:
        stage = _scenario_stage(scenario, row)
        ev = [e for e in events if e["stage_idx"] == row.idx]
        status = _status(row)
        if row.kind == "coding":
            score, content = _coding(store, rec, row, stage, ev, problem_title)
        else:
            score, content = _talking(store, rec, row, stage, bank(row.kind))
            for q in content["questions"]:
                where = {"stage": row.stage_id, "question": q["id"]}
                if q["status"] != "answered":
                    if status in ("in_progress", "finished"):  # asked, so worth saying
                        unanswered.append(where)
                    continue
                cov = q.get("coverage") or {"points": []}
                missed += [
                    where | {"id": p["id"], "text": p["text"]}
                    for p in cov["points"]
                    if not p["covered"]
                ]
                mistakes += [where | {"mistake": m} for m in q.get("mistakes", [])]
        if not score.scored and status in ("not_reached", "skipped"):
            why = "not reached" if status == "not_reached" else "skipped"
            rest = tuple(n for n in score.notes if n != "no answers")
            score = replace(score, notes=(why,) + rest)
        scores[row.stage_id] = score
        used = row.elapsed_s or 0.0
        stages.append(
            {
                "idx": row.idx,
                "id": row.stage_id,
                "kind": row.kind,
                "title": row.title,
                "status": status,
                "planned_s": _r(row.planned_s),
                "used_s": _r(used),
                "overtime_s": _r(max(0.0, used - row.planned_s)),
                "skipped": row.skipped,
                "started_at": row.started_at,
                "started": iso(row.started_at),
                "finished_at": row.finished_at,
                "finished": iso(row.finished_at),
                "pauses": sum(1 for e in ev if e["kind"] == "paused"),
                "recovered_s": _r(
                    sum(
                        float(e["data"].get("dead_seconds", 0.0))
                        for e in ev
                        if e["kind"] == "recovered"
                    )
                ),
                "notes": rec.notes.get(row.idx) or None,
                "scored": score.scored,
                "score": score.to_dict(),
                "content": content,
            }
        )

    overall = score_overall(scenario, scores)
    planned = sum(s.planned_s for s in rec.stages)
    used = sum(s.elapsed_s or 0.0 for s in rec.stages)
    over = sum(max(0.0, (s.elapsed_s or 0.0) - s.planned_s) for s in rec.stages)
    return {
        "format": FORMAT,
        "session": {
            "id": rec.id,
            "scenario_id": rec.scenario_id,
            "title": rec.title,
            "description": scenario.description.strip(),
            "pace": rec.pace,
            "mode": rec.mode,
            "status": rec.status,
            "current_stage": rec.current_stage,
            "created_at": rec.created_at,
            "created": iso(rec.created_at),
            "finished_at": rec.finished_at,
            "finished": iso(rec.finished_at),
        },
        "times": {"planned_s": _r(planned), "used_s": _r(used), "overtime_s": _r(over)},
        "stages": stages,
        "overall": {
            "mix": [
                {"area": m.area, "weight": m.weight, "stages": list(m.stages)} for m in scenario.mix
            ],
            "score": overall.to_dict(),
        },
        "key_points_missed": missed,
        "common_mistakes": mistakes,
        "unanswered": unanswered,
    }


def _scenario_stage(scenario: Scenario, row: StageRow) -> Stage | None:
    if row.idx < len(scenario.stages) and scenario.stages[row.idx].id == row.stage_id:
        return scenario.stages[row.idx]
    for s in scenario.stages:
        if s.id == row.stage_id:
            return s
    return None


def _status(row: StageRow) -> str:
    if row.skipped:
        return "skipped"
    return {"not_started": "not_reached", "finished": "finished"}.get(row.state, "in_progress")


# ---- talking stages ---------------------------------------------------------------------


def _talking(
    store: Store, rec: SessionRecord, row: StageRow, stage: Stage | None, bank: Bank | None
) -> tuple[Score, dict[str, Any]]:
    rows = {a.question_id: a for a in answer_store.answers(store, rec.id, row.idx)}
    asked = list(stage.questions) if stage else []
    # Answers to questions the snapshot does not list still belong in the report.
    ids = asked + [
        a.question_id
        for a in sorted(rows.values(), key=lambda a: a.position)
        if a.question_id not in asked
    ]
    questions: list[dict[str, Any]] = []
    scored: list[Answer] = []
    for n, qid in enumerate(ids):
        q = _question(bank, qid)
        entry, answer = _question_entry(row, stage, q, qid, rows.get(qid), n)
        questions.append(entry)
        if answer is not None:
            scored.append(answer)
    score = score_talking_stage(row.stage_id, scored)
    content: dict[str, Any] = {"questions": questions}
    if row.kind == "hiring_manager":
        content["questions_to_ask"] = list(bank.questions_to_ask) if bank else []
    if row.kind == "system_design":
        content["phases"] = [
            {
                "id": p.id,
                "title": p.title,
                "min_minutes": p.min_minutes,
                "max_minutes": p.max_minutes,
            }
            for p in _phases(stage)
        ]
    return score, content


def _question(bank: Bank | None, qid: str) -> Question | None:
    if bank is None:
        return None
    try:
        return bank.question(qid)
    except KeyError:
        return None


def _question_entry(
    row: StageRow, stage: Stage | None, q: Question | None, qid: str, a: AnswerRow | None, n: int
) -> tuple[dict[str, Any], Answer | None]:
    entry: dict[str, Any] = {
        "id": qid,
        "position": a.position if a else n,
        "in_bank": q is not None,
        "prompt": q.prompt if q else None,
        "topic": q.topic if q else "",
        "competencies": list(q.competencies) if q else [],
        "minutes": q.minutes if q else None,
        "look_for": list(q.look_for) if q else [],
        "mistakes": list(q.mistakes) if q else [],
        "ratings": dict(sorted(a.ratings.items())) if a else {},
        "done": a.done if a else False,
        "seconds": _r(sum(float(v) for v in a.seconds.values())) if a else None,
    }
    fields = a.fields if a else {}
    if row.kind == "behavioural":
        texts = {p: fields.get(p, "") or "" for p in STAR_PARTS}
        entry["fields"] = texts
        text = FIELD_JOIN.join(t for t in texts.values() if t.strip())
    elif row.kind == "system_design":
        phases = [p.id for p in _phases(stage)]
        others = sorted(k for k in fields if k not in phases + ["components", "scratchpad"])
        order = phases + others + ["scratchpad"]
        text = FIELD_JOIN.join(fields[k] for k in order if (fields.get(k) or "").strip())
    else:
        text = fields.get("answer", "") or ""
        entry["answer"] = text
    entry["words"] = count_words(text)

    ratings = [float(v) for _, v in sorted(a.ratings.items())] if a else []
    if a is None or (not text.strip() and not ratings):
        entry["status"] = "not_answered"
        entry["score"] = None
        if row.kind == "system_design":
            entry.update(_design(stage, q, fields, None, a))
        return entry, None

    entry["status"] = "answered"
    cov = cover_question(text, q) if q is not None else None
    entry["coverage"] = _coverage(cov) if cov is not None else None
    star = None
    if row.kind == "behavioural":
        star = analyse(entry["fields"], a.seconds)
        entry["star"] = star.to_dict()
    if row.kind == "system_design":
        entry.update(_design(stage, q, fields, cov, a))
    answer = Answer(qid, cov, tuple(ratings), star)
    entry["score"] = score_answer(answer).to_dict()["value"]
    return entry, answer


def _coverage(cov: Coverage) -> dict[str, Any]:
    return {
        "share": round(cov.share, 4),
        "covered": len(cov.covered),
        "total": len(cov.points),
        "points": [_point(p) for p in cov.points],
        "terminology_used": list(cov.terminology_used),
        "terminology_unused": list(cov.terminology_unused),
    }


def _point(p) -> dict[str, Any]:
    # Spans are left out: for STAR and design answers they point into joined text.
    seen: dict[tuple[str, str], None] = {}
    for m in p.matches:
        seen.setdefault((m.term, m.text), None)
    return {
        "id": p.id,
        "text": p.text,
        "covered": p.covered,
        "terms": list(p.terms),
        "matched": [{"term": t, "text": x} for t, x in seen],
    }


def _phases(stage: Stage | None):
    from mockint.scenario.model import Phase

    if stage and stage.phases:
        return stage.phases
    return tuple(Phase(p, p.replace("-", " ").capitalize(), 0, 0) for p in DESIGN_PHASES)


def _design(
    stage: Stage | None,
    q: Question | None,
    fields: Mapping[str, str],
    cov: Coverage | None,
    a: AnswerRow | None,
) -> dict[str, Any]:
    points = {p.id: _point(p) for p in cov.points} if cov else {}
    phases = []
    for p in _phases(stage):
        notes = fields.get(p.id, "") or ""
        phases.append(
            {
                "id": p.id,
                "title": p.title,
                "notes": notes,
                "words": count_words(notes),
                "seconds": _r(a.seconds.get(p.id)) if a and p.id in a.seconds else None,
                "key_points": [v for k, v in points.items() if design_phase(k) == p.id],
            }
        )
    known = {p.id for p in _phases(stage)}
    other = [v for k, v in points.items() if design_phase(k) not in known]
    if other:
        phases.append(
            {
                "id": "other",
                "title": "Other",
                "notes": "",
                "words": 0,
                "seconds": None,
                "key_points": other,
            }
        )
    listed = list(q.components) if q else []
    checked, extra = split_components(fields.get("components", "") or "", listed)
    return {
        "phases": phases,
        "scratchpad": fields.get("scratchpad", "") or "",
        "components": {
            "listed": listed,
            "checked": checked,
            "missed": [c for c in listed if c not in checked],
            "extra": extra,
        },
    }


def split_components(joined: str, listed: list[str]) -> tuple[list[str], list[str]]:
    """The listed components present in a comma-joined string (names may hold commas
    themselves, so each known name is looked for whole), and the leftover items."""
    rest = joined
    found = set()
    for name in sorted(listed, key=len, reverse=True):
        pat = re.compile(r"(?:^|,)\s*" + re.escape(name) + r"\s*(?=,|$)")
        if pat.search(rest):
            found.add(name)
            rest = pat.sub("", rest)
    extra = [x.strip() for x in rest.split(",") if x.strip()]
    return [c for c in listed if c in found], extra


# ---- coding -----------------------------------------------------------------------------


def _coding(
    store: Store,
    rec: SessionRecord,
    row: StageRow,
    stage: Stage | None,
    events: list[dict[str, Any]],
    problem_title: TitleLookup,
) -> tuple[Score, dict[str, Any]]:
    runs = coding_store.runs(store, rec.id, row.idx)
    picked = [p.slug for p in (stage.problems if stage else ()) if p.slug]
    slugs = list(dict.fromkeys(picked + [r["problem"] for r in runs]))
    hints: dict[str, int] = {}
    for e in events:
        if e["kind"] == "hint_shown":
            slug = str(e["data"].get("problem", ""))
            hints[slug] = max(hints.get(slug, 0), int(e["data"].get("number", 1)))
    problems = []
    results = []
    notes = []
    for slug in slugs:
        mine = [r for r in runs if r["problem"] == slug]
        entry = _problem(slug, problem_title(slug), mine, hints.get(slug, 0))
        problems.append(entry)
        best = entry["best_submit"]
        if best is None:
            results.append(ProblemResult(slug, 0, 0, False, hints.get(slug, 0)))
            what = "never submitted" if mine else "not attempted"
            notes.append(f"{slug}: {what}, counts 0")
        else:
            results.append(
                ProblemResult(
                    slug,
                    best["passed"] or 0,
                    best["total"] or 0,
                    best["verdict"] == "accepted",
                    hints.get(slug, 0),
                )
            )
    stray = sum(n for s, n in hints.items() if s not in slugs)
    content = {"problems": problems, "hints_other": stray}
    if not runs:
        return Score(row.stage_id, None, (), "stage", ("nothing was run or submitted",)), content
    score = score_coding_stage(
        row.stage_id,
        CodingResult(
            results, seconds_used=row.elapsed_s, seconds_planned=row.planned_s, hints=stray
        ),
    )
    return replace(score, notes=score.notes + tuple(notes)), content


def _problem(
    slug: str, title: str | None, runs: list[dict[str, Any]], hints: int
) -> dict[str, Any]:
    graded = [r for r in runs if r["result"] is not None]
    submits = [r for r in graded if r["kind"] == "submit"]
    best = None
    for r in submits:  # strictly better only, so the earliest wins a tie
        if best is None or _rank(r) > _rank(best):
            best = r
    accepted = [r for r in submits if r["result"].get("verdict") == "accepted"]
    if accepted:
        status = "accepted"
    elif submits:
        status = "submitted"
    elif runs:
        status = "run_only"
    else:
        status = "not_attempted"
    return {
        "slug": slug,
        "title": title or slug,
        "status": status,
        "hints": hints,
        "runs": sum(1 for r in runs if r["kind"] == "run"),
        "submits": sum(1 for r in runs if r["kind"] == "submit"),
        "unfinished": sum(1 for r in runs if r["result"] is None),
        "first_run_s": _r(runs[0]["elapsed_s"]) if runs else None,
        "accepted_s": _r(accepted[0]["elapsed_s"]) if accepted else None,
        "last_run": _run(graded[-1]) if graded else None,
        "best_submit": _run(best) if best else None,
    }


def _rank(r: dict[str, Any]) -> tuple[bool, float]:
    res = r["result"]
    total = res.get("total") or 0
    return res.get("verdict") == "accepted", (res.get("passed") or 0) / total if total else 0.0


def _run(r: dict[str, Any]) -> dict[str, Any]:
    res = r["result"]
    return {
        "id": r["id"],
        "kind": r["kind"],
        "verdict": res.get("verdict"),
        "passed": res.get("passed"),
        "total": res.get("total"),
        "skipped": res.get("skipped", 0),
        "elapsed_s": _r(r["elapsed_s"]),
        "started_at": r["started_at"],
        "finished_at": r["finished_at"],
        "tests": [
            {
                "id": t.get("id"),
                "visible": bool(t.get("visible")),
                "verdict": t.get("verdict"),
                "message": clean(t.get("message") or ""),
                "time_ms": _r(t.get("time_ms"), 1),
            }
            for t in res.get("tests", [])
        ],
        "complexity": res.get("complexity"),
        "vectorized": res.get("vectorized"),
        "advice": advice(res),
        "code": clean(r["code"]),  # typed by a candidate: shown, never sent raw to a terminal
    }


def advice(result: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The judge's complexity and vectorization findings as sentences."""
    out = []
    cx = result.get("complexity")
    if cx:
        out.append(
            {
                "kind": "complexity",
                "ok": cx.get("ok"),
                "text": f"Time complexity: {cx.get('measured')}, target {cx.get('target')}",
            }
        )
    vec = result.get("vectorized")
    if vec:
        out.append(
            {
                "kind": "vectorized",
                "ok": vec.get("ok"),
                "text": f"Vectorized: {vec.get('message')}",
            }
        )
    return out
