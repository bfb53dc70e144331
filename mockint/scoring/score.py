"""Scores 0-100 for answers, stages and the whole loop, each one the sum of its parts.

Every score is a `Score` (`mockint.scoring.breakdown`) whose value is exactly the sum of
its parts' contributions. Parts may hold the `Score` they summarise in `detail` (overall
-> area -> stage -> answer -> STAR checks).

Formulas (the constants below are the knobs):

- One answer (talking stages): coverage 70 %, self-rating 30 %. Coverage is "key points
  made": points made, less WRONG_COST (half a point) for each said wrong, over all points,
  times 100 (`Coverage.share`), so a point said wrong costs more than one left out; once
  the candidate has checked themselves against the model answer, detection and self-check
  combined (`mockint.scoring.self_check`); a self-rating r on the 1-5 rubric is worth
  (r - 1) / 4 * 100
  (several ratings are averaged first). A missing input drops out and the remaining
  weights are scaled back up to 100 %: unrated means coverage only.
- One behavioural answer: coverage 40 %, STAR 30 %, self-rating 30 %, same dropping rule.
  STAR is the share of the six checks in `StarAnalysis.checks()` that pass, times 100.
- A talking stage: the plain mean of its scored answers.
- A coding stage: correctness minus penalties, bounded to 0-100. Correctness is the mean
  over problems of 100 * tests passed / tests total (a problem with no test counts is 100
  if accepted, else 0). Each hint costs 5 points (at most 25). Opening a problem's
  discussion and reference solution before solving it costs 20 points per problem (at most
  40); after an accepted submit it is free. Overtime costs half a point
  per percent over the planned time (at most 20). If the penalties would take the score
  below 0, a "bounded at 0" part adds back exactly the excess.
- An area of the mix: the plain mean of its stages that have a score. A talking stage whose
  questions count toward different areas (a phone screen's ML fundamentals count as
  technical) is split into portions, one per area, each the mean of its answers there
  (`split_by_area`); each portion counts as a stage of its area.
- Overall: the mean of the areas weighted by the mix, over areas with at least one scored
  stage; the weights of those areas are rescaled to sum to 100 % and the breakdown names
  the areas left out.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from mockint.scenario.model import MixArea, Scenario
from mockint.scoring.breakdown import Item, count, num, total, weighted
from mockint.scoring.breakdown import Part as Part  # callers import these from here
from mockint.scoring.breakdown import Score as Score
from mockint.scoring.coverage import MISTAKE_COST, WRONG_COST, Coverage
from mockint.scoring.self_check import SelfCheck, combined_share
from mockint.scoring.star import StarAnalysis

TALKING_WEIGHTS = {"coverage": 0.7, "rating": 0.3}
BEHAVIOURAL_WEIGHTS = {"coverage": 0.4, "star": 0.3, "rating": 0.3}
RATING_MIN, RATING_MAX = 1, 5
HINT_PENALTY = 5.0
HINT_PENALTY_MAX = 25.0
PEEK_PENALTY = 20.0  # per problem whose discussion and reference were opened before solving
PEEK_PENALTY_MAX = 40.0
OVERTIME_PENALTY_PER_PERCENT = 0.5
OVERTIME_PENALTY_MAX = 20.0


# ---- answers ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Answer:
    """What one answered question brings to its stage's score."""

    question_id: str
    coverage: Coverage | float | None = None  # a Coverage, or a share 0-1
    ratings: Sequence[float] = ()  # self-ratings on the 1-5 rubric
    star: StarAnalysis | None = None  # behavioural answers
    check: SelfCheck | None = None  # the candidate's self-check against the model answer


def star_score(star: StarAnalysis) -> Score:
    """The share of STAR checks that pass, times 100; one part per check."""
    checks = star.checks()
    w = 1 / len(checks)
    parts = []
    for name, ok in checks.items():
        v = 100.0 if ok else 0.0
        parts.append(Part(name, v, w, w * v, "passed" if ok else "not met"))
    return Score("star", total(parts), tuple(parts), "star")


def score_answer(answer: Answer) -> Score:
    """One answer, 0-100; value None when it has neither coverage, STAR nor rating."""
    weights = BEHAVIOURAL_WEIGHTS if answer.star is not None else TALKING_WEIGHTS
    items: list[tuple[str, float, float, str, Score | None]] = []
    cov = answer.coverage
    if isinstance(cov, Coverage):
        checked = answer.check is not None and not answer.check.empty
        if cov.points and checked:
            share = combined_share(cov, answer.check)
            items.append(
                (
                    "coverage",
                    share * 100,
                    weights["coverage"],
                    f"{round(share * len(cov.points), 2):g} of {len(cov.points)} key points"
                    f" made, detection and self-check combined (detected {len(cov.covered)}"
                    f" made, {len(cov.contradicted)} said wrong)",
                    None,
                )
            )
        elif cov.points:
            items.append(
                (
                    "coverage",
                    cov.share * 100,
                    weights["coverage"],
                    f"{len(cov.covered)} of {len(cov.points)} key points made"
                    + (
                        f", {len(cov.contradicted)} said wrong, "
                        f"each taking off {num(WRONG_COST)} more"
                        if cov.contradicted
                        else ""
                    )
                    + (
                        f", {count(len(cov.errors), 'mistake')} made, "
                        f"each taking off {num(MISTAKE_COST)}"
                        if cov.errors
                        else ""
                    ),
                    None,
                )
            )
    elif cov is not None:
        if not 0 <= cov <= 1:
            raise ValueError(f"{answer.question_id}: coverage share {cov} is not within 0-1")
        why = f"{num(cov * 100)}% of key points covered"
        items.append(("coverage", cov * 100, weights["coverage"], why, None))
    if answer.star is not None:
        s = star_score(answer.star)
        passed = sum(answer.star.checks().values())
        why = f"{passed} of {len(s.parts)} STAR checks pass"
        items.append(("star", s.points, weights["star"], why, s))
    if answer.ratings:
        for r in answer.ratings:
            if not RATING_MIN <= r <= RATING_MAX:
                raise ValueError(f"{answer.question_id}: rating {r} is not within 1-5")
        mean = math.fsum(answer.ratings) / len(answer.ratings)
        items.append(
            (
                "rating",
                (mean - RATING_MIN) / (RATING_MAX - RATING_MIN) * 100,
                weights["rating"],
                f"self-rating {num(mean)} of 5",
                None,
            )
        )
    if not items:
        why = "nothing to score: no key points, STAR or rating"
        return Score(answer.question_id, None, (), "answer", (why,))
    notes = []
    absent = [k for k in weights if k not in {i[0] for i in items}]
    if absent:
        notes.append(f"no {', '.join(absent)}: the other weights scaled up to 100%")
    return weighted(answer.question_id, "answer", items, notes)


def score_talking_stage(stage_id: str, answers: Sequence[Answer]) -> Score:
    """The plain mean of the stage's scored answers; None if none could be scored."""
    scored = [(a, score_answer(a)) for a in answers]
    usable = [(a, s) for a, s in scored if s.scored]
    notes = [f"{s.name}: not scored ({'; '.join(s.notes)})" for _, s in scored if not s.scored]
    if not usable:
        return Score(stage_id, None, (), "stage", tuple(notes) or ("no answers",))
    return weighted(
        stage_id,
        "stage",
        [(s.name, s.points, 1.0, f"mean of {count(len(usable), 'answer')}", s) for _, s in usable],
        notes,
    )


# ---- coding ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ProblemResult:
    problem_id: str
    passed: int  # tests the judge accepted
    total: int  # tests run
    accepted: bool = False  # the judge's overall verdict
    hints: int = 0
    peeked: bool = False  # discussion and reference solution opened before solving


@dataclass(frozen=True)
class CodingResult:
    problems: Sequence[ProblemResult]
    seconds_used: float | None = None
    seconds_planned: float | None = None
    hints: int = 0  # hints not tied to one problem


def _correctness(p: ProblemResult) -> tuple[float, str]:
    if p.passed < 0 or p.total < 0 or p.passed > p.total:
        raise ValueError(f"{p.problem_id}: {p.passed} passed of {p.total} tests is impossible")
    verdict = "accepted" if p.accepted else "not accepted"
    if p.total == 0:
        return (100.0 if p.accepted else 0.0), f"no test counts; {verdict}"
    return 100 * p.passed / p.total, f"{p.passed} of {p.total} tests passed; {verdict}"


def score_coding_stage(stage_id: str, result: CodingResult) -> Score:
    if not result.problems:
        return Score(stage_id, None, (), "stage", ("no problems",))
    per_problem: list[Item] = []
    for p in result.problems:
        value, why = _correctness(p)
        per_problem.append((p.problem_id, value, 1.0, why, None))
    correctness = weighted("correctness", "correctness", per_problem)

    hints = result.hints + sum(p.hints for p in result.problems)
    if hints < 0:
        raise ValueError("hints must not be negative")
    hint_pen = min(HINT_PENALTY_MAX, HINT_PENALTY * hints)
    parts = [
        Part(
            "correctness",
            correctness.points,
            1.0,
            correctness.points,
            f"mean of {count(len(per_problem), 'problem')}",
            correctness,
        ),
        Part(
            "hints",
            float(hints),
            None,
            -hint_pen,
            f"{count(hints, 'hint')} at {num(HINT_PENALTY)} points each, "
            f"at most {num(HINT_PENALTY_MAX)}",
        ),
    ]
    peeked = [p.problem_id for p in result.problems if p.peeked]
    if peeked:
        parts.append(
            Part(
                "solution viewed",
                float(len(peeked)),
                None,
                -min(PEEK_PENALTY_MAX, PEEK_PENALTY * len(peeked)),
                f"discussion and reference opened before solving ({', '.join(peeked)}): "
                f"{num(PEEK_PENALTY)} points each, at most {num(PEEK_PENALTY_MAX)}",
            )
        )
    used, planned = result.seconds_used, result.seconds_planned
    if used is not None and planned:
        over = max(0.0, used - planned)
        over_pct = over / planned * 100
        time_pen = min(OVERTIME_PENALTY_MAX, OVERTIME_PENALTY_PER_PERCENT * over_pct)
        why = (
            f"{num(over_pct)}% over the planned {num(planned / 60)} min, "
            f"{num(OVERTIME_PENALTY_PER_PERCENT)} point per percent, "
            f"at most {num(OVERTIME_PENALTY_MAX)}"
            if over
            else f"within the planned {num(planned / 60)} min"
        )
        parts.append(Part("overtime", over, None, -time_pen, why))
    raw = math.fsum(p.contribution for p in parts)
    if raw < 0:
        why = "penalties cannot take a score below 0"
        parts.append(Part("bounded at 0", None, None, -raw, why))
    return Score(stage_id, total(parts), tuple(parts), "stage")


# ---- the loop --------------------------------------------------------------------------


def resolve_area(
    question_area: str, stage_id: str, mix: Scenario | Sequence[MixArea], kinds: Mapping[str, str]
) -> str | None:
    """The mix area an answer counts toward: `question_area` names a mix area or a stage
    kind (the area of the first stage of that kind, by `kinds`: stage id -> kind); None when
    it is empty or names nothing in this mix (the answer then counts with its stage)."""
    areas = mix.mix if isinstance(mix, Scenario) else tuple(mix)
    if not question_area:
        return None
    for a in areas:
        if a.area == question_area:
            return a.area
    for a in areas:
        for sid in a.stages:
            # `kinds` has the stages that ran; the mix keeps the kinds of those left out.
            if (kinds.get(sid) or a.kind_of(sid)) == question_area:
                return a.area
    return None


def stage_area(stage_id: str, mix: Scenario | Sequence[MixArea]) -> str | None:
    areas = mix.mix if isinstance(mix, Scenario) else tuple(mix)
    return next((a.area for a in areas if stage_id in a.stages), None)


def split_by_area(
    stage_id: str, answers: Sequence[tuple[Score, str | None]], home: str | None
) -> dict[str, Score]:
    """A talking stage's scored answers grouped by the area each counts toward (None:
    `home`), one stage-like Score per area, the mean of its answers: the home portion is
    named after the stage, the others `stage (area questions)`. Empty when every answer
    counts at home (nothing to split)."""
    groups: dict[str, list[Score]] = {}
    for answer, area in answers:
        if answer.scored:
            groups.setdefault(area or home or "", []).append(answer)
    if set(groups) <= {home or ""}:
        return {}
    out = {}
    for area, group in groups.items():
        name = stage_id if area == (home or "") else f"{stage_id} ({area} questions)"
        why = f"mean of {count(len(group), 'answer')}"
        # An answer's own parts come along when it has them (a bare value stays a value).
        values = [(s.name, s.value or 0.0, 1.0, why, s if s.parts else None) for s in group]
        out[area] = weighted(name, "stage", values)
    return out


def score_overall(
    mix: Scenario | Sequence[MixArea],
    stages: Mapping[str, Score] | Iterable[Score],
    portions: Mapping[str, Mapping[str, Score]] | None = None,
) -> Score:
    """The loop's score from its stages' scores (keyed by stage id, or named by it).

    `portions` (stage id -> area -> Score, from `split_by_area`) replaces a stage's single
    score by its parts, each counted in its own area."""
    areas = mix.mix if isinstance(mix, Scenario) else tuple(mix)
    by_id = dict(stages) if isinstance(stages, Mapping) else {s.name: s for s in stages}
    portions = portions or {}
    notes: list[str] = []
    area_scores: list[tuple[MixArea, Score]] = []
    for area in areas:
        entries: list[tuple[str, Score | None]] = []
        for sid in area.stages:
            if sid in portions:
                if area.area in portions[sid]:
                    entries.append((sid, portions[sid][area.area]))
                continue
            entries.append((sid, by_id.get(sid)))
        for sid, split in portions.items():
            if sid not in area.stages and area.area in split:
                entries.append((sid, split[area.area]))
        scored = [sc for _, sc in entries if sc is not None and sc.scored]
        missing = [sid for sid, sc in entries if sc is None or not sc.scored]
        if not scored:
            area_scores.append((area, Score(area.area, None, (), "area", ("no scored stage",))))
            continue
        sc = weighted(
            area.area,
            "area",
            [
                (s.name, s.points, 1.0, f"mean of {count(len(scored), 'scored stage')}", s)
                for s in scored
            ],
            [f"{s}: not run or not scored, left out" for s in missing],
        )
        area_scores.append((area, sc))

    in_mix = {s for a in areas for s in a.stages}
    for split in portions.values():
        for area_id, sc in split.items():
            if sc.scored and area_id not in {a.area for a in areas}:
                notes.append(f"{sc.name}: area '{area_id}' is not in the mix, so not counted")
    for sid, s in by_id.items():
        if sid not in in_mix and s.scored:
            notes.append(f"{sid}: not in the mix, so not counted")

    present = [(a, s) for a, s in area_scores if s.scored]
    absent = [(a, s) for a, s in area_scores if not s.scored]
    mix_total = math.fsum(a.weight for a in areas)
    if not present:
        empty = tuple(
            Part(a.area, None, 0.0, 0.0, f"{num(a.weight)} in the mix; no scored stage")
            for a, _ in absent
        )
        notes.append("no area has a scored stage")
        return Score("overall", None, empty, "overall", tuple(notes))
    kept = math.fsum(a.weight for a, _ in present)
    rescaled = kept != mix_total
    if rescaled:
        notes.insert(
            0,
            f"weights rescaled from {num(kept)} to 100: "
            + ", ".join(a.area for a, _ in absent)
            + " had no scored stage",
        )
    parts = [
        Part(
            a.area,
            s.points,
            a.weight / kept,
            a.weight / kept * s.points,
            f"{num(a.weight)} of {num(mix_total)} in the mix"
            + (f", {num(a.weight / kept * 100)}% after rescaling" if rescaled else ""),
            s,
        )
        if s.scored
        else Part(
            a.area,
            None,
            0.0,
            0.0,
            f"{num(a.weight)} of {num(mix_total)} in the mix; no scored stage, left out",
            s,
        )
        for a, s in area_scores
    ]
    return Score("overall", total(parts), tuple(parts), "overall", tuple(notes))
