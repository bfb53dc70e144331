"""Key points judged by their claims: made, missing or said wrong, with the sentence.

The API the screens, the report and `mockint assess` share (all through
`mockint.scoring.coverage.cover_question`, which calls `judge_points` for key points in
the claim format):

- `Coverage.points`: one `PointCoverage` per key point, in the bank's order, with
  `status` ("made" / "missing" / "wrong"), `evidence` (the deciding sentence, or None),
  `why` (how a wrong point was wrong: "swap", "negated", "direction" or
  "mistake: <the bank's text>") and `probe` (the follow-up for a missed or wrong point).
- `Coverage.share`: key points made, less `WRONG_COST` per point said wrong, over all
  points: the "key points made" figure that the answer score uses.
- `Coverage.follow_up`: the point to probe next (first wrong, else first missing).
- A mistake naming a key point makes that point wrong (`why = "mistake: ..."`); one that
  names none (the lexicon's, wrong in any answer) is listed in `Coverage.errors`
  (`MistakeFound`: text, evidence) and costs `MISTAKE_COST` key points.

A point is wrong when any of its claims is said wrong anywhere in the answer, when a
mistake naming it is made, or when what it names is dismissed as unneeded
(`mockint.scoring.dismissal`), even if it is also made elsewhere: saying both is a
contradiction an interviewer would pick up. One wrong sentence counts against one point
only, the first in the bank's order, and a lexicon mistake in a sentence already charged
to a point is not counted again. A point is made when one of its claims is made.
"""

from __future__ import annotations

from mockint.scenario.bank import KeyPoint, Question
from mockint.scoring.claims import Analysis
from mockint.scoring.dismissal import TEXT as DISMISSED
from mockint.scoring.dismissal import dismissed
from mockint.scoring.mentions import Finding
from mockint.scoring.verdict import Match, MistakeFound, PointCoverage


def _matches(a: Analysis, f: Finding) -> tuple[Match, ...]:
    return tuple(Match(f.claim.text, a.text.text[s:e], s, e) for s, e in f.spans)


def _sentence_match(a: Analysis, f: Finding, label: str) -> Match:
    start, end = a.text.sentence_span(f.sentence)
    return Match(label, a.text.text[start:end], start, end)


def _point(
    a: Analysis, kp: KeyPoint, mistakes: list[tuple[str, Finding]], charged: set[int]
) -> PointCoverage:
    found = [f for c in kp.claims for f in a.findings(c)]
    # One wrong sentence costs one key point: the first, in the bank's order, it contradicts.
    wrong = [f for f in found if f.status == "wrong" and f.sentence not in charged]
    made = [f for f in found if f.status == "made"]
    if mistakes:
        text, f = mistakes[0]
        charged.add(f.sentence)
        return PointCoverage(
            kp.id,
            kp.text,
            _matches(a, f),
            contradictions=(_sentence_match(a, f, text),),
            verdict="wrong",
            evidence=a.text.sentence_text(f.sentence),
            why=f"mistake: {text}",
            probe=kp.probe,
        )
    if wrong:
        f = min(wrong, key=lambda x: x.sentence)
        charged.update(x.sentence for x in wrong)
        return PointCoverage(
            kp.id,
            kp.text,
            _matches(a, f),
            contradictions=(_sentence_match(a, f, f.claim.text),),
            verdict="wrong",
            evidence=a.text.sentence_text(f.sentence),
            why=f.why,
            probe=kp.probe,
        )
    if made:
        f = min(made, key=lambda x: x.sentence)
        return PointCoverage(
            kp.id,
            kp.text,
            _matches(a, f),
            verdict="made",
            evidence=a.text.sentence_text(f.sentence),
            probe=kp.probe,
        )
    return PointCoverage(kp.id, kp.text, (), verdict="missing", probe=kp.probe)


def judge_points(
    answer: str, question: Question
) -> tuple[dict[str, PointCoverage], tuple[MistakeFound, ...]]:
    """The key points of `question` that have claims, judged on `answer`, by id (see the
    module docstring; `cover_question` adds the rest), and the mistakes made that belong
    to no key point."""
    claims = [c for kp in question.key_points for c in kp.claims]
    claims += [m.claim for m in question.checks if m.claim is not None]
    a = Analysis(
        answer, question.concepts, question.contrasts, prompt=question.prompt, claims=claims
    )
    errors: dict[str, list[tuple[str, Finding]]] = {}
    for mistake in question.checks:
        f = a.mistake_made(mistake)
        if f is not None:
            errors.setdefault(mistake.point, []).append((mistake.text, f))
    for kp_id, f in dismissed(a.text, question, a.found).items():
        errors.setdefault(kp_id, []).append((DISMISSED, f))
    charged: set[int] = set()
    points = {
        kp.id: _point(a, kp, errors.get(kp.id, []), charged)
        for kp in question.key_points
        if kp.claims
    }
    # A sentence already charged to a key point costs nothing more as a lexicon mistake
    # (the question's own mistake and the lexicon's may both describe it).
    loose = tuple(
        MistakeFound(text, a.text.sentence_text(f.sentence))
        for text, f in errors.get("", [])
        if f.sentence not in charged
    )
    return points, loose
