"""Local scoring: key-point coverage, STAR checks and the weighted scores.

Pure Python and cheap to import (no Textual, numpy or torch), so screens can call it live.
"""

from mockint.scoring.coverage import (
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

__all__ = [
    "Advice",
    "Answer",
    "CodingResult",
    "Coverage",
    "Match",
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
