"""The scorer's detection on a pair round's live answers, for the interviewer: per key point
made / not found / said wrong (the rubric shows it) and the probe to suggest as the next
push. The answer text is built from the candidate's fields exactly as the hub stores them
and the report scores them (`mockint.scoring.answer_text.scored_text`)."""

from __future__ import annotations

from typing import Any

from mockint.scenario.bank import Question
from mockint.scoring.answer_text import scored_text
from mockint.scoring.coverage import Coverage, cover_question
from mockint.tui.port import field_question


def question_of(fid: str) -> str | None:
    """The question a field belongs to (`answer:Q`, `star:Q:part`, `design:Q:phase`)."""
    where = field_question(fid)
    return where[0] if where else None


def answer_fields(qid: str, fields: dict[str, Any]) -> dict[str, str]:
    """One question's fields by the names the solo screens use (answer, STAR parts, phase
    ids and scratchpad)."""
    out: dict[str, str] = {}
    for fid, value in fields.items():
        where = field_question(fid)
        if where is not None and where[0] == qid and isinstance(value, dict):
            out[where[1]] = str(value.get("text", ""))
    return out


def stage_questions(stage: dict[str, Any]) -> dict[str, Question]:
    """The bank's questions of a question stage, by id (none if the bank is unreadable)."""
    from mockint.scenario.bank_load import bank_for_kind
    from mockint.scenario.errors import ScenarioError

    ids = [q["id"] for q in stage.get("questions", [])]
    if not ids:
        return {}
    try:
        bank = bank_for_kind(stage["kind"])
    except ScenarioError:
        return {}
    if bank is None:
        return {}
    known = {q.id: q for q in bank.questions}
    return {i: known[i] for i in ids if i in known}


def warm_up() -> None:
    """Parse every bank and score one sentence against one question of each kind, so the
    lemmatiser's dictionary, the lexicon and the parsed banks are loaded. The warm launcher
    runs it before it forks: every interviewer's app then shares them instead of loading
    them (a second of CPU and some 25 MB each) on the candidate's first keys."""
    from mockint.scenario.bank_load import BANK_KINDS, bank_for_kind
    from mockint.scenario.errors import ScenarioError

    for kind in BANK_KINDS:
        try:
            bank = bank_for_kind(kind)
        except ScenarioError:
            continue
        if bank is not None and bank.questions:
            cover_question(
                "The model was trained on more examples, so it did not overfit.", bank.questions[0]
            )


def detect(
    stage: dict[str, Any], questions: dict[str, Question], fields: dict[str, Any]
) -> dict[str, Coverage]:
    """Coverage of each question that has an answer so far."""
    phases = [p["id"] for p in stage.get("phases", [])]
    out = {}
    for qid, q in questions.items():
        text = scored_text(stage["kind"], answer_fields(qid, fields), phases)
        if text.strip():
            out[qid] = cover_question(text, q)
    return out


def suggestion(
    stage: dict[str, Any],
    questions: dict[str, Question],
    fields: dict[str, Any],
    focus: str | None = None,
) -> tuple[str, str] | None:
    """The push to suggest: the probe of the first key point said wrong, else missing, in
    the question the candidate is on (`focus`, else the last one answered so far), and a
    line saying why; None when there is no answer yet or every point was made."""
    found = detect(stage, questions, fields)
    qid = focus if focus in found else (list(found)[-1] if found else None)
    if qid is None:
        return None
    p = found[qid].follow_up
    if p is None:
        return None
    label = "said wrong" if p.status == "wrong" else "not found"
    return p.probe or p.text, f"{qid}: {p.id} {label}"


def detection_lines(
    stage: dict[str, Any], questions: dict[str, Question], fields: dict[str, Any]
) -> list[str]:
    """The scorer's view of each answered question, one line per key point and one per
    deciding sentence, in the words the candidate's review uses."""
    from mockint.scoring.self_check import coverage_headline, point_rows

    lines = []
    found = detect(stage, questions, fields)
    for n, qid in enumerate(questions, 1):
        if qid not in found:
            lines.append(f"Q{n}: no answer yet")
            continue
        lines.append(f"Q{n}. {coverage_headline(found[qid])}")
        for r in point_rows(found[qid]):
            lines.append(f"  {r.symbol} {r.text}")
            lines.append(f"      {r.detected}")
    return lines
