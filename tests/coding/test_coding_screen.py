"""The coding round in the app, graded by the real judge."""

import json
import os
import signal

import sqlite_utils

from mockint.engine.clock import FakeClock
from mockint.paths import bundled_dir
from mockint.scenario.catalog import find_scenario
from mockint.scenario.practice import practice_scenario
from mockint.store.sessions import Store
from mockint.tui.app import MockintApp
from mockint.tui.screens.coding import CodingScreen
from mockint.tui.screens.confirm import Confirm
from mockint.tui.widgets.results import Results
from tests.conftest import graded, wait_for

SOLUTION = (bundled_dir("solutions") / "moving-average.py").read_text()
# Correct, but each test case takes most of a second: a submission that keeps the judge busy.
SLOW = SOLUTION.replace(
    "    def __init__(self, window: int):\n",
    "    def __init__(self, window: int):\n        import time\n        time.sleep(0.5)\n",
)
assert SLOW != SOLUTION


def practice_app(tmp_path, clock=None, slug="moving-average", title="Moving average of a stream"):
    store = Store(tmp_path / "c.db")
    return MockintApp(
        store,
        default_scenario=find_scenario("aiml-engineer"),
        clock=clock,
        start=practice_scenario(slug, title, "easy", 20),
    )


async def open_editor(pilot, app):
    await pilot.press("enter")
    await wait_for(
        pilot, lambda: isinstance(app.screen, CodingScreen) and app.screen.is_mounted, 60
    )
    await pilot.pause()
    return app.screen.query_one("#editor")


def verdict(app) -> str:
    return str(app.screen.query_one("#verdict").render())


async def test_type_run_and_submit_with_the_real_judge(tmp_path):
    app = practice_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        editor = await open_editor(pilot, app)
        assert "raise NotImplementedError" in editor.text  # the starter code
        # Type a first, broken version: the auto-indent does the indentation.
        await pilot.press("f7", "backspace")
        await pilot.press(*"class MovingAverage:", "enter", *"pass")
        await pilot.press("ctrl+r")
        await graded(pilot, app)
        assert "0 of" in verdict(app) or "Wrong" in verdict(app) or "Runtime" in verdict(app)
        results = app.screen.query_one(Results)
        assert results.tests and all(t["visible"] for t in results.tests)
        detail = str(app.screen.query_one("#detail").render())
        assert results.tests[0]["id"] in detail
        # Now the real solution, then a submit with the hidden cases.
        editor.load_text(SOLUTION)
        await pilot.press("ctrl+s")
        await graded(pilot, app)
        assert verdict(app).startswith("✓ Accepted")
        assert any(not t["visible"] for t in results.tests)
        summary = str(app.screen.query_one("#run-summary").render())
        assert summary.startswith("Runs: 2") and "accepted at" in summary
    db = sqlite_utils.Database(tmp_path / "c.db")
    runs = list(db["grading_runs"].rows_where(order_by="id"))
    assert [(r["kind"], r["verdict"] == "accepted") for r in runs] == [
        ("run", False),
        ("submit", True),
    ]
    assert runs[1]["code"] == SOLUTION and runs[1]["passed"] == runs[1]["total"]
    snaps = list(db["code_snapshots"].rows_where(order_by="id"))
    assert snaps and snaps[-1]["code"] == SOLUTION
    assert any(s["code"].startswith("class MovingAverage:\n    pass") for s in snaps)


async def test_keys_are_served_while_a_slow_submission_is_graded(tmp_path):
    app = practice_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        editor = await open_editor(pilot, app)
        editor.load_text(SLOW)
        app.ensure_judge().wait_ready(60)
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: app.screen.run_handle is not None)
        editor.move_cursor(editor.document.end)
        typed_while_grading = 0
        for ch in "# still typing":
            await pilot.press(ch if ch != " " else "space")
            if app.screen.run_handle is not None:
                typed_while_grading += 1
        assert editor.text.endswith("# still typing")
        assert typed_while_grading >= 5, "grading finished before the keys could be checked"
        await graded(pilot, app)
        assert "tests passed" in verdict(app)


async def test_cancel_a_run(tmp_path):
    app = practice_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        editor = await open_editor(pilot, app)
        editor.load_text(SLOW)
        app.ensure_judge().wait_ready(60)
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: app.screen.run_handle is not None)
        await pilot.press("escape")
        await graded(pilot, app)
        assert verdict(app) == "Run cancelled."
    db = sqlite_utils.Database(tmp_path / "c.db")
    assert [r["verdict"] for r in db["grading_runs"].rows] == ["cancelled"]


async def test_a_dead_grading_process_is_reported_and_restarted(tmp_path):
    app = practice_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        editor = await open_editor(pilot, app)
        editor.load_text(SLOW)
        judge = app.ensure_judge()
        judge.wait_ready(60)
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: app.screen.run_handle is not None)
        os.kill(judge._proc.pid, signal.SIGKILL)
        await graded(pilot, app)
        assert "grading process stopped" in verdict(app)
        assert editor.text == SLOW  # the code is not lost
        editor.load_text(SOLUTION)
        await pilot.press("ctrl+r")
        await graded(pilot, app)
        assert verdict(app).startswith("✓ Accepted")


async def test_reset_asks_and_next_problem_keeps_each_code(tmp_path):
    clock = FakeClock()
    sc = find_scenario("aiml-engineer").subset(["coding"])
    store = Store(tmp_path / "c.db")
    app = MockintApp(store, default_scenario=sc, clock=clock, start=sc)
    async with app.run_test(size=(120, 40)) as pilot:
        editor = await open_editor(pilot, app)
        screen = app.screen
        assert len(screen.problems) == 2
        first = screen.problem.slug
        editor.load_text("# my first attempt\n")
        await pilot.press("f4")
        await pilot.pause()
        assert screen.problem.slug != first and editor.text == screen.problem.starter
        await pilot.press("f4")
        await pilot.pause()
        assert screen.problem.slug == first and editor.text == "# my first attempt\n"
        await pilot.press("f5")
        await wait_for(pilot, lambda: isinstance(app.screen, Confirm))
        await pilot.press("y")
        await wait_for(pilot, lambda: isinstance(app.screen, CodingScreen))
        assert editor.text == screen.problem.starter
        await pilot.press("ctrl+z")
        assert editor.text == "# my first attempt\n"


async def test_resume_brings_back_code_cursor_and_problem(tmp_path):
    clock = FakeClock()
    app = practice_app(tmp_path, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        editor = await open_editor(pilot, app)
        editor.load_text(
            "class MovingAverage:\n    def __init__(self, window):\n        self.w = window\n"
        )
        editor.move_cursor((2, 8))
        app.screen._dirty = True
        clock.advance(300)
        await pilot.pause(1.3)  # the timeline is written within a second
    # Simulate a crash: no clean exit bookkeeping, a fresh app on the same database.
    clock.advance(50)
    store = Store(tmp_path / "c.db")
    app2 = MockintApp(
        store, default_scenario=find_scenario("aiml-engineer"), clock=clock, resume_id=1
    )
    async with app2.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: isinstance(app2.screen, CodingScreen))
        editor = app2.screen.query_one("#editor")
        assert editor.text.startswith("class MovingAverage:\n    def __init__(self, window):")
        assert editor.cursor_location == (2, 8)
        assert str(app2.screen.query_one("#clock-line").render()).startswith("15:00 left of 20:00")


async def test_hints_one_at_a_time_and_recorded(tmp_path):
    app = practice_app(tmp_path, clock=FakeClock())
    async with app.run_test(size=(120, 40)) as pilot:
        await open_editor(pilot, app)
        hints = app.screen.problem.hints
        assert len(hints) >= 2
        assert str(app.screen.query_one("#hints").render()) == ""
        await pilot.press("ctrl+h")
        await pilot.pause()
        shown = str(app.screen.query_one("#hints").render())
        assert shown == f"Hint 1: {hints[0]}"
        await pilot.press("f3")  # the same action on a key every terminal sends
        await pilot.pause()
        assert f"Hint 2: {hints[1]}" in str(app.screen.query_one("#hints").render())
        for _ in range(len(hints)):
            await pilot.press("ctrl+h")
        await pilot.pause()
        assert any("No more hints" in n.message for n in app._notifications)
        assert "hints used: " in str(app.screen.query_one("#run-summary").render())
    db = sqlite_utils.Database(tmp_path / "c.db")
    numbers = [
        json.loads(e["data"])["number"] for e in db["events"].rows_where("kind = 'hint_shown'")
    ]
    assert numbers == list(range(1, len(hints) + 1))


async def test_next_problem_shows_that_problems_own_results_and_statement_top(tmp_path):
    sc = find_scenario("aiml-engineer").subset(["coding"])
    app = MockintApp(Store(tmp_path / "c.db"), default_scenario=sc, clock=FakeClock(), start=sc)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_editor(pilot, app)
        screen = app.screen
        results = screen.query_one(Results)
        # A finished run of the first problem, as the judge's events would give it.
        token = screen._token = object()
        results.begin("submit")
        test = {"id": "t1", "verdict": "accepted", "time_ms": 3.0}
        screen._on_grading_event(token, {"event": "test", "test": test})
        done = {"verdict": "accepted", "passed": 1, "total": 1, "complexity": None}
        screen._on_grading_event(token, {"event": "done", "result": done})
        await pilot.pause()
        assert verdict(app).startswith("✓ Accepted: 1 of 1")
        box = screen.query_one("#statement-box")
        box.scroll_end(animate=False)
        await pilot.pause()
        assert box.scroll_y > 0
        await pilot.press("f4")
        await pilot.pause()
        assert verdict(app).startswith("No run yet")
        assert screen.query_one("#tests").row_count == 0
        assert "Runs: 0" in str(screen.query_one("#run-summary").render())
        assert box.scroll_y == 0
        await pilot.press("f4")  # back: the first problem's results again
        await pilot.pause()
        assert verdict(app).startswith("✓ Accepted: 1 of 1")
        assert screen.query_one("#tests").row_count == 1


async def test_the_statement_wraps_its_code_and_f8_shows_it_wide(tmp_path):
    from textual.widgets._markdown import MarkdownFence

    app = practice_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        editor = await open_editor(pilot, app)
        await pilot.pause(0.2)
        screen = app.screen
        fences = list(screen.query(MarkdownFence))
        assert fences
        for fence in fences:  # nothing cut off at the right: each line wraps in the pane
            label = fence.query_one("#code-content")
            assert label.size.width <= fence.size.width
            assert label.size.height > fence.code.count("\n") + 1  # wrapped lines
        box = screen.query_one("#statement-box")
        narrow = box.size.width
        await pilot.press("f8")
        await pilot.pause()
        assert box.size.width > 2 * narrow and app.focused is box
        await pilot.press("pagedown")
        assert box.scroll_y > 0
        await pilot.press("escape")
        await pilot.pause()
        assert box.size.width == narrow and app.focused is editor
        await pilot.press("f8", "f8")
        assert app.focused is editor
        assert not editor.soft_wrap
        await pilot.press("ctrl+t")
        assert editor.soft_wrap
