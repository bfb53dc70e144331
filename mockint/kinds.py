"""Stage kinds and verdicts: each an enum with one registry.

A stage kind maps to its screen, its scorer and its report section. They live in layers
above this module (Textual screens, scoring, report), so the registry names them as
`module:attribute` strings that the layer using them resolves with `resolve()`; a test
checks that every name resolves. Adding a stage kind is one entry here plus its screen
and scorer (and a report section if none of the existing ones fits).

A verdict maps to the words, symbol and style every screen, report and command uses.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class StageKind(StrEnum):
    PHONE_SCREEN = "phone_screen"
    CODING = "coding"
    ML_DEEP_DIVE = "ml_deep_dive"
    SYSTEM_DESIGN = "system_design"
    BEHAVIOURAL = "behavioural"
    HIRING_MANAGER = "hiring_manager"


@dataclass(frozen=True)
class KindInfo:
    screen: str  # a Screen class with `for_stage(app, session) -> Screen | None`
    scorer: str  # the function that scores one stage of this kind
    report: str  # the report section builder for this kind
    uses_bank: bool  # questions come from a question bank of this kind


_TALK = "mockint.tui.screens.talk:TalkScreen"
_TALK_SCORE = "mockint.scoring.score:score_talking_stage"
_TALK_REPORT = "mockint.report.talking:section"

STAGE_KINDS: dict[StageKind, KindInfo] = {
    StageKind.PHONE_SCREEN: KindInfo(_TALK, _TALK_SCORE, _TALK_REPORT, True),
    StageKind.CODING: KindInfo(
        "mockint.tui.screens.coding:CodingScreen",
        "mockint.scoring.score:score_coding_stage",
        "mockint.report.coding:section",
        False,
    ),
    StageKind.ML_DEEP_DIVE: KindInfo(_TALK, _TALK_SCORE, _TALK_REPORT, True),
    StageKind.SYSTEM_DESIGN: KindInfo(
        "mockint.tui.screens.design:DesignScreen",
        _TALK_SCORE,
        "mockint.report.design:section",
        True,
    ),
    StageKind.BEHAVIOURAL: KindInfo(
        "mockint.tui.screens.star:StarScreen",
        _TALK_SCORE,
        "mockint.report.behavioural:section",
        True,
    ),
    StageKind.HIRING_MANAGER: KindInfo(
        _TALK, _TALK_SCORE, "mockint.report.talking:hiring_manager", True
    ),
}


def kind_info(kind: str) -> KindInfo:
    """The registry entry of a stage kind given as a string; KeyError if unknown."""
    return STAGE_KINDS[StageKind(kind)]


def resolve(name: str) -> Any:
    """`package.module:attribute` -> the attribute (imported on first use)."""
    module, _, attr = name.partition(":")
    return getattr(importlib.import_module(module), attr)


class Verdict(StrEnum):
    ACCEPTED = "accepted"
    WRONG_ANSWER = "wrong_answer"
    TIME_LIMIT = "time_limit"
    MEMORY_LIMIT = "memory_limit"
    OUTPUT_LIMIT = "output_limit"
    RUNTIME_ERROR = "runtime_error"
    COMPILE_ERROR = "compile_error"
    # Every test passed, but a rule of the statement was measured broken (a run's verdict).
    TOO_SLOW = "too_slow"
    NOT_VECTORIZED = "not_vectorized"


@dataclass(frozen=True)
class VerdictInfo:
    word: str  # on screen: "Time limit"
    long: str  # in reports: "Time limit exceeded"
    short: str  # in `mockint grade`: "TLE"
    symbol: str
    style: str  # a Rich style for the symbol
    rule: bool = False  # every test passed, but a rule the statement states was broken

    @property
    def headline(self) -> str:
        """The words a run's headline uses: the long form for a broken rule, which the
        short word alone would not explain."""
        return self.long if self.rule else self.word


VERDICTS: dict[Verdict, VerdictInfo] = {
    Verdict.ACCEPTED: VerdictInfo("Accepted", "Accepted", "ok", "✓", "bold green"),
    Verdict.WRONG_ANSWER: VerdictInfo("Wrong answer", "Wrong answer", "WA", "✗", "bold red"),
    Verdict.TIME_LIMIT: VerdictInfo("Time limit", "Time limit exceeded", "TLE", "⧗", "bold yellow"),
    Verdict.MEMORY_LIMIT: VerdictInfo(
        "Memory limit", "Memory limit exceeded", "MLE", "▣", "bold yellow"
    ),
    Verdict.OUTPUT_LIMIT: VerdictInfo(
        "Output limit", "Output limit exceeded", "OLE", "≡", "bold yellow"
    ),
    Verdict.RUNTIME_ERROR: VerdictInfo("Runtime error", "Runtime error", "RE", "!", "bold red"),
    Verdict.COMPILE_ERROR: VerdictInfo("Compile error", "Compile error", "CE", "!", "bold red"),
    Verdict.TOO_SLOW: VerdictInfo(
        "Too slow", "Too slow for the stated complexity", "TS", "⧗", "bold yellow", rule=True
    ),
    Verdict.NOT_VECTORIZED: VerdictInfo(
        "Not vectorized",
        "Not vectorized as the statement requires",
        "NV",
        "↻",
        "bold yellow",
        rule=True,
    ),
}


def run_summary(result: dict[str, Any]) -> str:
    """One line for a finished run: its verdict, the tests passed and, when a rule of the
    statement was broken, the measurement that shows it."""
    verdict = str(result.get("verdict", ""))
    line = (
        f"{verdict_info(verdict).headline}: {result.get('passed', 0)} of "
        f"{result.get('total', 0)} tests passed"
    )
    cx, vec = result.get("complexity") or {}, result.get("vectorized") or {}
    if verdict == Verdict.TOO_SLOW and cx:
        line += f"; measured {cx.get('measured')}, the statement asks for {cx.get('target')}"
    elif verdict == Verdict.NOT_VECTORIZED and vec:
        line += f"; {vec.get('message')}"
    return line


def verdict_info(verdict: str | None) -> VerdictInfo:
    """The registry entry for a verdict string; a readable stand-in for an unknown one."""
    try:
        return VERDICTS[Verdict(verdict or "")]
    except ValueError:
        word = (verdict or "unknown").replace("_", " ").capitalize()
        return VerdictInfo(word, word, word, "?", "bold")
