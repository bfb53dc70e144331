"""Pilot tests: the model answer after the review, contradictions shown, the design review
and the report scoring the same text, and an example story loaded as a template."""

import json
from dataclasses import replace

import sqlite_utils

from mockint.engine.clock import FakeClock
from mockint.report.collect import build_report
from mockint.report.markdown import render_markdown
from mockint.scenario.bank_load import bank_for_kind
from mockint.scenario.bank_stories import load_examples
from mockint.scenario.catalog import find_scenario
from mockint.store.sessions import Store
from mockint.tui.app import MockintApp
from mockint.tui.screens.design import DesignScreen
from mockint.tui.screens.self_check import SelfCheckScreen
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
        assert f"! said wrong (swap): {diagnosis.text}" in text
        assert 'you said: "High bias means the model overfits."' in text
        assert "Key points made: 1 of 5 (1 said wrong)" in text
        # The interviewer probes the point said wrong, and the probe is recorded.
        shown = str(screen.query_one("#follow-ups").render())
        assert f"Interviewer's probe: {diagnosis.probe}" in shown
        assert screen.row.probed == "diagnosis"
        await pilot.press("3")
        await pilot.pause()
        text = review(screen)
        assert "3/5 (fair)" in text and first_line in text
        assert "Self-check: press c" in text


async def test_self_check_and_a_dispute_are_saved_and_scored(tmp_path):
    app, store = app_for(tmp_path, "ml-deep-dive", "bias-variance-explain")
    q = bank_for_kind("ml_deep_dive").question("bias-variance-explain")
    ids = [p.id for p in q.key_points]
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await enter_stage(pilot, app)
        await pilot.press(*"High bias means the model overfits. Some irreducible noise remains.")
        await pilot.press("ctrl+j")
        await wait_for(pilot, lambda: screen.reviewing)
        await pilot.press("c")  # not before the rating: the model answer comes first
        await pilot.pause()
        assert not isinstance(app.screen, SelfCheckScreen)
        await pilot.press("4", "ctrl+j")  # moving on opens the self-check once
        await wait_for(pilot, lambda: isinstance(app.screen, SelfCheckScreen))
        dialog = app.screen
        assert q.outline.split("\n")[0] in str(dialog.query_one("#check-outline Static").render())
        points = lambda: str(dialog.query_one("#check-points").render())  # noqa: E731
        assert 'scorer: said wrong (swap): "High bias means the model overfits."' in points()
        # right, missed, then right on the point found said wrong, and dispute it.
        await pilot.press("r", "m", "r", "up", "d")
        await pilot.pause()
        assert "you: said it right, disputes the detection" in points()
        await pilot.press("d")  # a second d withdraws the dispute
        await pilot.pause()
        assert "disputes" not in points()
        await pilot.press("d", "down", "down", "p", "enter")
        await wait_for(pilot, lambda: not isinstance(app.screen, SelfCheckScreen))
        text = review(screen)
        assert "self-check: said it right, disputes the detection" in text
        assert "Self-check: done" in text
        await pilot.pause(0.7)
    db = sqlite_utils.Database(tmp_path / "t.db")
    [saved] = list(db["answers"].rows)
    marks = json.loads(saved["self_check"])
    assert marks == {ids[0]: "right", ids[1]: "missed", ids[2]: "right", ids[4]: "partly"}
    assert json.loads(saved["disputed"]) == ["diagnosis"] and saved["probed"] == "diagnosis"
    # The report shows both columns and scores the combination.
    report = build_report(Store(tmp_path / "t.db"), 1)
    (qr,) = report["stages"][0]["content"]["questions"]
    cov = qr["coverage"]
    by_id = {p["id"]: p for p in cov["points"]}
    assert by_id["diagnosis"]["status"] == "wrong" and by_id["diagnosis"]["disputed"]
    assert by_id["diagnosis"]["self_check"] == "right" and by_id["diagnosis"]["credit"] == 0.5
    # detected missing + "right" = 0.5; missing + "missed" = 0; disputed wrong + "right" =
    # 0.5; missing, unchecked = 0; made + "partly" = 0.75: 1.75 of 5, never full marks.
    assert cov["checked"] and cov["combined"] == 0.35
    md = render_markdown(report)
    assert "Key points made: 1 of 5 (1 said wrong); with your self-check: 1.75 of 5" in md
    assert f"| {by_id['diagnosis']['text']} | said wrong (swap): " in md
    assert '"High bias means the model overfits." | said it right, disputes the detection |' in md
    assert f"The interviewer probed: {by_id['diagnosis']['text']}" in md


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
    assert f"Key points made: {cov['covered']} of {cov['total']}" in text
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


async def test_a_point_said_wrong_is_probed_instead_of_the_scheduled_follow_up(tmp_path):
    clock = FakeClock()
    sc = find_scenario("aiml-engineer").subset(["ml-deep-dive"])
    sc = replace(
        sc, stages=tuple(replace(s, questions=("bias-variance-explain",)) for s in sc.stages)
    )
    app = MockintApp(Store(tmp_path / "t.db"), default_scenario=sc, clock=clock, start=sc)
    q = bank_for_kind("ml_deep_dive").question("bias-variance-explain")
    (curveball,) = q.follow_ups
    diagnosis = next(p for p in q.key_points if p.id == "diagnosis")
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await enter_stage(pilot, app)
        await pilot.press(*"High bias means the model overfits.")
        clock.advance(curveball.at_minute * 60 + 5)
        await wait_for(pilot, lambda: screen.row.probed == "diagnosis")
        shown = str(screen.query_one("#follow-ups").render())
        assert f"Interviewer's probe: {diagnosis.probe}" in shown
        assert curveball.text not in shown
        assert any(diagnosis.probe in n.message for n in app._notifications)
