"""Opening the review screens by name (the home screen, `mockint replay`)."""

from __future__ import annotations

from typing import Any

from textual.app import App

from mockint.tui.screens.review_common import open_replay


def open_review(app: App[Any], kind: str, *args: Any) -> None:
    """Push a review screen: history, replay (session, stage, problem), replay_session
    (session), progress, next, plan."""
    if kind == "history":
        from mockint.tui.screens.history import HistoryScreen

        app.push_screen(HistoryScreen())
    elif kind in ("replay", "replay_session"):
        open_replay(app, *args)
    elif kind == "progress":
        from mockint.tui.screens.progress import ProgressScreen

        app.push_screen(ProgressScreen())
    elif kind == "next":
        from mockint.tui.screens.next_up import NextScreen

        app.push_screen(NextScreen())
    elif kind == "plan":
        from mockint.tui.screens.plan import PlanScreen

        app.push_screen(PlanScreen())
