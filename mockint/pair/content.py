"""What each stage of a pair round shows: problems or questions, the candidate's fields, and
(for the interviewer only) hints, key points, follow-ups and rubric criteria.

Built by the hub from the scenario, the problems and the question banks; the hub then sends
each role its own view, so nothing private is ever put in a candidate's message.
"""

from __future__ import annotations

from typing import Any

from mockint.scenario.model import Stage

STAR_PARTS = ("situation", "task", "action", "result", "reflection")
RUBRIC_BASE = (
    ("technical", "Technical ability"),
    ("problem_solving", "Problem solving"),
    ("communication", "Communication"),
)
MAX_STAGE_CRITERIA = 3


def stage_plan(stage: Stage, index: int, count: int) -> dict[str, Any]:
    """Everything about one stage; `private` holds what only the interviewer may see."""
    plan: dict[str, Any] = {
        "index": index,
        "count": count,
        "id": stage.id,
        "kind": stage.kind,
        "title": stage.title,
        "expect": stage.expect,
        "problems": [],
        "questions": [],
        "fields": [],
        "phases": [],
        "talking": False,
    }
    private: dict[str, Any] = {"hints": {}, "questions": {}, "criteria": []}
    if stage.kind == "coding":
        from mockint.grading.problems import ProblemError, load_problem

        for pick in stage.problems:
            if not pick.slug:
                continue
            try:
                p = load_problem(pick.slug)
            except ProblemError:
                continue
            plan["problems"].append(
                {
                    "slug": p.slug,
                    "title": p.title,
                    "difficulty": p.difficulty,
                    "statement": p.statement,
                }
            )
            plan["fields"].append(
                {"id": f"code:{p.slug}", "label": p.title, "kind": "code", "initial": p.starter}
            )
            private["hints"][p.slug] = list(p.hints)
    else:
        from mockint.scenario.bank_load import bank_for_kind
        from mockint.scenario.errors import ScenarioError

        try:
            bank = bank_for_kind(stage.kind)
        except ScenarioError:
            bank = None
        known = {q.id: q for q in bank.questions} if bank else {}
        questions = [known[q] for q in stage.questions if q in known]
        for n, q in enumerate(questions, 1):
            plan["questions"].append({"id": q.id, "prompt": q.prompt, "minutes": q.minutes})
            private["questions"][q.id] = {
                "key_points": [kp.text for kp in q.key_points],
                "look_for": list(q.look_for),
                "follow_ups": [{"kind": f.kind, "text": f.text} for f in q.follow_ups],
            }
            for item in q.look_for:
                if len(private["criteria"]) < MAX_STAGE_CRITERIA:
                    private["criteria"].append(item)
            if stage.kind == "behavioural":
                for part in STAR_PARTS:
                    plan["fields"].append(
                        {
                            "id": f"star:{q.id}:{part}",
                            "label": f"Q{n} {part.capitalize()}",
                            "kind": "star",
                            "question": q.id,
                            "part": part,
                            "initial": "",
                        }
                    )
            elif stage.kind != "system_design":
                plan["fields"].append(
                    {"id": f"answer:{q.id}", "label": f"Answer {n}", "kind": "text", "initial": ""}
                )
        if stage.kind == "system_design":
            plan["phases"], plan["fields"] = design_fields(stage, [q.id for q in questions])
        # A talking stage is asked one question at a time (the candidate sees only those).
        plan["talking"] = bool(questions) and stage.kind not in ("system_design", "behavioural")
        if not plan["fields"]:
            plan["fields"].append({"id": "notes", "label": "Notes", "kind": "text", "initial": ""})
    plan["private"] = private
    return plan


def design_fields(
    stage: Stage, qids: list[str]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The phases, and per question a notes field per phase plus the capacity scratchpad.

    Ids are `design:<question>:<phase id>` and `design:<question>:scratchpad`: the hub stores
    them as one answer per question with the fields the solo design screen uses (phase ids
    and `scratchpad`), so the report's design section reads a pair round like a solo one.
    """
    from mockint.scenario.phases import stage_phases

    phases: list[dict[str, Any]] = [
        {"id": p.id, "title": p.title, "min_minutes": p.min_minutes, "max_minutes": p.max_minutes}
        for p in stage_phases(stage)
    ]
    fields: list[dict[str, Any]] = []
    for n, qid in enumerate(qids or ["design"], 1):
        prefix = f"Q{n} " if len(qids) > 1 else ""
        for p in phases:
            fields.append(
                {
                    "id": f"design:{qid}:{p['id']}",
                    "label": prefix + p["title"],
                    "kind": "phase",
                    "question": qid,
                    "phase": p["id"],
                    "initial": "",
                }
            )
        fields.append(
            {
                "id": f"design:{qid}:scratchpad",
                "label": prefix + "Capacity scratchpad",
                "kind": "scratchpad",
                "question": qid,
                "initial": "",
            }
        )
    return phases, fields


def public_plan(plan: dict[str, Any]) -> dict[str, Any]:
    """The candidate's copy: the same plan without its private part."""
    return {k: v for k, v in plan.items() if k != "private"}


def rubric_dimensions(plan: dict[str, Any] | None) -> list[dict[str, str]]:
    dims = [{"id": k, "label": v} for k, v in RUBRIC_BASE]
    if plan:
        for i, text in enumerate(plan["private"]["criteria"], 1):
            dims.append({"id": f"criterion_{i}", "label": text})
    return dims
