"""Talking stages: the questions asked, each answer, the key points it covers and its score.

`questions` and `judge` are shared by every talking kind (behavioural and system design add
their own parts); `section` serves the kinds whose answer is one text, `hiring_manager`
adds the questions a candidate could ask.

An answer whose text is empty and that has no self-rating is "not answered": it is listed,
but neither scored nor counted in the missed key points.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import NamedTuple, TypeVar

from mockint.report.section import Section, StageContext, rounded
from mockint.report.shape import (
    CoverageReport,
    PointReport,
    QuestionReport,
    TalkingContent,
    TalkingQuestion,
)
from mockint.scenario.bank import Bank, Question
from mockint.scoring import Answer, Score, cover_question, score_answer, score_talking_stage
from mockint.scoring.answer_text import cover_answer, scored_text
from mockint.scoring.coverage import Coverage, PointCoverage
from mockint.scoring.star import StarAnalysis
from mockint.scoring.text import count_words
from mockint.store import answers as answer_store
from mockint.store.answers import AnswerRow

Q = TypeVar("Q", bound=QuestionReport)


@dataclass(frozen=True)
class Asked:
    """One question of the stage: its place, its bank entry and the stored answer."""

    n: int  # its place in the stage, used when nothing was answered
    id: str
    question: Question | None  # None when the bank no longer has it
    answer: AnswerRow | None  # None when nothing was typed or rated

    @property
    def fields(self) -> Mapping[str, str]:
        return self.answer.fields if self.answer else {}

    def given(self, text: str) -> AnswerRow | None:
        """The stored answer if it says something (`text`, the answer's text as the kind
        reads it, or a self-rating); None if the question counts as not answered."""
        if self.answer is None or (not text.strip() and not self.answer.self_ratings()):
            return None
        return self.answer


class Judged(NamedTuple):
    entry: QuestionReport
    coverage: Coverage | None  # None if not answered or not in the bank
    answer: Answer | None  # what the stage score counts; None if not answered


def questions(
    ctx: StageContext, entry: Callable[[Asked], tuple[Q, Answer | None]]
) -> tuple[Score, list[Q]]:
    """Every question of the stage through `entry` (the kind's own entry builder), and the
    stage's score from the answers it returns."""
    out: list[Q] = []
    scored: list[Answer] = []
    for item in asked(ctx):
        q, answer = entry(item)
        out.append(q)
        if answer is not None:
            scored.append(answer)
    return score_talking_stage(ctx.row.stage_id, scored), out


def asked(ctx: StageContext) -> list[Asked]:
    """The stage's questions in the scenario's order, then answers to questions the stored
    scenario does not list (they still belong in the report), in the order given."""
    rows = {a.question_id: a for a in answer_store.answers(ctx.store, ctx.record.id, ctx.row.idx)}
    listed = list(ctx.stage.questions) if ctx.stage else []
    ids = listed + [
        a.question_id
        for a in sorted(rows.values(), key=lambda a: a.position)
        if a.question_id not in listed
    ]
    bank = ctx.bank()
    return [Asked(n, qid, _question(bank, qid), rows.get(qid)) for n, qid in enumerate(ids)]


def _question(bank: Bank | None, qid: str) -> Question | None:
    if bank is None:
        return None
    try:
        return bank.question(qid)
    except KeyError:
        return None


def judge(
    item: Asked,
    text: str,
    star: StarAnalysis | None = None,
    star_fields: dict[str, str] | None = None,
) -> Judged:
    """The entry every talking kind shares for one question whose answer reads as `text`:
    the bank's facts, the answer's status, coverage and score. `star` is the behavioural
    analysis of an answered question, counted in its score."""
    q, a = item.question, item.answer
    entry: QuestionReport = {
        "id": item.id,
        "position": a.position if a else item.n,
        "in_bank": q is not None,
        "prompt": q.prompt if q else None,
        "topic": q.topic if q else "",
        "competencies": list(q.competencies) if q else [],
        "minutes": q.minutes if q else None,
        "look_for": list(q.look_for) if q else [],
        "mistakes": list(q.mistakes) if q else [],
        "ratings": dict(sorted(a.ratings.items())) if a else {},
        "done": a.done if a else False,
        "seconds": rounded(sum(float(v) for v in a.seconds.values())) if a else None,
        "words": count_words(text),
        "status": "not_answered",
        "score": None,
        "area": (q.area or None) if q else None,
        "outline": (q.outline or None) if q else None,
    }
    given = item.given(text)
    if given is None:
        return Judged(entry, None, None)
    cov = None
    if q is not None:
        # A STAR answer is covered from its fields (its Reflection field counts as one).
        cov = (
            cover_answer("behavioural", star_fields, q)
            if star_fields is not None
            else cover_question(text, q)
        )
    ratings = given.self_ratings()
    answer = Answer(item.id, cov, ratings, star)
    entry["status"] = "answered"
    entry["coverage"] = coverage_report(cov) if cov is not None else None
    entry["score"] = score_answer(answer).to_dict()["value"]
    return Judged(entry, cov, answer)


def coverage_report(cov: Coverage) -> CoverageReport:
    return {
        "share": round(cov.share, 4),
        "covered": len(cov.covered),
        "total": len(cov.points),
        "points": [point_report(p) for p in cov.points],
        "terminology_used": list(cov.terminology_used),
        "terminology_unused": list(cov.terminology_unused),
    }


def point_report(p: PointCoverage) -> PointReport:
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
        "contradictions": [{"statement": m.term, "said": m.text} for m in p.contradictions],
    }


def _entry(item: Asked) -> tuple[TalkingQuestion, Answer | None]:
    text = scored_text("answer", item.fields)  # the same text the question screen scores
    judged = judge(item, text)
    return {**judged.entry, "answer": item.fields.get("answer", "") or ""}, judged.answer


def section(ctx: StageContext) -> Section:
    """A talking stage whose answers are one text each (phone screen, ML deep dive)."""
    score, asked_ = questions(ctx, _entry)
    content: TalkingContent = {"questions": asked_}
    return Section(score, content, asked_)


def hiring_manager(ctx: StageContext) -> Section:
    """As `section`, with the bank's good questions for the candidate to ask."""
    score, asked_ = questions(ctx, _entry)
    bank = ctx.bank()
    content: TalkingContent = {
        "questions": asked_,
        "questions_to_ask": list(bank.questions_to_ask) if bank else [],
    }
    return Section(score, content, asked_)
