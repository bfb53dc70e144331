"""Everything a session report says, gathered from the store (the shape is in `shape.py`).

This module builds the session-level parts (times, the overall score, what to work on) and
asks each stage's section builder (`report` in `mockint.kinds.STAGE_KINDS`) for the rest.
`build_report` reads only what the store holds (timestamps included: it never asks the
clock), scores with `mockint.scoring`, and orders every list by the scenario (stages,
questions, problems) or by the order things happened, so the same session always gives
the same report.
"""

from __future__ import annotations

from dataclasses import replace

from mockint.kinds import kind_info, resolve
from mockint.report import talking
from mockint.report.section import (
    BankLookup,
    SectionBuilder,
    StageContext,
    TitleLookup,
    iso,
    rounded,
)
from mockint.report.shape import (
    MissedPoint,
    Mistake,
    Report,
    StageReport,
    StageStatus,
    Where,
)
from mockint.scenario.bank import Bank
from mockint.scenario.model import Scenario, Stage
from mockint.scenario.serialize import scenario_from_dict
from mockint.scoring import Score, score_overall
from mockint.store.sessions import StageRow, Store

FORMAT = 1

_STATUS: dict[str, StageStatus] = {"not_started": "not_reached", "finished": "finished"}


def section_for(kind: str) -> SectionBuilder:
    """The section builder registered for a stage kind. A kind this version does not know
    (a session from a newer version) reads as plain questions and answers."""
    try:
        name = kind_info(kind).report
    except ValueError:
        return talking.section
    builder: SectionBuilder = resolve(name)
    return builder


def _default_bank(kind: str) -> Bank | None:
    from mockint.scenario.bank_load import bank_for_kind

    return bank_for_kind(kind)


def _default_title(slug: str) -> str | None:
    from mockint.grading.problems import ProblemError, load_problem

    try:
        return load_problem(slug).title
    except ProblemError:
        return None


def build_report(
    store: Store,
    session_id: int,
    *,
    bank_for: BankLookup | None = None,
    problem_title: TitleLookup | None = None,
) -> Report:
    """The report of one session. `bank_for(kind)` and `problem_title(slug)` default to the
    installed banks and problems; tests pass their own so content edits cannot move them.
    Raises StoreError for an unknown session."""
    lookup = bank_for or _default_bank
    title = problem_title or _default_title
    rec = store.load(session_id)
    events = store.events(session_id)
    scenario = scenario_from_dict(rec.scenario)
    banks: dict[str, Bank | None] = {}

    def bank(kind: str) -> Bank | None:
        if kind not in banks:
            banks[kind] = lookup(kind)
        return banks[kind]

    stages: list[StageReport] = []
    scores: dict[str, Score] = {}
    missed: list[MissedPoint] = []
    mistakes: list[Mistake] = []
    unanswered: list[Where] = []
    for row in rec.stages:
        ev = [e for e in events if e["stage_idx"] == row.idx]
        status = _status(row)
        ctx = StageContext(store, rec, row, _scenario_stage(scenario, row), ev, bank, title)
        score, content, questions = section_for(row.kind)(ctx)
        for q in questions:
            where: Where = {"stage": row.stage_id, "question": q["id"]}
            if q["status"] != "answered":
                if status in ("in_progress", "finished"):  # asked, so worth saying
                    unanswered.append(where)
                continue
            cov = q.get("coverage")
            missed += [
                {**where, "id": p["id"], "text": p["text"]}
                for p in (cov["points"] if cov else [])
                if not p["covered"]
            ]
            mistakes += [{**where, "mistake": m} for m in q["mistakes"]]
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
                "planned_s": rounded(row.planned_s),
                "used_s": rounded(used),
                "overtime_s": rounded(max(0.0, used - row.planned_s)),
                "skipped": row.skipped,
                "started_at": row.started_at,
                "started": iso(row.started_at),
                "finished_at": row.finished_at,
                "finished": iso(row.finished_at),
                "pauses": sum(1 for e in ev if e["kind"] == "paused"),
                "recovered_s": rounded(
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
        "times": {
            "planned_s": rounded(planned),
            "used_s": rounded(used),
            "overtime_s": rounded(over),
        },
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


def _status(row: StageRow) -> StageStatus:
    if row.skipped:
        return "skipped"
    return _STATUS.get(row.state, "in_progress")
