"""The review screens as a person uses them (Pilot), and their snapshots at 80x24 and 120x40."""

import asyncio

import pytest

from mockint.engine.clock import FakeClock
from mockint.scenario.catalog import find_scenario
from mockint.store.coding import runs
from mockint.tui.app import MockintApp
from mockint.tui.screens.history import FilterDialog, HistoryScreen
from mockint.tui.screens.home import HomeScreen
from mockint.tui.screens.next_up import NextScreen
from mockint.tui.screens.plan import PlanScreen
from mockint.tui.screens.progress import ProgressScreen
from mockint.tui.screens.replay import ReplayScreen
from mockint.tui.screens.review_nav import open_review
from tests.review import data

SIZES = [(80, 24), (120, 40)]


def make_app(tmp_path):
    store, _, ids = data.build(tmp_path / "screens.db")
    app = MockintApp(
        store, default_scenario=find_scenario("aiml-engineer"), clock=FakeClock(data.NOW)
    )
    return app, ids


async def wait_for(pilot, predicate, timeout=30.0):
    loop = asyncio.get_running_loop()
    end = loop.time() + timeout
    while not predicate():
        assert loop.time() < end, "timed out waiting"
        await pilot.pause(0.05)


async def until_screen(pilot, cls):
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, cls) and pilot.app.screen.is_mounted)
    await pilot.pause()
    return pilot.app.screen


def text(app, selector) -> str:
    return str(app.screen.query_one(selector).render())


def menu_labels(app) -> list[str]:
    menu = app.screen.query_one("#menu")
    return [str(menu.get_option_at_index(i).prompt) for i in range(menu.option_count)]


async def test_home_shows_the_due_count_and_last_score_and_opens_history(tmp_path, utc):
    app, _ids = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        labels = menu_labels(app)
        assert "What next: 7 due today" in labels
        assert any(x.startswith("History (last: 50/100") for x in labels)
        assert "Practise one problem..." in labels
        assert not any("Pair" in x for x in labels)  # no placeholder for what does not exist
        assert "Last score: 50/100 · 7 due today" in text(app, "#home-status")
        await pilot.press("h")
        await until_screen(pilot, HistoryScreen)
        await pilot.press("escape")
        await until_screen(pilot, HomeScreen)
        await pilot.press("n")
        await until_screen(pilot, NextScreen)


async def test_history_sort_filter_search_open_and_delete(tmp_path, utc):
    app, ids = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        open_review(app, "history")
        await until_screen(pilot, HistoryScreen)
        screen = app.screen
        assert [r.id for r in screen.rows] == [ids["edit"], ids["topk"], ids["moving"], ids["loop"]]
        await pilot.press("s")  # by score; the unfinished loop has none: last
        assert [r.id for r in screen.rows] == [ids["moving"], ids["edit"], ids["topk"], ids["loop"]]
        await pilot.press("m")  # solo only
        assert [r.id for r in screen.rows] == [ids["loop"]]
        assert "mode: solo" in text(app, "#history-filters")
        await pilot.press("m")  # practice
        await pilot.press("slash", *"edit")
        assert [r.id for r in screen.rows] == [ids["edit"]]
        await pilot.press("enter")  # back to the table
        screen.query_one("#history-search").value = ""
        await pilot.pause()
        assert len(screen.rows) == 3
        # Filters: a score range, typed into the dialog.
        await pilot.press("f")
        await until_screen(pilot, FilterDialog)
        app.screen.query_one("#filter-min_score").focus()
        await pilot.press(*"abc", "enter")
        assert "min score" in text(app, "#filter-error")
        app.screen.query_one("#filter-min_score").value = "40"
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.screen is screen)
        assert [r.id for r in screen.rows] == [ids["moving"], ids["edit"]]
        assert "score: 40 to -" in text(app, "#history-filters")
        # Enter opens the report; p the replay.
        await pilot.press("enter")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "ReportScreen")
        assert "Moving average" in app.screen.markdown
        await pilot.press("p")  # the report's own way to the replay
        await until_screen(pilot, ReplayScreen)
        await pilot.press("escape", "escape")
        await wait_for(pilot, lambda: app.screen is screen)
        await pilot.press("p")
        await until_screen(pilot, ReplayScreen)
        await pilot.press("escape")
        # Delete asks first; no keeps it, yes removes it.
        await pilot.press("d")
        await pilot.press("n")
        assert len(screen.rows) == 2
        await pilot.press("d")
        await pilot.press("y")
        await wait_for(pilot, lambda: len(screen.rows) == 1)
        assert [r.id for r in screen.rows] == [ids["edit"]]
        n = app.store.conn.execute("SELECT count(*) FROM sessions WHERE id = ?", (ids["moving"],))
        assert n.fetchone()[0] == 0


async def test_replay_play_jump_and_scrub(tmp_path, utc):
    app, ids = make_app(tmp_path)
    graded = runs(app.store, ids["moving"])
    async with app.run_test(size=(120, 40)) as pilot:
        open_review(app, "replay", ids["moving"])
        await until_screen(pilot, ReplayScreen)
        screen = app.screen
        code = screen.query_one("#replay-code")
        assert code.text == ""  # before the first snapshot
        await pilot.press("n")  # the first run
        assert screen.t == graded[0]["elapsed_s"] and code.text == graded[0]["code"]
        assert "run ✗ wrong answer 1/3" in text(app, "#replay-status")
        await pilot.press("n")  # the submit
        assert code.text == graded[1]["code"] and "submit ✓ accepted 5/5" in text(
            app, "#replay-status"
        )
        await pilot.press("b", "left")  # back to the run, then 5 s before it
        assert screen.t == graded[0]["elapsed_s"] - 5
        assert code.text == data.CODE[1]  # the snapshot of 25 s (the next one is at 55 s)
        await pilot.press("f", "f", "f", "f", "f")  # 20x at most
        assert "paused 20x" in text(app, "#replay-status")
        await pilot.press("p")
        await wait_for(pilot, lambda: not screen.playing)  # played to the end
        assert code.text == graded[1]["code"]
        timeline = screen.query_one("#replay-timeline")
        await pilot.click("#replay-timeline", offset=(0, 0))  # the scrubber: the start
        assert screen.t == 0.0 and code.text == ""
        await pilot.click("#replay-timeline", offset=(timeline.size.width - 1, 0))
        assert screen.t == screen.round.duration
        marks = [str(o.prompt) for o in screen.query_one("#replay-marks")._options]
        assert any("PASTE of" in m for m in marks)


async def test_next_screen_starts_a_loop_of_the_due_items(tmp_path, utc):
    app, _ids = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        open_review(app, "next")
        await until_screen(pilot, NextScreen)
        assert text(app, "#next-title") == "What next: 7 due today"
        await pilot.press("s")
        await wait_for(pilot, lambda: app.session is not None)
        sc = app.session.scenario
        assert sc.id == "review"
        coding = sc.stages[0]
        assert coding.kind == "coding"
        assert [p.slug for p in coding.problems] == ["linear-regression", "top-k"]


async def test_progress_and_plan_screens(tmp_path, utc):
    app, _ids = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        open_review(app, "progress")
        await until_screen(pilot, ProgressScreen)
        await pilot.pause()
        names = [str(s.render()) for s in app.screen.query(".chart-name")]
        assert names == ["overall", "behavioural", "coding", "system design"]
        weak = text(app, "#progress-weak")
        assert "Verdicts most often hit: wrong answer" in weak and "time limit" in weak
        assert "Hints used: 2 in 2 of the last 4 sessions" in weak
        await pilot.press("escape")
        open_review(app, "plan")
        await until_screen(pilot, PlanScreen)
        plan = text(app, "#plan-text")
        assert plan.startswith("Plan: 6 weeks from 2026-01-04")
        assert "> Week 1 (2026-01-04): Baseline" in plan
        await pilot.press("w")
        assert text(app, "#plan-text").startswith("Plan: 7 weeks from 2026-01-04")


# ---- snapshots ---------------------------------------------------------------------------


async def steady(pilot):
    pilot.app.set_focus(None)
    await pilot.pause(0.2)


def snap_app(tmp_path, kind, *args, keys=()):
    app, ids = make_app(tmp_path)

    async def run_before(pilot):
        open_review(pilot.app, kind, *[ids.get(a, a) for a in args])
        await pilot.pause(0.3)
        if keys:
            await pilot.press(*keys)
        await steady(pilot)

    return app, run_before


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize(
    ("kind", "args", "keys"),
    [
        ("history", (), ()),
        ("replay", ("moving",), ("n",)),
        ("progress", (), ()),
        ("next", (), ()),
        ("plan", (), ()),
    ],
    ids=["history", "replay", "progress", "next", "plan"],
)
def test_snapshots(snap_compare, tmp_path, utc, size, kind, args, keys):
    app, run_before = snap_app(tmp_path, kind, *args, keys=keys)
    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_home_snapshot_with_a_history(snap_compare, tmp_path, utc, size):
    from pathlib import Path

    app, _ = make_app(tmp_path)

    async def run_before(pilot):
        await pilot.pause(0.6)  # after the review data refresh
        pilot.app.store.path = Path("mockint.db")  # the same label on every machine
        pilot.app.screen.refresh_menu()
        await steady(pilot)

    assert snap_compare(app, terminal_size=size, run_before=run_before)


async def test_home_shows_the_score_of_a_session_recorded_while_it_was_open(tmp_path, utc):
    """Back on home after a loop: its score is built then and shown, not "not scored"."""
    from tests.review.sessions import solve

    app, _ids = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: "Last score: 50/100" in text(app, "#home-status"))
        await pilot.pause(HomeScreen.REFRESH_AFTER_S)  # home's own first refresh: done
        await app.workers.wait_for_complete()
        # A session recorded meanwhile (as a loop run from home would be), then back home
        # from a screen that reads no review data (the help).
        solve(app.store, FakeClock(data.NOW - 60), "top-k", "accepted")
        await pilot.press("f1")
        await wait_for(pilot, lambda: not isinstance(app.screen, HomeScreen))
        await pilot.press("escape")
        await until_screen(pilot, HomeScreen)
        await wait_for(pilot, lambda: "Last score: 100/100" in text(app, "#home-status"))
        assert any(x.startswith("History (last: 100/100") for x in menu_labels(app))
