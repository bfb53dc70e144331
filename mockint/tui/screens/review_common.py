"""What the review screens share: refreshing the review data off the UI thread, and opening
a session's replay or report (from the history, the report, the command line).

Every review screen reads the cached summaries and cards (mockint/review). Bringing those
up to date can take a moment after many new sessions, so it runs in a thread with its own
SQLite connection (a connection belongs to the thread that made it) and the screen is told
when it is done. An in-memory database (tests) has no second connection: it is refreshed
inline, which is quick for the few sessions a test holds.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.app import App
from textual.widget import Widget

from mockint.tui.access import mockint_app


def refresh_review(owner: Widget, done: Callable[[], None]) -> None:
    """Bring summaries and cards up to date, then call `done` on the UI thread."""
    store = mockint_app(owner).store
    if str(store.path) == ":memory:":
        from mockint.review.queue import refresh_all

        refresh_all(store)
        done()
        return
    path = store.path

    def work() -> None:
        from mockint.review.queue import refresh_all
        from mockint.store.sessions import Store

        mine = Store(path)
        try:
            refresh_all(mine)
        finally:
            mine.close()

    async def run() -> None:
        import asyncio

        try:
            await asyncio.to_thread(work)
        except Exception as exc:  # a damaged database: say so, keep what is shown
            owner.notify(f"Could not update the review data: {exc}", severity="error")
        if owner.is_attached:
            done()

    owner.run_worker(run(), group="review-refresh", exclusive=True)


def open_replay(
    app: App[Any],
    session_id: int,
    stage_idx: int | None = None,
    problem: str | None = None,
    view: str | None = None,
) -> None:
    from mockint.review import replay as rp
    from mockint.tui.screens.replay import ReplayScreen

    store = mockint_app(app).store
    rounds = rp.rounds(store, session_id)
    if not rounds:
        app.notify("This session has no coding round to replay.", severity="warning")
        return
    start = 0
    if stage_idx is not None and problem is not None and (stage_idx, problem) in rounds:
        start = rounds.index((stage_idx, problem))
    app.push_screen(ReplayScreen(session_id, rounds, start, view))
