"""Replay of a pair round: the candidate's code and the interviewer's track (pushes, clock,
and, in the interviewer's view only, the private notes as they were typed); the hub records
the notes' versions; export/import keeps a pair round whole."""

from __future__ import annotations

import json

import pytest

from mockint.engine.clock import FakeClock
from mockint.report.document import pair_report
from mockint.review import replay as rp
from mockint.review.transfer import export_data, import_data
from mockint.scenario.catalog import find_scenario
from mockint.store.coding import runs
from mockint.store.sessions import Store
from mockint.tui.app import MockintApp
from mockint.tui.screens.replay import ReplayScreen
from mockint.tui.screens.review_nav import open_review
from tests.pair.hubclient import live_room, started_hub
from tests.review.pair_round import CODE, HINT, NOTES, SLUG, pair_round
from tests.review.test_screens import SIZES, steady, until_screen


def test_both_tracks_on_one_clock(store, clock):
    sid = pair_round(store, clock)
    assert rp.default_view(store, sid) == "interviewer"  # "local": this machine's user
    rnd = rp.load(store, sid, 0, SLUG)
    assert rnd.pair is not None and rnd.pair.view == "interviewer"
    cues = [(c.t, c.kind) for c in rnd.pair.cues]
    assert cues == [(25.0, "hint"), (30.0, "paused"), (30.0, "resumed")]
    assert rnd.pair.cues[0].text == HINT
    # The notes as they were at each moment, beside the code of that moment.
    expect = {0: ("", ""), 5: (CODE[0], NOTES[0]), 29: (CODE[1], NOTES[0]),
              39: (CODE[1], NOTES[1]), 40: (CODE[2], NOTES[2])}  # fmt: skip
    for t, (code, notes) in expect.items():
        f = rp.frame(store, rnd, t)
        assert (f.code, f.notes) == (code, notes), t
    graded = runs(store, sid, 0)
    for mark, run in zip(rnd.marks, graded, strict=True):
        f = rp.frame(store, rnd, mark.t)
        assert f.code == run["code"] and f.notes is not None
    line = rp.cue_line_text(rnd, 46)  # one column a second
    assert line[25] == "h" and line[30] == "‖" and line[5] == line[40] == "·"
    # Skipping idle stops at the interviewer's hint too, not only at the candidate's code.
    assert rnd.next_time(20.0) == 25.0


def test_the_candidates_view_has_no_private_notes(store, clock):
    sid = pair_round(store, clock, interviewer="key:SHA256:someone")
    assert rp.default_view(store, sid) == "candidate"
    rnd = rp.load(store, sid, 0, SLUG)
    assert rnd.pair is not None and rnd.pair.view == "candidate"
    assert rnd.pair.note_ids == [] and rp.frame(store, rnd, 40).notes is None
    assert [c.kind for c in rnd.pair.cues] == ["hint", "paused", "resumed"]  # both saw these
    assert "·" not in rp.cue_line_text(rnd, 46)
    mine = rp.load(store, sid, 0, SLUG, view="interviewer")
    assert rp.frame(store, mine, 40).notes == NOTES[2]
    with pytest.raises(ValueError, match="view"):
        rp.load(store, sid, 0, SLUG, view="admin")


def test_a_solo_round_has_no_second_track(store, clock):
    from tests.review.sessions import solve

    sid = solve(store, clock, "top-k", "accepted")
    assert rp.default_view(store, sid) is None
    assert rp.load(store, sid, 0, "top-k").pair is None


def test_export_then_import_keeps_a_pair_round(store, clock, tmp_path):
    sid = pair_round(store, clock)
    from mockint.store import pair as records

    records.save_feedback(store, sid, "local", "interviewer", {"rating": 3, "text": "clear"})
    records.save_feedback(store, sid, "code:abcd-efgh", "candidate", {"rating": 4, "text": "ok"})
    records.save_private(
        store, sid, "local", "rubric", {"scores": {"technical": 3}, "call": "hire"}
    )
    doc = json.loads(json.dumps(export_data(store)))
    other = Store(tmp_path / "other.db")
    try:
        assert import_data(other, doc)["added"] == 1
        new = other.conn.execute("SELECT id FROM sessions").fetchone()[0]
        for view in ("candidate", "interviewer"):
            assert pair_report(other, new, view).replace(f"session {new}", "") == pair_report(
                store, sid, view
            ).replace(f"session {sid}", "")
        a, b = rp.load(store, sid, 0, SLUG), rp.load(other, new, 0, SLUG)
        assert a.pair is not None and b.pair is not None
        assert (b.times, b.pair.cues, b.pair.note_times) == (
            a.times,
            a.pair.cues,
            a.pair.note_times,
        )
        assert rp.frame(other, b, 40).notes == NOTES[2]
        assert import_data(other, doc) == {
            "added": 0,
            "replaced": 0,
            "skipped": 1,
            "stories_added": 0,
        }
        n = other.conn.execute("SELECT count(*) FROM pair_note_history").fetchone()[0]
        assert n == len(NOTES)
    finally:
        other.close()


async def test_the_hub_records_what_the_replay_shows(tmp_path):
    clock = FakeClock()
    hub, path = await started_hub(tmp_path / "h.db", clock, tmp_path / "sock")
    try:
        room, inter, cand = await live_room(hub, path, ["coding"])
        field = room.plans[0]["fields"][0]["id"]
        slug = field.split(":", 1)[1]
        inter.send({"op": "clock", "action": "start"})
        await inter.until("clock")

        async def typed(text: str, notes: str | None = None) -> None:
            clock.advance(10)
            cand.send({"op": "field", "id": field, "text": text, "cursor": [0, len(text)]})
            await inter.until("field")
            if notes is not None:
                inter.send({"op": "notes", "text": notes})
                await inter.drain(0.2)
            hub._flush(room)

        await typed("def f():", "N1")
        inter.send({"op": "push", "kind": "hint", "text": "Think about empty input."})
        await cand.until("push")
        await typed("def f():\n    pass", "N1\nN2")
        cand.send({"op": "run", "problem": slug, "hidden": False})
        while (await cand.until("run"))["result"]["state"] != "done":
            pass
        await typed("def f():\n    return 1", "N1\nN2\nN3")
        cand.send({"op": "run", "problem": slug, "hidden": True})
        while (await cand.until("run"))["result"]["state"] != "done":
            pass
        hub._flush(room)
        sid = room.session_id
        for c in (inter, cand):
            c.writer.close()
    finally:
        await hub.close()
    store = Store(tmp_path / "h.db")
    try:
        rnd = rp.load(store, sid, 0, slug)
        assert rnd.pair is not None and rnd.pair.view == "interviewer"
        assert [c.kind for c in rnd.pair.cues] == ["hint"]
        assert rnd.pair.cues[0].t == pytest.approx(10.0)
        assert [m.kind for m in rnd.marks] == ["run", "submit"]
        assert [m.verdict for m in rnd.marks] == ["wrong_answer", "accepted"]
        assert rnd.times == pytest.approx([10.0, 20.0, 30.0])
        assert [rp.frame(store, rnd, t).notes for t in (10, 20, 30)] == [
            "N1",
            "N1\nN2",
            "N1\nN2\nN3",
        ]
        assert rp.frame(store, rnd, rnd.marks[0].t).code == "def f():\n    pass"
        assert rp.frame(store, rnd, rnd.marks[1].t).code == "def f():\n    return 1"
        # The candidate's copy of the same round: the pushes, never the notes.
        theirs = rp.load(store, sid, 0, slug, view="candidate")
        assert theirs.pair is not None and rp.frame(store, theirs, 30).notes is None
    finally:
        store.close()


def pair_app(tmp_path, interviewer="local"):
    store = Store(tmp_path / "pair.db")
    sid = pair_round(store, FakeClock(1_767_268_800.0), interviewer=interviewer)
    app = MockintApp(store, default_scenario=find_scenario("aiml-engineer"), clock=FakeClock())
    return app, sid


async def test_replay_screen_of_a_pair_round(tmp_path):
    app, sid = pair_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        open_review(app, "replay", sid)
        await until_screen(pilot, ReplayScreen)
        screen = app.screen
        title = str(screen.query_one("#replay-title").render())
        assert "pair round, interviewer's view" in title
        notes = screen.query_one("#replay-notes")
        assert notes.display and screen.query_one("#replay-cues").display
        await pilot.press("n")  # the wrong run at 30 s: the notes of that moment
        assert screen.t == 30.0 and notes.text == NOTES[1]
        assert screen.query_one("#replay-code").text == CODE[1]
        status = str(screen.query_one("#replay-status").render())
        assert "run ✗ wrong answer 1/3" in status and "paused the clock" in status
        marks = [str(o.prompt) for o in screen.query_one("#replay-marks")._options]
        assert f"00:25 hint: {HINT}" in marks
        assert "h" in str(screen.query_one("#replay-cues").render())
        await pilot.press("n")
        assert notes.text == NOTES[2]


async def test_the_candidates_replay_screen_shows_no_notes(tmp_path):
    app, sid = pair_app(tmp_path, interviewer="key:SHA256:someone")
    async with app.run_test(size=(120, 40)) as pilot:
        open_review(app, "replay", sid)
        await until_screen(pilot, ReplayScreen)
        screen = app.screen
        assert "candidate's view" in str(screen.query_one("#replay-title").render())
        assert not screen.query_one("#replay-notes").display
        await pilot.press("n", "n")
        assert screen.query_one("#replay-notes").text == ""
        for n in NOTES:
            assert n.splitlines()[-1] not in app.export_screenshot()


def test_replay_as_needs_a_pair_round(store, clock, cli):
    from tests.review.sessions import solve

    sid = solve(store, clock, "top-k", "accepted")
    res = cli("replay", str(sid), "--as", "interviewer", "--db", str(store.path))
    assert res.returncode == 2
    assert res.stderr.strip() == f"mockint: --as: session {sid} is not a pair round"


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_pair_replay_snapshot(snap_compare, tmp_path, size):
    app, sid = pair_app(tmp_path)

    async def run_before(pilot):
        open_review(pilot.app, "replay", sid)
        await pilot.pause(0.3)
        await pilot.press("n")
        await steady(pilot)

    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("interviewer", ["local", "key:SHA256:someone"])
def test_mockint_report_of_a_pair_round_is_in_your_own_view(store, clock, cli, interviewer):
    sid = pair_round(store, clock, interviewer=interviewer)
    mine = interviewer == "local"
    db = str(store.path)
    md = cli("report", str(sid), "--db", db)
    assert md.returncode == 0, md.stderr
    assert "## Pair round" in md.stdout and f"hint: {HINT}" in md.stdout
    assert ("Fixed it fast." in md.stdout) is mine and ("Interviewer only" in md.stdout) is mine
    doc = json.loads(cli("report", str(sid), "--format", "json", "--db", db).stdout)
    assert doc["pair"]["pushes"][0]["text"] == HINT
    assert ("private_notes" in doc["pair"]) is mine
    page = cli("report", str(sid), "--format", "html", "--db", db).stdout
    assert "<h2>Pair round</h2>" in page and page.rstrip().endswith("</html>")
    assert ("Fixed it fast." in page) is mine


async def test_the_historys_report_of_a_pair_round_has_its_part(tmp_path):
    from mockint.tui.screens.history import open_report

    app, sid = pair_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        open_report(app, sid)
        await pilot.pause()
        assert type(app.screen).__name__ == "ReportScreen"
        assert "## Pair round" in app.screen.markdown and NOTES[2] in app.screen.markdown


def test_a_hint_pushed_in_a_pair_round_is_charged_like_a_solo_hint(store, clock):
    from mockint.report.collect import build_report

    sid = pair_round(store, clock)  # one typed hint pushed at t=25
    [stage] = build_report(store, sid)["stages"]
    assert stage["content"]["hints_other"] == 1
    parts = {p["name"]: p for p in stage["score"]["parts"]}
    assert parts["hints"]["value"] == 1
    assert "1 hint at" in parts["hints"]["why"]
