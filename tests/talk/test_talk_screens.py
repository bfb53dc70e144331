"""Talking rounds driven with Pilot: question flow, STAR form and story bank, system design."""

import json

import pytest
import sqlite_utils

from mockint import recording
from mockint.engine.clock import FakeClock
from mockint.report.design import split_components
from mockint.scenario.bank_load import bank_for_kind
from mockint.scenario.catalog import find_scenario
from mockint.store.sessions import Store
from mockint.tui.app import MockintApp
from mockint.tui.screens.design import DesignScreen
from mockint.tui.screens.self_check import SelfCheckScreen
from mockint.tui.screens.star import StarScreen
from mockint.tui.screens.talk import TalkScreen
from tests.conftest import wait_for


def make_app(tmp_path, stage, clock):
    sc = find_scenario("aiml-engineer").subset([stage])
    return MockintApp(Store(tmp_path / "t.db"), default_scenario=sc, clock=clock, start=sc)


async def enter_stage(pilot, app, kind=TalkScreen):
    await pilot.press("enter")
    await wait_for(pilot, lambda: isinstance(app.screen, kind) and app.screen.is_mounted)
    await pilot.pause()
    return app.screen


def rows(tmp_path):
    db = sqlite_utils.Database(tmp_path / "t.db")
    return {r["question_id"]: r for r in db["answers"].rows}


async def test_question_flow_follow_up_review_and_rating(tmp_path):
    clock = FakeClock()
    app = make_app(tmp_path, "ml-deep-dive", clock)
    async with app.run_test(size=(100, 32)) as pilot:
        screen = await enter_stage(pilot, app)
        q = screen.question
        assert str(screen.query_one("#prompt").render()) == q.prompt
        assert q.id in [x.id for x in bank_for_kind("ml_deep_dive").questions]
        # A follow-up arrives when the question's clock reaches its minute, not before.
        with_follow_up = next((i for i, x in enumerate(screen.questions) if x.follow_ups), None)
        if with_follow_up is not None:
            screen.go(with_follow_up)
            await pilot.pause()
            fu = screen.question.follow_ups[0]
            clock.advance(fu.at_minute * 60 - 5)
            await pilot.pause(0.4)
            assert str(screen.query_one("#follow-ups").render()) == ""
            clock.advance(10)
            await pilot.pause(0.4)
            assert fu.text in str(screen.query_one("#follow-ups").render())
            assert any(fu.text in n.message for n in app._notifications)
        q = screen.question
        # A key point one concept makes on its own, and a wording of that concept.
        kp, claim = next(
            (p, c) for p in q.key_points for c in p.claims if not c.subject and not c.property_dir
        )
        answer = f"My answer mentions {q.concepts[claim.property[0]][0]} and digits 1 2 3."
        await pilot.press(*answer)
        assert screen.query_one("#field-answer").text == answer  # digits typed, not ratings
        await pilot.press("ctrl+j")
        await wait_for(pilot, lambda: screen.reviewing)
        review = str(screen.query_one("#review").render())
        assert f"✓ made: {kp.text}" in review
        assert "Key points made: " in review and "press 1 (poor) to 5 (strong)" in review
        await pilot.press("5")
        await pilot.pause()
        assert "5/5 (strong)" in str(screen.query_one("#review").render())
        first_id = q.id
        await pilot.press("ctrl+j")  # the self-check, offered once: Esc skips it
        await wait_for(pilot, lambda: isinstance(app.screen, SelfCheckScreen))
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("ctrl+j")
        await wait_for(pilot, lambda: not screen.reviewing and screen.question.id != first_id)
    saved = rows(tmp_path)[first_id]
    assert json.loads(saved["fields"]) == {"answer": answer}
    assert json.loads(saved["ratings"]) == {"rubric": 5} and saved["done"] == 1
    assert sum(json.loads(saved["seconds"]).values()) > 0


async def test_star_form_live_checks_and_story_bank(tmp_path):
    clock = FakeClock()
    app = make_app(tmp_path, "behavioural", clock)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await enter_stage(pilot, app, StarScreen)
        guide = lambda: str(screen.query_one("#star-guide").render())  # noqa: E731
        assert "✗ Result has a number" in guide()
        await pilot.press(*"We had drift.")
        clock.advance(20)
        await pilot.pause(0.4)
        await pilot.press("tab", *"I owned the fix.", "tab")
        await pilot.press(
            *"I rebuilt the features and I ran a shadow launch over two weeks.", "tab"
        )
        await pilot.press(*"Precision rose by 13%.")
        await pilot.pause(0.3)
        assert "✓ Result has a number" in guide()
        assert "✓ Action the largest" in guide()
        assert "Situation" in guide() and "00:20" in guide()  # time spent on the Situation
        await pilot.press("ctrl+b")
        await pilot.pause(0.6)
        db = sqlite_utils.Database(tmp_path / "t.db")
        [story] = list(db["stories"].rows)
        assert json.loads(story["fields"])["result"] == "Precision rose by 13%."
        assert json.loads(story["competencies"]) == list(screen.question.competencies)
        # Next question: pick the saved story and refine it.
        await pilot.press("f4")
        await pilot.pause()
        assert screen.query_one("#field-situation").text == ""
        await pilot.press("f8")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert screen.query_one("#field-action").text.startswith("I rebuilt the features")


async def test_system_design_phases_scratchpad_and_components(tmp_path, monkeypatch):
    # The question whose checklist has a name with a comma in it (ticked below): picked at
    # random, such a name went uncounted in one run out of a few.
    q = next(
        q
        for q in bank_for_kind("system_design").questions
        if q.components and "," in q.components[0]
    )
    monkeypatch.setattr(recording, "_pick_questions", lambda *a: (q.id,))
    clock = FakeClock()
    app = make_app(tmp_path, "system-design", clock)
    async with app.run_test(size=(110, 36)) as pilot:
        screen = await enter_stage(pilot, app, DesignScreen)
        assert [p[0] for p in screen.phases] == [
            "requirements",
            "capacity",
            "high-level",
            "deep-dive",
            "trade-offs",
        ]
        outline = lambda: str(screen.query_one("#phase-outline").render())  # noqa: E731
        await pilot.press(*"p99 latency under 100 ms")
        clock.advance(7 * 60)
        await pilot.pause(0.4)
        assert "07:00 of 05:00-10:00" in outline()
        await pilot.press("f4")  # capacity
        await pilot.pause()
        clock.advance(6 * 60)
        await pilot.pause(0.4)
        assert "06:00 of 05:00" in outline()  # over its 5 minutes
        await pilot.press("f5")
        await pilot.press(*"users = 50M", "enter", *"qps = users * 30 / day")
        await pilot.pause(0.3)
        pad = str(screen.query_one("#pad-results").render())
        assert "users = 50,000,000 (50M)" in pad and "qps = 17,361 /s (17.4K)" in pad
        first = screen.question.components[0]
        await pilot.press("f6", "space")  # one burst: the space must tick the checklist
        await wait_for(pilot, lambda: screen.row.fields.get("components") == first)
        await pilot.press("ctrl+j")
        await wait_for(pilot, lambda: screen.reviewing)
        review = str(screen.query_one("#review").render())
        assert f"Components: 1 of {len(screen.question.components)} checked" in review
    [row] = rows(tmp_path).values()
    fields = json.loads(row["fields"])
    assert fields["requirements"] == "p99 latency under 100 ms" and fields["components"] == first
    seconds = json.loads(row["seconds"])
    assert seconds["requirements"] == pytest.approx(420, abs=1) and seconds[
        "capacity"
    ] == pytest.approx(360, abs=1)


def test_every_checklist_name_is_counted_whole():
    """Names may hold commas ("connectors and ingestion (parsing, OCR)"): the screen's review,
    like the report, counts each ticked name whole, whichever question was picked."""
    questions = [q for q in bank_for_kind("system_design").questions if q.components]
    assert any("," in c for q in questions for c in q.components)
    for q in questions:
        names = list(q.components)
        assert split_components(",".join(names), names) == (names, [])
        for name in names:
            assert split_components(name, names) == ([name], [])
