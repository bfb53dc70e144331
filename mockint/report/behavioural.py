"""Behavioural stages: each answer's STAR fields and their analysis (proportions, "I"
against "we", numbers in the result, advice), which counts in the answer's score."""

from __future__ import annotations

from mockint.report.section import Section, StageContext
from mockint.report.shape import (
    BehaviouralContent,
    BehaviouralParts,
    BehaviouralQuestion,
    StarReport,
)
from mockint.report.talking import Asked, judge, questions
from mockint.scoring import Answer, analyse
from mockint.scoring.answer_text import scored_text
from mockint.scoring.star import PARTS as STAR_PARTS
from mockint.scoring.star import StarAnalysis


def section(ctx: StageContext) -> Section:
    score, asked = questions(ctx, _entry)
    content: BehaviouralContent = {"questions": asked}
    return Section(score, content, asked)


def _entry(item: Asked) -> tuple[BehaviouralQuestion, Answer | None]:
    texts = {p: item.fields.get(p, "") or "" for p in STAR_PARTS}
    text = scored_text("behavioural", texts)  # the same text the STAR screen scores
    given = item.given(text)
    star = analyse(texts, given.seconds) if given is not None else None
    judged = judge(item, text, star, star_fields=texts)
    parts: BehaviouralParts = {"fields": texts}
    if star is not None:
        parts["star"] = star_report(star)
    return {**judged.entry, **parts}, judged.answer


def star_report(star: StarAnalysis) -> StarReport:
    return {
        "parts": [
            {
                "name": p.name,
                "words": p.words,
                "share": round(p.share, 4),
                "i": p.i_count,
                "we": p.we_count,
                "seconds": p.seconds,
                "time_share": None if p.time_share is None else round(p.time_share, 4),
            }
            for p in star.parts
        ],
        "total_words": star.total_words,
        "checks": star.checks(),
        "result_numbers": list(star.result_numbers),
        "i": star.i_count,
        "we": star.we_count,
        "advice": [{"code": a.code, "text": a.text} for a in star.advice],
    }
