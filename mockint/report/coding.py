"""Coding stages: per problem, its runs and submits, the best submit with its tests, the
judge's advice and the code, the hints shown, the complexity the candidate stated (compared
with the reference and the measurement) and whether the discussion and the reference
solution were opened before solving (which costs points).

A problem counts its best submit (most tests passed, the earliest on a tie). In a stage
where something was run, a problem never submitted counts 0 and says so; a stage where
nothing was run or submitted has no score.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from mockint.grading.text import clean
from mockint.report.section import FactsLookup, Section, StageContext, rounded
from mockint.report.shape import (
    AdviceItem,
    ClaimReport,
    CodingContent,
    ProblemReport,
    ProblemStatus,
    RunReport,
)
from mockint.scoring import CodingResult, ProblemResult, Score, score_coding_stage
from mockint.store import coding as coding_store


def section(ctx: StageContext) -> Section:
    row, stage = ctx.row, ctx.stage
    runs = coding_store.runs(ctx.store, ctx.record.id, row.idx)
    picked = [p.slug for p in (stage.problems if stage else ()) if p.slug]
    slugs = list(dict.fromkeys(picked + [r["problem"] for r in runs]))
    hints: dict[str, int] = {}
    viewed: dict[str, bool] = {}  # slug -> opened before solving
    claims: dict[str, tuple[str, str]] = {}  # the last stated complexity per problem
    pushed: dict[str, int] = {}  # a pair interviewer's hints: slug ("" typed) -> count
    for e in ctx.events:
        slug = str(e["data"].get("problem", ""))
        if e["kind"] == "hint_shown":
            hints[slug] = max(hints.get(slug, 0), int(e["data"].get("number", 1)))
        elif e["kind"] == "pair_push" and e["data"].get("kind") == "hint":
            pushed[slug] = pushed.get(slug, 0) + 1
        elif e["kind"] == "solution_viewed":
            viewed[slug] = viewed.get(slug, False) or bool(e["data"].get("before_solving"))
        elif e["kind"] == "complexity_claimed":
            claims[slug] = (str(e["data"].get("time", "")), str(e["data"].get("space", "")))
    # A hint pushed by the interviewer costs what one the candidate asks for does; a typed
    # one is tied to no problem (it counts among the stage's other hints).
    for slug, n in pushed.items():
        hints[slug] = hints.get(slug, 0) + n
    problems: list[ProblemReport] = []
    results: list[ProblemResult] = []
    notes: list[str] = []
    for slug in slugs:
        mine = [r for r in runs if r["problem"] == slug]
        entry = _problem(slug, ctx.problem_title(slug), mine, hints.get(slug, 0))
        if slug in viewed:
            entry["solution_viewed"] = "before_solving" if viewed[slug] else "after_solving"
        entry["claim"] = _claim(claims.get(slug), entry, ctx.problem_facts, slug)
        problems.append(entry)
        peeked = viewed.get(slug, False)
        best = entry["best_submit"]
        if best is None:
            results.append(ProblemResult(slug, 0, 0, False, hints.get(slug, 0), peeked))
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
                    peeked,
                )
            )
    stray = sum(n for s, n in hints.items() if s not in slugs)
    content: CodingContent = {"problems": problems, "hints_other": stray}
    if not runs:
        score = Score(row.stage_id, None, (), "stage", ("nothing was run or submitted",))
        return Section(score, content)
    score = score_coding_stage(
        row.stage_id,
        CodingResult(
            results, seconds_used=row.elapsed_s, seconds_planned=row.planned_s, hints=stray
        ),
    )
    return Section(replace(score, notes=score.notes + tuple(notes)), content)


def _problem(slug: str, title: str | None, runs: list[dict[str, Any]], hints: int) -> ProblemReport:
    graded = [r for r in runs if r["result"] is not None]
    submits = [r for r in graded if r["kind"] == "submit"]
    best = None
    for r in submits:  # strictly better only, so the earliest wins a tie
        if best is None or _rank(r) > _rank(best):
            best = r
    accepted = [r for r in submits if r["result"].get("verdict") == "accepted"]
    status: ProblemStatus
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
        "first_run_s": rounded(runs[0]["elapsed_s"]) if runs else None,
        "accepted_s": rounded(accepted[0]["elapsed_s"]) if accepted else None,
        "last_run": _run(graded[-1]) if graded else None,
        "best_submit": _run(best) if best else None,
        "solution_viewed": None,
        "claim": None,
    }


def _claim(
    claim: tuple[str, str] | None, entry: ProblemReport, facts_for: FactsLookup, slug: str
) -> ClaimReport | None:
    """The stated complexity and how it compares (mockint.scoring.complexity), against the
    best submit's measurement (or the last run's); None when nothing was stated."""
    if claim is None or not any(x.strip() for x in claim):
        return None
    from mockint.scoring.complexity import compare_claim

    facts = facts_for(slug) or {}
    ref = facts.get("reference") or {}
    spec = facts.get("complexity") or {}
    run = entry["best_submit"] or entry["last_run"]
    cx = (run["complexity"] if run else None) or {}
    advice = compare_claim(
        claim[0],
        claim[1],
        ref.get("time") or spec.get("target"),
        ref.get("space"),
        cx.get("slope"),
        float(spec["exponent"]) if "exponent" in spec else None,
        cx.get("reference_slope"),
    )
    return {"time": claim[0], "space": claim[1], "advice": advice}


def _rank(r: dict[str, Any]) -> tuple[bool, float]:
    res = r["result"]
    total = res.get("total") or 0
    return res.get("verdict") == "accepted", (res.get("passed") or 0) / total if total else 0.0


def _run(r: dict[str, Any]) -> RunReport:
    res = r["result"]
    return {
        "id": r["id"],
        "kind": r["kind"],
        "verdict": res.get("verdict"),
        "passed": res.get("passed"),
        "total": res.get("total"),
        "skipped": res.get("skipped", 0),
        "elapsed_s": rounded(r["elapsed_s"]),
        "started_at": r["started_at"],
        "finished_at": r["finished_at"],
        "tests": [
            {
                "id": t.get("id"),
                "visible": bool(t.get("visible")),
                "verdict": t.get("verdict"),
                "message": clean(t.get("message") or ""),
                "time_ms": rounded(t.get("time_ms"), 1),
            }
            for t in res.get("tests", [])
        ],
        "complexity": res.get("complexity"),
        "vectorized": res.get("vectorized"),
        "advice": advice(res),
        "code": clean(r["code"]),  # typed by a candidate: shown, never sent raw to a terminal
    }


def advice(result: Mapping[str, Any]) -> list[AdviceItem]:
    """The judge's complexity and vectorization findings as sentences."""
    out: list[AdviceItem] = []
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
