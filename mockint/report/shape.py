"""The report's shape: what `build_report` returns and the Markdown, HTML, JSON and summary
renderers read. Plain dicts, lists, strings, numbers and None only, so a report is JSON as
it stands; `format` changes when a renderer would have to change to read it.

A stage's `content` depends on its kind: `CodingContent` for coding, `BehaviouralContent`
for behavioural, `DesignContent` for system_design, `TalkingContent` for the other kinds.
Renderers check `StageReport["kind"]` and then `cast` the content.

A stage, an answer or the whole session with nothing to score has `score.value` None and
says why in `score.notes`; it is never shown as 0. Scores are `Score.to_dict()` (name, kind,
value, parts, notes; a part may carry a `detail` score) and stay plain dicts here.
"""

from __future__ import annotations

from typing import Any, Literal, NotRequired, TypedDict

ScoreDict = dict[str, Any]  # mockint.scoring.Score.to_dict()

StageStatus = Literal["not_reached", "skipped", "in_progress", "finished"]
AnswerStatus = Literal["answered", "not_answered"]
ProblemStatus = Literal["accepted", "submitted", "run_only", "not_attempted"]


class Report(TypedDict):
    format: int
    session: SessionInfo
    times: Times
    stages: list[StageReport]
    overall: Overall
    key_points_missed: list[MissedPoint]
    common_mistakes: list[Mistake]
    contradictions: list[Contradiction]  # statements that cost a key point
    unanswered: list[Where]


class SessionInfo(TypedDict):
    id: int
    scenario_id: str
    title: str
    description: str
    pace: float
    mode: str
    status: str
    current_stage: int
    created_at: float
    created: str  # created_at as "YYYY-MM-DD HH:MM:SS UTC"
    finished_at: float | None
    finished: str | None


class Times(TypedDict):
    """Seconds over the whole session; overtime is summed per stage."""

    planned_s: float
    used_s: float
    overtime_s: float


class MixArea(TypedDict):
    area: str
    weight: float
    stages: list[str]


class Overall(TypedDict):
    mix: list[MixArea]
    score: ScoreDict


class Where(TypedDict):
    stage: str  # a stage id
    question: str  # a question id


class MissedPoint(Where):
    id: str  # the key point's id
    text: str


class Mistake(Where):
    mistake: str


class Contradiction(Where):
    id: str  # the key point's id
    point: str  # the key point's text
    statement: str  # the bank's statement of the opposite
    said: str  # the answer's words that said it


# ---- stages ------------------------------------------------------------------------------


class StageReport(TypedDict):
    idx: int
    id: str
    kind: str
    title: str
    status: StageStatus
    planned_s: float
    used_s: float
    overtime_s: float
    skipped: bool
    started_at: float | None
    started: str | None
    finished_at: float | None
    finished: str | None
    pauses: int
    recovered_s: float  # time the app was dead, not charged
    notes: str | None  # the candidate's notes for the stage
    scored: bool
    score: ScoreDict
    content: StageContent


# ---- talking stages ----------------------------------------------------------------------


class MatchedTerm(TypedDict):
    term: str
    text: str  # as written in the answer


class ContradictionSaid(TypedDict):
    statement: str
    said: str


class PointReport(TypedDict):
    id: str
    text: str
    covered: bool  # made (status "made")
    status: str  # detected: made, missing or wrong
    evidence: str | None  # the sentence that decided it
    how: str  # how a wrong point was wrong ("swap", "negated", a mistake's text), else ""
    self_check: str | None  # the candidate's mark: right, partly, missed, wrong; or None
    disputed: bool  # the candidate disputes the detected "said wrong"
    credit: float  # key points this one earns, detection and self-check combined
    terms: list[str]
    matched: list[MatchedTerm]
    contradictions: list[ContradictionSaid]


class MistakeMade(TypedDict):
    text: str
    evidence: str


class CoverageReport(TypedDict):
    share: float
    covered: int
    total: int
    wrong: int  # points detected as said wrong
    combined: float  # key points made over all, detection and self-check combined
    checked: bool  # the candidate marked at least one point
    mistakes: list[MistakeMade]  # mistakes made that no key point owns (each costs one)
    points: list[PointReport]
    terminology_used: list[str]
    terminology_unused: list[str]


class QuestionReport(TypedDict):
    """What every talking kind says about one question and its answer."""

    id: str
    position: int
    in_bank: bool
    prompt: str | None  # None when the question is no longer in the bank
    topic: str
    competencies: list[str]
    minutes: float | None
    look_for: list[str]
    mistakes: list[str]
    ratings: dict[str, int]  # self-ratings, 1-5, by rubric name
    done: bool
    seconds: float | None
    words: int
    status: AnswerStatus
    score: float | None
    area: str | None  # the assessment area the question counts toward, if not its stage's
    outline: str | None  # the bank's model answer outline
    # Only for an answered question; None when the question is not in the bank.
    coverage: NotRequired[CoverageReport | None]
    probed: NotRequired[str | None]  # the key point the interviewer probed, if any


class TalkingQuestion(QuestionReport):
    answer: str


class TalkingContent(TypedDict):
    questions: list[TalkingQuestion]
    questions_to_ask: NotRequired[list[str]]  # hiring_manager only


class StarPartReport(TypedDict):
    name: str
    words: int
    share: float  # of the story's words
    i: int
    we: int
    seconds: float | None
    time_share: float | None


class StarAdvice(TypedDict):
    code: str
    text: str


class StarReport(TypedDict):
    parts: list[StarPartReport]
    total_words: int
    checks: dict[str, bool]
    result_numbers: list[str]
    i: int
    we: int
    advice: list[StarAdvice]


class BehaviouralParts(TypedDict):
    fields: dict[str, str]  # situation, task, action, result, reflection, in that order
    star: NotRequired[StarReport]  # only for an answered question


class BehaviouralQuestion(QuestionReport, BehaviouralParts):
    pass


class BehaviouralContent(TypedDict):
    questions: list[BehaviouralQuestion]


class PhasePlan(TypedDict):
    id: str
    title: str
    min_minutes: float
    max_minutes: float


class DesignPhase(TypedDict):
    id: str  # a phase id, or "other" for key points of no planned phase
    title: str
    notes: str
    words: int
    seconds: float | None
    key_points: list[PointReport]


class Components(TypedDict):
    listed: list[str]
    checked: list[str]
    missed: list[str]
    extra: list[str]  # named by the candidate, not on the list


class DesignParts(TypedDict):
    phases: list[DesignPhase]
    scratchpad: str
    components: Components


class DesignQuestion(QuestionReport, DesignParts):
    pass


class DesignContent(TypedDict):
    questions: list[DesignQuestion]
    phases: list[PhasePlan]


# ---- coding ------------------------------------------------------------------------------


class TestReport(TypedDict):
    id: str
    visible: bool
    verdict: str | None
    message: str
    time_ms: float | None


class AdviceItem(TypedDict):
    kind: Literal["complexity", "vectorized"]
    ok: bool | None
    text: str


class RunReport(TypedDict):
    id: int
    kind: str  # run or submit
    verdict: str | None
    passed: int | None
    total: int | None
    skipped: int
    elapsed_s: float | None  # stage seconds when the run started
    started_at: float
    finished_at: float | None
    tests: list[TestReport]
    complexity: dict[str, Any] | None  # the judge's findings as it gave them
    vectorized: dict[str, Any] | None
    advice: list[AdviceItem]
    code: str


class ProblemReport(TypedDict):
    slug: str
    title: str
    status: ProblemStatus
    hints: int
    runs: int
    submits: int
    unfinished: int  # cancelled, or the judge failed
    first_run_s: float | None
    accepted_s: float | None
    last_run: RunReport | None
    best_submit: RunReport | None
    solution_viewed: Literal["before_solving", "after_solving"] | None
    claim: ClaimReport | None  # the complexity the candidate stated, compared


class ClaimReport(TypedDict):
    time: str
    space: str
    advice: list[str]  # sentences from mockint.scoring.complexity.compare_claim


class CodingContent(TypedDict):
    problems: list[ProblemReport]
    hints_other: int  # hints for problems not in the stage


StageContent = TalkingContent | BehaviouralContent | DesignContent | CodingContent
