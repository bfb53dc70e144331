"""The stage screens of pair mode as people use them (Pilot, against the real hub where the
exact messages matter): the cursor mirror, the design outline and scratchpad, the live STAR
check, what is stored, and that no plan sent to a candidate holds anything private."""

from __future__ import annotations

import asyncio
import json
import os
import re

from mockint.pair.content import public_plan, stage_plan
from mockint.pair.hub import Hub
from mockint.store.answers import answers
from tests.conftest import run_cli
from tests.pair.scripted import Sent, plan, start
from tests.pair.test_hub_rules import Client


async def until(pilot, predicate, timeout: float = 20.0) -> None:
    loop = asyncio.get_running_loop()
    end = loop.time() + timeout
    while not predicate():
        assert loop.time() < end, "timed out waiting"
        await pilot.pause(0.05)


def focused_field(app) -> str:
    """The room's id of the field the candidate's cursor is in (the solo screens name their
    areas `field-<name>`; the screen maps a name to the room's field)."""
    return app.screen.field_id(app.focused.id.removeprefix("field-"))


async def open_round(hub: Hub, path: str, stage: str):
    """A room with the given stage live: the tickets, and a raw client for the interviewer."""
    t_int = hub.join("key:SHA256:test")
    assert t_int is not None
    t_cand = hub.join(f"code:{t_int.room.code}")
    assert t_cand is not None
    inter = await Client.connect(path, t_int.token)
    inter.send({"op": "setup", "scenario": "aiml-engineer", "stages": [stage]})
    while (await inter.until("state"))["phase"] != "live":
        pass
    return t_int, t_cand, inter


# -- private data ----------------------------------------------------------------------
def test_no_public_plan_holds_the_banks_or_problems_private_material(tmp_path):
    from mockint.recording import resolve_content
    from mockint.scenario.catalog import find_scenario
    from mockint.store.sessions import Store

    sc = resolve_content(find_scenario("aiml-engineer"), Store(tmp_path / "x.db"))
    kinds = set()
    for i, st in enumerate(sc.stages):
        p = stage_plan(st, i, len(sc.stages))
        kinds.add(p["kind"])
        priv = p["private"]
        secrets = [h for hints in priv["hints"].values() for h in hints]
        for info in priv["questions"].values():
            secrets += info["key_points"] + info["look_for"]
            secrets += [f["text"] for f in info["follow_ups"]]
        secrets += priv["criteria"]
        assert secrets, st.id  # the check below has something to look for
        sent = json.dumps(public_plan(p))
        assert "private" not in json.loads(sent)
        for s in secrets:
            assert s not in sent, (st.id, s)
        if p["kind"] == "system_design":
            # The new design data: phases and their fields, all public.
            assert [ph["id"] for ph in p["phases"]] == [ph.id for ph in st.phases]
            ids = [f["id"] for f in p["fields"]]
            qid = st.questions[0]
            assert ids == [f"design:{qid}:{ph.id}" for ph in st.phases] + [
                f"design:{qid}:scratchpad"
            ]
    assert {"coding", "system_design", "behavioural"} <= kinds


# -- the cursor mirror -----------------------------------------------------------------
async def test_the_candidates_cursor_reaches_the_hub_at_its_exact_place(tmp_path):
    from mockint.pair.app import PairApp

    hub = Hub(tmp_path / "h.db")
    path = await hub.start(str(tmp_path / "sock"))
    try:
        t_int, t_cand, inter = await open_round(hub, path, "coding")
        fid = t_int.room.plans[0]["fields"][0]["id"]
        # A known text (problems are drawn at random): as if typed before a reconnect.
        t_int.room.fields[fid] = {"text": "def f(x):\n    y = x\n    return y\n", "cursor": [0, 0]}
        starter = t_int.room.fields[fid]["text"].splitlines()
        app = PairApp(path, t_cand.token)
        async with app.run_test(size=(120, 40)) as pilot:
            await until(pilot, lambda: type(app.screen).__name__ == "CandidateCodingScreen")
            await pilot.pause(0.2)
            await pilot.press("down", "down", "end", "z", "z")
            want = [2, len(starter[2]) + 2]
            await until(pilot, lambda: t_int.room.fields[fid]["cursor"] == want)
            await pilot.press("left", "left", "left")
            want = [2, len(starter[2]) - 1]
            await until(pilot, lambda: t_int.room.fields[fid]["cursor"] == want)
            await pilot.press("up")
            await until(pilot, lambda: t_int.room.fields[fid]["cursor"][0] == 1)
        line3 = t_int.room.fields[fid]["text"].splitlines()[2]
        assert line3 == starter[2] + "zz"
        # What the interviewer's process was sent, in order: the last is where it rests.
        got = [m for m in await inter.drain(0.5) if m.get("op") == "field" and m["id"] == fid]
        assert got and got[-1]["cursor"] == t_int.room.fields[fid]["cursor"]
        assert any(m["cursor"] == [2, len(starter[2]) + 2] for m in got)
        inter.writer.close()
    finally:
        await hub.close()


async def test_the_mirror_draws_the_candidates_cursor_where_it_is(tmp_path):
    from mockint.pair.app import PairApp

    hub = Hub(tmp_path / "h.db")
    path = await hub.start(str(tmp_path / "sock"))
    try:
        t_int, t_cand, inter = await open_round(hub, path, "coding")
        inter.writer.close()
        fid = t_int.room.plans[0]["fields"][0]["id"]
        while t_int.conn is not None:  # the raw client is gone; the app takes the seat
            await asyncio.sleep(0.05)
        cand = await Client.connect(path, t_cand.token)
        app = PairApp(path, t_int.token)
        async with app.run_test(size=(120, 40)) as pilot:
            # The solo coding screen, read-only: the candidate's code in its editor.
            await until(pilot, lambda: type(app.screen).__name__ == "InterviewerCodingScreen")
            ta = app.screen.query_one("#editor")
            label = app.screen.query_one("#mirror-label")
            text = "def f(x):\n    y = x\n    return y + 1\n\n"
            for cursor, label_text in (
                ([2, 4], "line 3, col 5"),  # inside a line
                ([2, 16], "line 3, col 17"),  # at its end (a selection there shows nothing)
                ([3, 0], "line 4, col 1"),  # on an empty line
                ([9, 99], "line 5, col 1"),  # beyond the text: clamped
            ):
                cand.send({"op": "field", "id": fid, "text": text, "cursor": cursor})
                want = (min(cursor[0], 4), min(cursor[1], len(text.split("\n")[min(cursor[0], 4)])))
                await until(pilot, lambda w=want: ta.cursor_location == w)
                await until(pilot, lambda t=label_text: t in str(label.render()))
                # Drawn without the focus: the cursor's cell has the cursor style.
                assert not ta.has_focus and ta._draw_cursor
            assert ta.text == text and ta.read_only
        cand.writer.close()
    finally:
        await hub.close()


# -- system design -----------------------------------------------------------------------
async def test_design_candidate_moves_through_the_phases_and_the_pad_evaluates():
    app = Sent()
    st = plan("system-design")
    ids = [f["id"] for f in st["fields"]]
    async with app.run_test(size=(120, 40)) as pilot:
        start(app, "candidate", st)
        await until(pilot, lambda: type(app.screen).__name__ == "CandidateDesignScreen")
        await pilot.pause()
        assert focused_field(app) == ids[0]
        # A burst: text, Tab, text lands in two phases (Tab moves to the next one).
        await pilot.press(*"goals", "tab", *"10M users")
        await until(pilot, lambda: focused_field(app) == ids[1])
        fields = {m["id"]: m["text"] for m in app.sent if m["op"] == "field"}
        assert fields[ids[0]] == "goals" and fields[ids[1]] == "10M users"
        assert [m["id"] for m in app.sent if m["op"] == "focus"][-1] == ids[1]
        await pilot.press("f3")
        assert focused_field(app) == ids[0]
        await pilot.press("f5")
        assert focused_field(app) == ids[-1]
        outline = str(app.screen.query_one("#phase-outline").render())
        # The solo outline: the scratchpad marked current, each phase with its planned minutes.
        assert "▶ Scratchpad (F5)" in outline
        assert re.search(r"  Requirements\n +00:00 of 05:00-10:00", outline), outline
        await pilot.press(*"qps = 50M * 20 / day", "enter", *"x = 2 +")
        await pilot.pause(0.1)
        results = str(app.screen.query_one(".pad-results").render())
        assert results.splitlines()[:2] == ["qps = 11,574 /s (11.6K)", "error: not an expression"]
        assert fields  # the pad's text went to the hub too
        assert [m for m in app.sent if m["op"] == "field"][-1]["text"].startswith("qps = 50M")


async def test_design_mirror_follows_the_candidate_and_evaluates_the_pad():
    app = Sent()
    st = plan("system-design")
    ids = [f["id"] for f in st["fields"]]
    async with app.run_test(size=(120, 40)) as pilot:
        start(app, "interviewer", st, fields={ids[0]: {"text": "low latency", "cursor": [0, 3]}})
        await until(pilot, lambda: type(app.screen).__name__ == "InterviewerDesignScreen")
        await pilot.pause()
        outline = str(app.screen.query_one("#phase-outline").render())
        # The phase the candidate is in, and the words written in each on the mirror.
        assert "▶ Requirements · 2w" in outline
        assert "line 1, col 4" in str(app.screen.query_one("#mirror-label").render())
        app._dispatch({"op": "focus", "id": ids[-1]})
        app._dispatch({"op": "field", "id": ids[-1], "text": "s = 1TB / 4KB", "cursor": [0, 13]})
        await pilot.pause(0.1)
        assert app.screen.query_one("#design-switch").current == "pad-box"
        assert "s = 250,000,000 (250M)" in str(app.screen.query_one(".pad-results").render())
        assert "▶ Scratchpad (F5)" in str(app.screen.query_one("#phase-outline").render())
        # F8 looks at another phase; the candidate moving brings the mirror back to them.
        await pilot.press("f8")
        first, third = (f["phase"] for f in (st["fields"][0], st["fields"][2]))
        assert app.screen.query_one("#design-switch").current == f"field-{first}"
        assert "browsing" in str(app.screen.query_one("#mirror-label").render())
        app._dispatch({"op": "focus", "id": ids[2]})
        await pilot.pause(0.1)
        assert app.screen.query_one("#design-switch").current == f"field-{third}"
        # Read-only: the interviewer's keys go to the private notes, never to the mirror.
        await pilot.press(*"mine")
        assert app.screen.query_one("#notes").text == "mine"
        assert not [m for m in app.sent if m["op"] == "field"]


async def test_design_answers_are_stored_per_question_like_the_solo_screen(tmp_path):
    db = os.environ["MOCKINT_DB"]
    hub = Hub(db)
    path = await hub.start(str(tmp_path / "sock"))
    try:
        t_int, t_cand, inter = await open_round(hub, path, "system-design")
        room = t_int.room
        qid = room.session.run.stage.questions[0]
        cand = await Client.connect(path, t_cand.token)
        await cand.until("state")
        notes = {
            "requirements": "Serve PHASEREQ recommendations under 100 ms",
            "capacity": "PHASECAP peak 12k qps",
            "scratchpad": "qps = 50M * 20 / day",
        }
        for name, text in notes.items():
            cand.send({"op": "field", "id": f"design:{qid}:{name}", "text": text, "cursor": [0, 1]})
        await inter.until("field")
        for _ in range(50):
            if all(room.fields[f"design:{qid}:{n}"]["text"] == t for n, t in notes.items()):
                break
            await asyncio.sleep(0.05)
        hub._flush(room)
        hub._flush(room)
        sid = room.session_id
        rows = answers(hub.store, sid, 0)
        assert [r.question_id for r in rows] == [qid]
        stored = rows[0].fields
        for name, text in notes.items():
            assert stored[name] == text
        assert set(stored) == {p.id for p in room.session.run.stage.phases} | {"scratchpad"}
        for c in (inter, cand):
            c.writer.close()
    finally:
        await hub.close()
    # The solo report's design section reads them: phase notes and the scratchpad.
    res = run_cli("report", str(sid))
    assert res.returncode == 0, res.stderr
    assert "PHASEREQ" in res.stdout and "PHASECAP" in res.stdout
    assert "qps = 50M * 20 / day" in res.stdout


# -- behavioural -------------------------------------------------------------------------
async def test_star_check_is_live_on_both_screens():
    st = plan("behavioural")
    ids = {f["part"]: f["id"] for f in st["fields"]}
    cand = Sent()
    async with cand.run_test(size=(120, 40)) as pilot:
        start(cand, "candidate", st)
        await until(pilot, lambda: type(cand.screen).__name__ == "CandidateStarScreen")
        await pilot.pause()
        await pilot.press(*"We had churn.", "tab", *"I owned it.", "tab")
        await pilot.press(*"I rebuilt the features and I retrained the model weekly.", "tab")
        await pilot.press(*"Churn fell 12%.")
        await pilot.pause(0.1)
        check = str(cand.screen.query_one("#star-guide").render())
        assert "Live STAR check" in check
        assert "✓ Result has a number" in check and "✗ Reflection written" in check
        sent = {m["id"]: m["text"] for m in cand.sent if m["op"] == "field"}
    assert sent[ids["result"]] == "Churn fell 12%."
    inter = Sent()
    async with inter.run_test(size=(120, 40)) as pilot:
        start(inter, "interviewer", st)
        await until(pilot, lambda: type(inter.screen).__name__ == "InterviewerStarScreen")
        await pilot.pause()
        before = str(inter.screen.query_one("#star-guide").render())
        assert "✗ Result has a number" in before
        for fid, text in sent.items():
            inter._dispatch({"op": "field", "id": fid, "text": text, "cursor": [0, len(text)]})
        await pilot.pause(0.1)
        after = str(inter.screen.query_one("#star-guide").render())
        # The same analysis as the candidate's, from the mirrored text.
        assert "✓ Result has a number" in after and "✗ Reflection written" in after
        assert re.search(r"Action +10w", after), after


async def test_only_the_candidate_moves_the_mirror_and_only_to_a_field_of_the_stage(tmp_path):
    hub = Hub(tmp_path / "h.db")
    path = await hub.start(str(tmp_path / "sock"))
    try:
        t_int, t_cand, inter = await open_round(hub, path, "system-design")
        room = t_int.room
        ids = [f["id"] for f in room.plans[0]["fields"]]
        cand = await Client.connect(path, t_cand.token)
        await cand.until("state")
        cand.send({"op": "focus", "id": ids[2]})
        assert (await inter.until("focus"))["id"] == ids[2]
        cand.send({"op": "focus", "id": "notes"})  # not a field of this stage
        inter.send({"op": "focus", "id": ids[0]})  # not the interviewer's to move
        got = await inter.drain(0.5)
        assert not [m for m in got if m.get("op") == "focus"]
        assert room.focus == ids[2]
        # A reconnecting app is told where the candidate is.
        assert hub.state_for(room, t_int).focus == ids[2]
        for c in (inter, cand):
            c.writer.close()
    finally:
        await hub.close()


async def test_the_interviewer_guide_opens_at_the_question_just_asked():
    """The guide lists every question with its points (screens long at 80x24): it scrolls
    so the current one (▶) is on its first visible line."""
    qs = ("background-walkthrough", "overfitting", "precision-recall")
    app = Sent()
    st = plan("phone-screen", questions=qs)
    async with app.run_test(size=(80, 24)) as pilot:
        start(app, "interviewer", st, asked=list(qs))
        await until(pilot, lambda: bool(app.screen.query("#guide-box")))
        assert type(app.screen).__name__ == "InterviewerTalkScreen"
        box = app.screen.query_one("#guide-box")
        await until(pilot, lambda: box.scroll_y > 0)
        guide = app.screen.query_one("#guide")
        # The guide's own drawn line at the top of the scrolled box.
        assert guide.render_line(int(box.scroll_y)).text.lstrip().startswith("▶ Q3.")
        assert not guide.render_line(int(box.scroll_y) - 1).text.strip()  # the blank before it
