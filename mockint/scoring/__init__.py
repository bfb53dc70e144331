"""Local scoring: key points judged by their claims, STAR checks and the weighted scores.

Pure Python and cheap to import (no Textual, numpy or torch), so screens can call it live;
the lemmatiser behind the claim matcher loads on the first answer scored.

For screens and reports, one call judges an answer: `cover_question(text, question)` ->
`Coverage`, whose `points` are `PointCoverage` with `status` ("made" / "missing" /
"wrong"), `evidence` (the deciding sentence), `why` and `probe`; `errors` lists the
lexicon's mistakes made (`MistakeFound`); `share` is "key points made" (a wrong point
costs `WRONG_COST` more than a missing one, a mistake `MISTAKE_COST`); `follow_up` is the
point to probe next. `mockint.scoring.points` and `mockint.scoring.claims` say how.
"""

from mockint.scoring.coverage import (
    MISTAKE_COST,
    WRONG_COST,
    Coverage,
    Match,
    PointCoverage,
    cover,
    cover_question,
    find_term,
)
from mockint.scoring.score import (
    Answer,
    CodingResult,
    Part,
    ProblemResult,
    Score,
    score_answer,
    score_coding_stage,
    score_overall,
    score_talking_stage,
    star_score,
)
from mockint.scoring.star import Advice, StarAnalysis, StarPart, analyse
from mockint.scoring.verdict import MistakeFound

__all__ = [
    "MISTAKE_COST",
    "WRONG_COST",
    "Advice",
    "Answer",
    "CodingResult",
    "Coverage",
    "Match",
    "MistakeFound",
    "Part",
    "PointCoverage",
    "ProblemResult",
    "Score",
    "StarAnalysis",
    "StarPart",
    "analyse",
    "cover",
    "cover_question",
    "find_term",
    "score_answer",
    "score_coding_stage",
    "score_overall",
    "score_talking_stage",
    "star_score",
]
