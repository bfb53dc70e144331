"""A pair round's coding stage on the solo coding screen (Pilot): the candidate's has what the
solo one has (F6 claim, per-test detail, reset, the discussion after an accepted submit),
graded by the host's judge through the hub; the interviewer's is the same screen read-only,
following the candidate's code, problem, claim and runs beside the interviewer's panel."""

from __future__ import annotations

from dataclasses import replace

from mockint.grading.problems import solutions_dir
from mockint.pair.app import PairApp
from mockint.pair.content import stage_plan
from mockint.pair.hub import Hub
from mockint.scenario.model import ProblemPick
from tests.pair.scripted import Sent, plan, start
from tests.pair.test_stage_screens import open_round, until

WRONG = "def merge_intervals(intervals):\n    return intervals\n"


def shown(app, selector: str) -> str:
    return str(app.screen.query_one(selector).render())


def keys(app) -> set[str]:
    return {b.binding.action for b in app.active_bindings.values()}


async def test_the_candidates_coding_screen_is_the_solo_one_graded_through_the_hub(tmp_path):
    hub = Hub(tmp_path / "h.db")
    path = await hub.start(str(tmp_path / "sock"))
    try:
        t_int, t_cand, inter = await open_round(hub, path, "coding")
        room = t_int.room
        # One known problem (the stage's are drawn at random).
        stage = replace(room.session.run.stage, problems=(ProblemPick(slug="merge-intervals"),))
        room.plans[0] = stage_plan(stage, 0, 1)
        room.fields = {}
        hub._init_fields(room)
        app = PairApp(path, t_cand.token)
        async with app.run_test(size=(120, 40)) as pilot:
            await until(pilot, lambda: type(app.screen).__name__ == "CandidateCodingScreen")
            await pilot.pause(0.2)
            screen = app.screen
            # The solo keys, but not the host's programs nor the clock (the interviewer's).
            assert {"claim", "reset", "run(False)", "run(True)"} <= keys(app)
            assert not {"hint", "external_editor", "toggle_pause"} & keys(app)
            # F6: the stated complexity, recorded by the hub and shown to the interviewer.
            await pilot.press("f6", *"O(n log n)", "enter", *"O(n)", "enter")
            event = await inter.until("event")
            assert event["kind"] == "complexity_claimed"
            assert event["data"] == {
                "problem": "merge-intervals",
                "time": "O(n log n)",
                "space": "O(n)",
            }
            # A wrong answer, run in the host's judge: each test's input, expected and got.
            screen.editor.replace(WRONG, (0, 0), screen.editor.document.end)
            await pilot.press("ctrl+r")
            await until(pilot, lambda: "tests passed" in shown(app, "#verdict"), timeout=120)
            assert "Wrong answer" in shown(app, "#verdict")
            detail = shown(app, "#detail")
            assert "input:" in detail and "expected:" in detail and "got:" in detail
            assert "Runs: 1" in shown(app, "#run-summary")
            # The interviewer got the same run, with the same verdict line.
            views = [m["result"] for m in await inter.drain(0.3) if m.get("op") == "run"]
            assert views[-1]["headline"] == shown(app, "#verdict")
            # F5: back to the starter code.
            await pilot.press("f5")
            await pilot.pause(0.2)
            await pilot.press("y")
            await until(pilot, lambda: "NotImplementedError" in screen.editor.text)
            await until(
                pilot, lambda: "NotImplementedError" in room.fields["code:merge-intervals"]["text"]
            )
            # An accepted submit: the discussion and the reference solution appear.
            right = (solutions_dir() / "merge-intervals.py").read_text()
            screen.editor.replace(right, (0, 0), screen.editor.document.end)
            await pilot.press("ctrl+s")
            await until(pilot, lambda: "Accepted" in shown(app, "#verdict"), timeout=180)
            await until(pilot, lambda: screen.query_one("#discussion").display)
            assert "Reference solution" in screen.query_one("#discussion").source
        kinds = [e["kind"] for e in hub.store.events(room.session_id)]
        for kind in ("complexity_claimed", "code_reset", "solution_viewed"):
            assert kind in kinds
        inter.writer.close()
    finally:
        await hub.close()


def run_view(state: str, tests: list, **more) -> dict:
    view = {"id": "r1", "problem": "lru-cache", "kind": "submit", "state": state, "tests": tests}
    return view | {"summary": "", "total": 2} | more


async def test_the_interviewers_coding_screen_mirrors_the_candidates_read_only():
    app = Sent()
    st = plan("coding", problems=(ProblemPick(slug="lru-cache"),))
    async with app.run_test(size=(120, 40)) as pilot:
        start(app, "interviewer", st)
        await until(pilot, lambda: type(app.screen).__name__ == "InterviewerCodingScreen")
        await pilot.pause(0.2)
        screen = app.screen
        assert app.focused.id == "notes"  # the interviewer's keys go to their notes
        assert not {"run(False)", "run(True)", "reset", "claim"} & keys(app)
        # The claim boxes (under the statement, F8) hold the candidate's claim: F6 is the
        # interviewer's +5 minutes here, not a key to state one.
        hints = [screen.query_one(f"#claim-{w}").placeholder for w in ("time", "space")]
        assert not any("F6" in h for h in hints) and all("candidate" in h for h in hints)
        assert app.active_bindings["f6"].binding.action == "clock('plus5')"
        app._dispatch(
            {
                "op": "field",
                "id": "code:lru-cache",
                "text": "class LRUCache:\n    pass\n",
                "cursor": [1, 4],
            }
        )
        app._dispatch(
            {
                "op": "event",
                "kind": "complexity_claimed",
                "data": {"problem": "lru-cache", "time": "O(1)", "space": "O(n)"},
            }
        )
        await pilot.pause(0.1)
        assert screen.editor.text == "class LRUCache:\n    pass\n" and screen.editor.read_only
        assert "line 2, col 5" in shown(app, "#mirror-label")
        assert screen.query_one("#claim-time").value == "O(1)"
        assert "claims time O(1), space O(n)" in shown(app, "#mirror-label")
        # The candidate's submit, test by test, then its end and the discussion.
        failing = {"id": "t2", "visible": True, "verdict": "wrong_answer", "time_ms": 1.0,
                   "message": "wrong\nops: put(1, 1)\nexpected: [None]\ngot: [1]"}  # fmt: skip
        passing = {
            "id": "t1",
            "visible": True,
            "verdict": "accepted",
            "time_ms": 1.0,
            "message": "",
        }
        app._dispatch({"op": "run", "result": run_view("running", [passing])})
        await until(pilot, lambda: screen.run_handle is not None)
        assert shown(app, "#verdict") == "The candidate's submit: grading..."
        done = run_view("done", [passing, failing], verdict="wrong_answer",
                        headline="✗ Wrong answer: 1 of 2 tests passed", advice="• a claim line",
                        stats={"runs": 1, "first_s": 30.0, "accepted_s": None})  # fmt: skip
        app._dispatch({"op": "run", "result": done})
        await until(pilot, lambda: screen.run_handle is None)
        assert shown(app, "#verdict") == "✗ Wrong answer: 1 of 2 tests passed"
        assert "expected: [None]" in shown(app, "#detail") and "got: [1]" in shown(app, "#detail")
        assert "Runs: 1" in shown(app, "#run-summary")
        # A pushed hint shows under the statement; the keys typed go to the private notes.
        push = {"kind": "hint", "text": "Think of a linked list", "stage": 0, "elapsed": 61.0}
        app._dispatch({"op": "push", "push": push})
        await pilot.pause(0.1)
        assert "Hint at 01:01: Think of a linked list" in shown(app, "#hints")
        # F8: the statement across the width (the code has it otherwise), and back.
        assert not screen.query_one("#coding-left").display
        await pilot.press("f8")
        await pilot.pause(0.1)
        assert screen.query_one("#statement-box").region.width > 60
        await pilot.press("f8")
        await pilot.press(*"mine")
        assert screen.query_one("#notes").text == "mine"
        assert [m["op"] for m in app.sent] == ["notes"] * 4


async def test_the_hub_takes_only_checked_screen_events_from_the_candidate(tmp_path):
    from mockint.engine.clock import FakeClock
    from tests.pair.hubclient import live_room, started_hub

    hub, path = await started_hub(tmp_path / "h.db", FakeClock(), tmp_path / "sock")
    try:
        room, inter, cand = await live_room(hub, path, ["coding"])
        slug = room.plans[0]["problems"][0]["slug"]
        await cand.until("state")
        refused = [
            # Not solved yet: in a pair round the solution is shown only after an accepted submit.
            {"kind": "solution_viewed", "data": {"problem": slug, "before_solving": True}},
            {"kind": "problem_opened", "data": {"problem": "not-a-problem"}},
            {"kind": "hint_shown", "data": {"problem": slug}},  # hints are the interviewer's
        ]
        for ev in refused:
            cand.send({"op": "event"} | ev)
        inter.send({"op": "event", "kind": "code_reset", "data": {"problem": slug}})
        claim = {"problem": slug, "time": "O(n)", "space": "O(1)", "extra": "x" * 50}
        cand.send({"op": "event", "kind": "complexity_claimed", "data": claim})
        got = [m for m in await inter.drain(0.5) if m.get("op") == "event"]
        want = {"problem": slug, "time": "O(n)", "space": "O(1)"}
        assert got == [{"op": "event", "kind": "complexity_claimed", "data": want}]
        assert room.stage_events == [{"kind": "complexity_claimed", "data": want}]
        inter.got.clear()
        # An accepted submit: its view carries the verdict line, the runs and the discussion,
        # and the candidate may now open the solution (the interviewer's mirror is told).
        cand.send({"op": "field", "id": f"code:{slug}", "text": "return 1", "cursor": [0, 8]})
        cand.send({"op": "run", "problem": slug, "hidden": True})
        while (view := (await cand.until("run"))["result"])["state"] != "done":
            pass
        assert view["headline"].startswith("✓ Accepted") and view["stats"]["runs"] == 1
        assert "discussion" in view and view["reference"]
        cand.send({"op": "event", "kind": "solution_viewed", "data": {"problem": slug}})
        event = await inter.until("event")
        assert event["data"] == {"problem": slug, "before_solving": False}
        kinds = [e["kind"] for e in hub.store.events(room.session_id)]
        assert kinds.count("solution_viewed") == 1 and kinds.count("complexity_claimed") == 1
        assert "code_reset" not in kinds and "hint_shown" not in kinds
        for c in (inter, cand):
            c.writer.close()
    finally:
        await hub.close()
