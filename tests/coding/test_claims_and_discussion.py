"""The coding screen asks for the complexity and compares it with the reference and the
measurement; the discussion and reference solution appear after an accepted submit, or on
request before (recorded, and it costs points)."""

import sqlite_utils

from mockint.grading.problems import load_problem
from mockint.tui.screens.confirm import Confirm
from tests.coding.test_coding_screen import SOLUTION, open_editor, practice_app, verdict
from tests.conftest import graded, wait_for


def events(tmp_path, kind):
    db = sqlite_utils.Database(tmp_path / "c.db")
    return [r for r in db["events"].rows_where("kind = ?", [kind], order_by="id")]


def discussion(app) -> str:
    box = app.screen.query_one("#discussion")
    return box.source if box.display else ""


async def test_stated_complexity_is_compared_after_a_submit(tmp_path):
    app = practice_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        editor = await open_editor(pilot, app)
        assert discussion(app) == ""
        await pilot.press("f6")
        await pilot.press(*"O(1)", "enter", *"O(window)", "enter")
        await pilot.pause()
        assert app.screen.focused is editor
        editor.load_text(SOLUTION)
        await pilot.press("ctrl+s")
        await graded(pilot, app)
        assert verdict(app).startswith("✓ Accepted")
        detail = str(app.screen.query_one("#detail").render())
        assert "• Time: you said O(1), the same as the reference solution." in detail
        assert "• Space: you said O(window), the same as the reference solution." in detail
        assert "• Measured: about n^" in detail
        # Accepted: the discussion and the reference are shown, at no cost.
        await wait_for(pilot, lambda: discussion(app) != "")
        text = discussion(app)
        assert "# Moving average of a stream: discussion" in text
        assert "## Reference solution" in text and "class MovingAverage" in text
        assert "costs points" not in text
        summary = str(app.screen.query_one("#run-summary").render())
        assert "solution viewed" not in summary
    (claim,) = events(tmp_path, "complexity_claimed")
    assert '"time": "O(1)"' in claim["data"] and '"space": "O(window)"' in claim["data"]
    (viewed,) = events(tmp_path, "solution_viewed")
    assert '"before_solving": false' in viewed["data"]


async def test_asking_for_the_discussion_before_solving_is_recorded(tmp_path):
    app = practice_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_editor(pilot, app)
        await pilot.press("f9")
        await wait_for(pilot, lambda: isinstance(app.screen, Confirm))
        await pilot.press("n")
        await pilot.pause()
        assert discussion(app) == "" and events(tmp_path, "solution_viewed") == []
        await pilot.press("f9")
        await wait_for(pilot, lambda: isinstance(app.screen, Confirm))
        await pilot.press("y")
        await wait_for(pilot, lambda: discussion(app) != "")
        text = discussion(app)
        assert "Shown before the problem was solved" in text
        assert load_problem("moving-average").discussion.split("\n")[0] in text
        summary = str(app.screen.query_one("#run-summary").render())
        assert "solution viewed before solving" in summary
        # Asking again does not ask twice nor record twice.
        await pilot.press("f9")
        await pilot.pause()
        assert not isinstance(app.screen, Confirm)
    (viewed,) = events(tmp_path, "solution_viewed")
    assert '"before_solving": true' in viewed["data"]
