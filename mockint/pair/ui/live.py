"""Which screen shows a live stage: each role has its own, and some stage kinds their own
(a coding stage: the solo coding screen, mockint/pair/ui/coding.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.screen import Screen

from mockint.pair.ui.candidate import CandidateScreen
from mockint.pair.ui.interviewer import InterviewerScreen

if TYPE_CHECKING:
    from mockint.pair.app import PairApp


def live_screen(app: PairApp, role: str | None, st: dict[str, Any]) -> Screen[None]:
    interviewer = role == "interviewer"
    kind, talking = str(st.get("kind", "")), bool(st.get("talking"))
    if kind == "coding" and st.get("problems"):
        # The solo coding screen (mockint/tui/screens/coding.py) on the hub's session port.
        from mockint.pair.ui.coding import CandidateCodingScreen, InterviewerCodingScreen

        return InterviewerCodingScreen(app) if interviewer else CandidateCodingScreen(app)
    if kind == "system_design":
        from mockint.pair.ui.design import CandidateDesignScreen, InterviewerDesignScreen

        return InterviewerDesignScreen() if interviewer else CandidateDesignScreen()
    if kind == "behavioural":
        from mockint.pair.ui.star import CandidateStarScreen, InterviewerStarScreen

        return InterviewerStarScreen() if interviewer else CandidateStarScreen()
    if talking:
        from mockint.pair.ui.talk import CandidateTalkScreen, InterviewerTalkScreen

        return InterviewerTalkScreen() if interviewer else CandidateTalkScreen()
    return InterviewerScreen() if interviewer else CandidateScreen()
