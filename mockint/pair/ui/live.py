"""Which screen shows a live stage: each stage kind with its problems or questions runs on its
solo screen (mockint/tui/screens/), the candidate's own and the interviewer's read-only
beside their panel; a stage with neither, on the pair notes screens (candidate.py,
interviewer.py)."""

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
    questions = bool(st.get("questions"))
    if kind == "system_design" and questions:
        from mockint.pair.ui.designing import CandidateDesignScreen, InterviewerDesignScreen

        return InterviewerDesignScreen(app) if interviewer else CandidateDesignScreen(app)
    if kind == "behavioural" and questions:
        from mockint.pair.ui.behavioural import CandidateStarScreen, InterviewerStarScreen

        return InterviewerStarScreen(app) if interviewer else CandidateStarScreen(app)
    if talking:
        # The solo question screen (mockint/tui/screens/talk.py) on the hub's session port.
        from mockint.pair.ui.talking import CandidateTalkScreen, InterviewerTalkScreen

        return InterviewerTalkScreen(app) if interviewer else CandidateTalkScreen(app)
    return InterviewerScreen() if interviewer else CandidateScreen()
