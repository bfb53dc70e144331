"""Pilot tests: the model answer after the review, contradictions shown, the design review
and the report scoring the same text, and an example story loaded as a template."""

import json
from dataclasses import replace

import sqlite_utils

from mockint.engine.clock import FakeClock
from mockint.report.collect import build_report
from mockint.scenario.bank_load import bank_for_kind
from mockint.scenario.bank_stories import load_examples
from mockint.scenario.catalog import find_scenario
from mockint.store.sessions import Store
from mockint.tui.app import MockintApp
from mockint.tui.screens.design import DesignScreen
from mockint.tui.screens.star import StarScreen
from mockint.tui.screens.story_picker import StoryPicker
from tests.conftest import wait_for
from tests.talk.test_talk_screens import enter_stage


def app_for(tmp_path, stage, question):
    sc = find_scenario("aiml-engineer").subset([stage])
    sc = replace(sc, stages=tuple(replace(s, questions=(question,)) for s in sc.stages))
    store = Store(tmp_path / "t.db")
    return MockintApp(store, default_scenario=sc, clock=FakeClock(), start=sc), store


def review(screen) -> str:
    return str(screen.query_one("#review").render())


async def test_model_answer_appears_once_the_candidate_has_rated(tmp_path):
    app, _ = app_for(tmp_path, "ml-deep-dive", "bias-variance-explain")
    q = bank_for_kind("ml_deep_dive").question("bias-variance-explain")
    first_line = q.outline.split("\n")[0]
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await enter_stage(pilot, app)
        await pilot.press(*"High bias means the model overfits. Some irreducible noise remains.")
        await pilot.press("ctrl+j")
        await wait_for(pilot, lambda: screen.reviewing)
        text = review(screen)
        assert "Model answer (an outline): shown once you have rated yourself" in text
        assert first_line not in text
        # The contradiction is shown and costs the point.
        diagnosis = next(p for p in q.key_points if p.id == "diagnosis")
        assert f"! {diagnosis.text}" in text
        assert 'you said "High bias means the model overfits", which contradicts it' in text
        await pilot.press("3")
        await pilot.pause()
        text = review(screen)
        assert "3/5 (fair)" in text and first_line in text


async def test_design_review_and_report_score_the_same_text(tmp_path):
    app, store = app_for(tmp_path, "system-design", "realtime-recommendations")
    async with app.run_test(size=(110, 36)) as pilot:
        screen = await enter_stage(pilot, app, DesignScreen)
        await pilot.press(*"p99 under 200 ms; peak of 20k requests a second")
        await pilot.press("f6")
        await pilot.pause()
        # Tick every component: names such as "ANN index" must not count as explaining it.
        for _ in screen.question.components:
            await pilot.press("space", "down")
        await pilot.pause(0.6)
        ticked = screen.row.fields["components"].split(",")
        assert len(ticked) == len(screen.question.components)
        await pilot.press("ctrl+j")
        await wait_for(pilot, lambda: screen.reviewing)
        text = review(screen)
        screen.flush_notes()
    report = build_report(store, 1)
    (design,) = [s for s in report["stages"] if s["kind"] == "system_design"]
    (q,) = design["content"]["questions"]
    cov = q["coverage"]
    assert f"Key points: {cov['covered']} of {cov['total']} covered" in text
    covered = {p["id"] for p in cov["points"] if p["covered"]}
    assert covered == {"requirements-latency", "capacity-traffic"}
    assert f"Components: {len(ticked)} of {len(ticked)} checked" in text


async def test_an_example_story_loads_as_a_template(tmp_path):
    app, _ = app_for(tmp_path, "behavioural", "disagreement-with-peer")
    example = next(s for s in load_examples() if "conflict" in s.competencies)
    async with app.run_test(size=(110, 40)) as pilot:
        screen = await enter_stage(pilot, app, StarScreen)
        await pilot.press("f8")
        await wait_for(pilot, lambda: isinstance(app.screen, StoryPicker))
        picker = app.screen
        # The matching example comes first, with its notes in the preview.
        preview = str(picker.query_one("#story-preview").render())
        assert example.parts["situation"].note.split("\n")[0][:40] in preview.replace("\n", " ")
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.screen is screen)
        await pilot.pause(0.6)
        assert screen.query_one("#field-action").text == example.parts["action"].text
        guide = str(screen.query_one("#star-guide").render())
        assert "✓ Result has a number" in guide and "✓ Action the largest" in guide
        assert "story_id" not in screen.row.ratings
        assert any("Example loaded" in n.message for n in app._notifications)
        screen.flush_notes()
    db = sqlite_utils.Database(tmp_path / "t.db")
    (row,) = list(db["answers"].rows)
    assert json.loads(row["fields"])["result"] == example.parts["result"].text
    assert list(db["stories"].rows) == []  # a template is not saved until Ctrl+B


async def test_the_first_card_shows_the_loops_difficulty_and_preparation(tmp_path):
    sc = find_scenario("aiml-engineer").subset(["phone-screen", "coding"])
    app = MockintApp(Store(tmp_path / "t.db"), default_scenario=sc, clock=FakeClock(), start=sc)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: app.screen.query("#card-step"))
        step = str(app.screen.query_one("#card-step").render())
        assert step == (
            "Stage 1 of 2 · this loop: difficulty 4.5 of 5 · typical preparation 6-10 weeks"
        )
