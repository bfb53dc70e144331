"""The interviewer's side of a pair round sees the scorer: the rubric shows the detection
per key point on the candidate's live answer, and the probe of the point said wrong is the
suggested push that F3 sends."""

from __future__ import annotations

from dataclasses import replace

from mockint.pair.content import stage_plan
from mockint.scenario.bank_load import bank_for_kind
from mockint.scenario.catalog import find_scenario
from tests.pair.scripted import Sent, start
from tests.pair.test_stage_screens import until

WRONG = "High bias means the model overfits. Some irreducible noise remains."


async def test_rubric_shows_detection_per_key_point_and_f3_pushes_the_probe():
    q = bank_for_kind("ml_deep_dive").question("bias-variance-explain")
    diagnosis = next(p for p in q.key_points if p.id == "diagnosis")
    app = Sent()
    stage = next(s for s in find_scenario("aiml-engineer").stages if s.id == "ml-deep-dive")
    st = stage_plan(replace(stage, questions=(q.id,)), 0, 1)
    fields = {f"answer:{q.id}": {"text": WRONG, "cursor": [0, 0]}}
    async with app.run_test(size=(120, 40)) as pilot:
        start(app, "interviewer", st, fields=fields)
        await until(pilot, lambda: app.screen.query("#suggest"))
        suggest = lambda: str(app.screen.query_one("#suggest").render())  # noqa: E731
        await until(pilot, lambda: diagnosis.probe in suggest())
        assert "diagnosis said wrong" in suggest()
        await pilot.press("f7")
        await until(pilot, lambda: type(app.screen).__name__ == "RubricDialog")
        detected = str(app.screen.query_one("#detected").render())
        assert "Key points made: 1 of 5 (1 said wrong)" in detected
        assert f"! {diagnosis.text}" in detected
        assert 'said wrong (swap): "High bias means the model overfits."' in detected
        assert 'made: "Some irreducible noise remains."' in detected
        assert detected.count("not found") == 3
        await pilot.press("escape")
        await until(pilot, lambda: type(app.screen).__name__ != "RubricDialog")
        await pilot.press("f3")  # nothing asked yet: F3 has no current question
        await pilot.pause()
        assert not [m for m in app.sent if m["op"] == "push"]
        app.state["asked"] = [q.id]
        await pilot.press("f3")
        await pilot.pause()
        pushes = [m for m in app.sent if m["op"] == "push"]
        assert pushes == [
            {"op": "push", "kind": "follow_up", "text": diagnosis.probe, "problem": ""}
        ]


async def test_the_probe_timer_survives_a_state_without_a_stage():
    # The round ends (a state with no stage) between the timer's ticks, before the screen
    # is replaced: a tick then must do nothing, not crash the interviewer's app.
    q = bank_for_kind("ml_deep_dive").question("bias-variance-explain")
    app = Sent()
    stage = next(s for s in find_scenario("aiml-engineer").stages if s.id == "ml-deep-dive")
    st = stage_plan(replace(stage, questions=(q.id,)), 0, 1)
    async with app.run_test(size=(120, 40)) as pilot:
        start(app, "interviewer", st, fields={f"answer:{q.id}": {"text": WRONG}})
        await until(pilot, lambda: app.screen.query("#suggest"))
        screen = app.screen
        app.state["stage"] = None
        screen.answer_moved()
        screen._suggest()
        await pilot.pause()
        assert app.is_running and app.screen is screen
