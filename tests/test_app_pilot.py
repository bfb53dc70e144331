"""The app driven through Textual's Pilot, as a user would with the keyboard."""

import json

import pytest
import sqlite_utils

from mockint.engine.clock import FakeClock
from mockint.scenario.catalog import find_scenario
from mockint.store.sessions import Store
from mockint.tui.app import MockintApp
from mockint.tui.screens.coding import CodingScreen
from mockint.tui.screens.confirm import Confirm
from mockint.tui.screens.help import Help
from mockint.tui.screens.home import HomeScreen
from mockint.tui.screens.intro import StageIntro
from mockint.tui.screens.stage import StageScreen
from mockint.tui.screens.summary import SummaryScreen
from mockint.tui.screens.talk import TalkScreen
from tests.conftest import wait_for


def make_app(tmp_path, clock=None, **kwargs):
    store = Store(tmp_path / "pilot.db")
    return MockintApp(store, default_scenario=find_scenario("aiml-engineer"), clock=clock, **kwargs)


def clock_line(app):
    return str(app.screen.query_one("#clock-line").render())


@pytest.mark.parametrize("scenario", ["aiml-engineer", "llm-engineer"])
async def test_whole_loop_at_a_tiny_pace(tmp_path, scenario):
    """Every stage: card, Enter, run past zero (bell), Ctrl+N, confirm; then the summary."""
    sc = find_scenario(scenario).paced(0.0002)
    # A fake clock moved past each stage's end: the same crossings as real time, without
    # depending on how fast a loaded machine redraws a half-second stage.
    clock = FakeClock()
    app = make_app(tmp_path, start=sc, pace=0.0002, clock=clock)
    bells = []
    app.bell = lambda: bells.append(1)
    async with app.run_test(size=(80, 24)) as pilot:
        for i in range(6):
            await wait_for(pilot, lambda: isinstance(app.screen, StageIntro))
            assert f"Stage {i + 1} of 6" in str(app.screen.query_one("#card-step").render())
            await pilot.press("enter")
            expected = CodingScreen if sc.stages[i].kind == "coding" else TalkScreen
            await wait_for(
                pilot,
                lambda expected=expected: (
                    isinstance(app.screen, expected) and app.screen.is_mounted
                ),
            )
            await pilot.pause()
            clock.advance(sc.stages[i].minutes * 60 + 1)
            await wait_for(pilot, lambda: "OVERTIME" in clock_line(app))
            assert len(bells) == i + 1
            await pilot.press("ctrl+n")
            await wait_for(pilot, lambda: isinstance(app.screen, Confirm))
            await pilot.press("y")
        await wait_for(pilot, lambda: isinstance(app.screen, SummaryScreen))
        table = app.screen.query_one("#summary-table")
        assert table.row_count == 6
        assert "overtime" in str(table.get_row_at(0)[-1])
        score_line = str(app.screen.query_one("#summary-score").render())
        assert score_line.startswith("Overall score: not scored")  # nothing was answered
        await pilot.press("r")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "ReportScreen")
        assert "## Times" in app.screen.markdown
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, SummaryScreen))
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
    db = sqlite_utils.Database(tmp_path / "pilot.db")
    [session] = list(db["sessions"].rows)
    assert session["status"] == "finished" and session["pace"] == 0.0002
    stages = list(db["stages"].rows_where(order_by="idx"))
    assert all(s["state"] == "finished" and s["elapsed_s"] > s["planned_s"] for s in stages)
    kinds = [e["kind"] for e in db["events"].rows_where(order_by="id")]
    assert kinds.count("stage_started") == 6 and kinds[-1] == "session_finished"


def alerted(app, text: str) -> bool:
    return any(text in n.message for n in app._notifications)


async def test_countdown_alerts_pause_and_notes(tmp_path):
    clock = FakeClock()
    sc = find_scenario("aiml-engineer").subset(["hiring-manager"])
    app = make_app(tmp_path, clock=clock, start=sc)
    bells = []
    app.bell = lambda: bells.append(1)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, TalkScreen))
        assert clock_line(app) == "30:00 left of 30:00"
        countdown = app.screen.query_one("Countdown")
        assert countdown.has_class("-normal")
        clock.advance(25 * 60 + 1)
        # The class and the alert may land on different ticks: wait for both.
        await wait_for(
            pilot, lambda: countdown.has_class("-warn") and alerted(app, "5 minutes left")
        )
        assert clock_line(app) == "04:59 left of 30:00"
        # Paused: time does not move.
        await pilot.press("f2")
        clock.advance(600)
        await wait_for(pilot, lambda: clock_line(app).endswith("PAUSED"))
        await pilot.pause(0.3)  # a tick or two while paused
        assert clock_line(app) == "04:59 left of 30:00  PAUSED"
        await pilot.press("f2")
        clock.advance(4 * 60)
        await wait_for(
            pilot, lambda: countdown.has_class("-critical") and alerted(app, "1 minute left")
        )
        assert not bells
        clock.advance(61)
        await wait_for(pilot, lambda: countdown.has_class("-overtime"))
        assert bells == [1]
        assert clock_line(app) == "OVERTIME +00:02 (planned 30:00)"
        await pilot.press(*"latency budget")
        db = sqlite_utils.Database(tmp_path / "pilot.db")

        def saved() -> list[dict]:
            return [json.loads(r["fields"]) for r in db["answers"].rows]

        # Answers are written within about a second (the wait allows for a busy machine).
        await wait_for(pilot, lambda: saved() == [{"answer": "latency budget"}])
        kinds = [e["kind"] for e in db["events"].rows_where(order_by="id")]
        assert kinds == ["stage_started", "paused", "resumed"]


async def test_next_stage_asks_first_and_skip_is_recorded(tmp_path):
    clock = FakeClock()
    sc = find_scenario("aiml-engineer").subset(["phone-screen", "behavioural"])
    app = make_app(tmp_path, clock=clock, start=sc)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, TalkScreen))
        await pilot.press("ctrl+n")
        await wait_for(pilot, lambda: isinstance(app.screen, Confirm))
        await pilot.press("n")
        await wait_for(pilot, lambda: isinstance(app.screen, TalkScreen))
        assert app.session.current == 0
        await pilot.press("ctrl+n", "y")
        await wait_for(pilot, lambda: isinstance(app.screen, StageIntro))
        await pilot.press("s")
        await wait_for(pilot, lambda: isinstance(app.screen, Confirm))
        await pilot.press("y")
        await wait_for(pilot, lambda: isinstance(app.screen, SummaryScreen))
        rows = [app.screen.query_one("#summary-table").get_row_at(i) for i in range(2)]
        assert rows[1][-1] == "skipped"


async def test_help_lists_the_screen_keys(tmp_path):
    app = make_app(tmp_path, clock=FakeClock(), start=find_scenario("aiml-engineer"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, TalkScreen))
        await pilot.press("f1")
        await wait_for(pilot, lambda: isinstance(app.screen, Help))
        keys = "\n".join(f"{k} {d}" for k, d in app.screen.rows)
        for text in (
            "^j Answer done / next",
            "f2 Pause/resume",
            "^n Next stage",
            "^q Leave",
            "f1 Help",
        ):
            assert text in keys
        assert "Cursor up" not in keys
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, TalkScreen))


async def test_too_small_terminal_says_so(tmp_path):
    app = make_app(tmp_path, clock=FakeClock())
    async with app.run_test(size=(50, 12)) as pilot:
        await pilot.pause()
        notice = app.screen.query_one("#too-small")
        assert app.screen.has_class("-too-small") and notice.display
        assert "Terminal too small" in str(notice.render())
        assert (
            not app.screen.query_one("#menu").display or not app.screen.query_one("#home").display
        )
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert not app.screen.has_class("-too-small")


async def test_leaving_asks_pauses_and_home_offers_resume(tmp_path):
    clock = FakeClock()
    app = make_app(tmp_path, clock=clock, start=find_scenario("aiml-engineer"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, TalkScreen))
        clock.advance(125)
        await pilot.press(*"my intro")
        await pilot.press("ctrl+q")
        await wait_for(pilot, lambda: isinstance(app.screen, Confirm))
        await pilot.press("y")
    clock.advance(3600)
    app2 = make_app(tmp_path, clock=clock)
    async with app2.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        menu = app2.screen.query_one("#menu")
        first = str(menu.get_option_at_index(0).prompt)
        assert first.startswith("Resume: AI/ML engineer loop, stage 1 of 6 (Phone screen)")
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app2.screen, TalkScreen))
        assert app2.screen.query_one("#field-answer").text == "my intro"
        assert clock_line(app2) == "42:55 left of 45:00  PAUSED"
        assert any("were not counted" in n.message for n in app2._notifications)


async def test_discard_an_unfinished_session(tmp_path):
    clock = FakeClock()
    app = make_app(tmp_path, clock=clock, start=find_scenario("aiml-engineer"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, TalkScreen))
        await pilot.press("ctrl+q")
        await wait_for(pilot, lambda: isinstance(app.screen, Confirm))
        await pilot.press("y")
    app2 = make_app(tmp_path, clock=clock)
    async with app2.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        menu = app2.screen.query_one("#menu")
        assert str(menu.get_option_at_index(0).prompt).startswith("Resume:")
        await pilot.press("d")
        await wait_for(pilot, lambda: isinstance(app2.screen, Confirm))
        await pilot.press("y")
        await wait_for(pilot, lambda: isinstance(app2.screen, HomeScreen))
        await pilot.pause()
        assert str(menu.get_option_at_index(0).prompt).startswith("Start:")
        await pilot.press("d")  # on a non-resume entry: nothing happens
        await pilot.pause()
        assert isinstance(app2.screen, HomeScreen)
    assert app2.store.load(1).status == "abandoned"


async def test_a_stage_without_a_bank_falls_back_to_saved_notes(tmp_path, monkeypatch):
    import mockint.scenario.bank_load as bank_load

    monkeypatch.setattr(bank_load, "bank_for_kind", lambda kind: None)
    clock = FakeClock()
    app = make_app(
        tmp_path, clock=clock, start=find_scenario("aiml-engineer").subset(["phone-screen"])
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, StageScreen))
        await pilot.press(*"latency budget")
        await pilot.pause(1.0)  # notes are written within a second
        db = sqlite_utils.Database(tmp_path / "pilot.db")
        assert db["notes"].get((1, 0))["body"] == "latency budget"


async def test_the_scenario_picker_offers_both_loops(tmp_path):
    from textual.widgets import OptionList

    app = make_app(tmp_path, clock=FakeClock())
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
        app.pick_scenario()
        await wait_for(pilot, lambda: bool(app.screen.query(OptionList)))
        options = app.screen.query_one(OptionList)
        shown = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert any("AI/ML engineer loop" in s for s in shown)
        assert any("LLM engineer loop" in s for s in shown)
        options.highlighted = next(i for i, s in enumerate(shown) if "llm-engineer" in s)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, StageIntro))
    db = sqlite_utils.Database(tmp_path / "pilot.db")
    [session] = list(db["sessions"].rows)
    assert session["scenario_id"] == "llm-engineer"
