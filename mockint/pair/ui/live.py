"""Which screen shows a live stage: each role has its own, and some stage kinds their own."""

from __future__ import annotations

from mockint.pair.ui.base import PairScreen
from mockint.pair.ui.candidate import CandidateScreen
from mockint.pair.ui.interviewer import InterviewerScreen


def live_screen(role: str | None, kind: str, talking: bool = False) -> PairScreen:
    interviewer = role == "interviewer"
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
