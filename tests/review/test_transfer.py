"""Export then import: the same history, reports and due list; importing twice adds nothing."""

import json

import pytest

from mockint.report.collect import build_report
from mockint.review import history, queue, summary, transfer
from mockint.store.answers import Story, save_story
from mockint.store.sessions import Store
from tests.report import scripted
from tests.review.sessions import DAY, START, solve


def same_report(a, sid_a, b, sid_b):
    ra = build_report(a, sid_a, bank_for=scripted.BANKS.get)
    rb = build_report(b, sid_b, bank_for=scripted.BANKS.get)
    ra["session"].pop("id")
    rb["session"].pop("id")
    return ra == rb


def view(store, now):
    queue.refresh_all(store)
    rows = [r.to_json() | {"id": None} for r in history.sessions(store)]
    return rows, [d.to_json() for d in queue.due(store, now)]


def test_round_trip_into_an_empty_database_and_twice(tmp_path, store, clock, utc):
    # Ids in the source start high, so a remapping bug cannot hide behind equal ids.
    store.conn.execute(
        "INSERT INTO sessions (id, scenario_id, title, scenario_json, created_at,"
        " alive_at) VALUES (40, 'x', 'x', '{}', 0, 0)"
    )
    store.conn.execute("DELETE FROM sessions WHERE id = 40")
    loop = scripted.build(store)
    story = save_story(store, Story(None, "Churn fix", ["ownership"], {"situation": "s"}), START)
    store.conn.execute(
        "UPDATE answers SET ratings = json_set(ratings, '$.story_id', ?) WHERE question_id = ?",
        (story, "disagreement"),
    )
    a = solve(store, clock, "top-k", "wrong_answer")
    clock.advance(DAY)
    solve(store, clock, "edit-distance", "accepted", hint=True)
    doc = transfer.export_data(store)
    assert doc["format"] == "mockint-export" and doc["version"] == 1 and doc["schema"] >= 5
    json.dumps(doc)  # one JSON document

    target = Store(tmp_path / "other.db")
    target.conn.execute(
        "INSERT INTO sessions (id, scenario_id, title, scenario_json, created_at,"
        " alive_at) VALUES (7, 'y', 'mine', '{}', 1, 1)"
    )  # already there
    counts = transfer.import_data(target, json.loads(json.dumps(doc)))
    assert counts == {"added": 3, "replaced": 0, "skipped": 0, "stories_added": 1}
    now = START + 2 * DAY
    src_rows, src_due = view(store, now)
    dst_rows, dst_due = view(target, now)
    assert dst_due == src_due and src_due
    assert [r for r in dst_rows if r["title"] != "mine"] == src_rows
    ids = {r.title: r.id for r in history.sessions(target)}
    new_loop = ids["Report test loop"]
    assert new_loop != loop
    assert same_report(store, loop, target, new_loop)
    # The story bank came along and the answer still points at it.
    (new_story,) = [r[0] for r in target.conn.execute("SELECT id FROM stories")]
    ratings = target.conn.execute(
        "SELECT ratings FROM answers WHERE session_id = ? AND question_id = 'disagreement'",
        (new_loop,),
    ).fetchone()[0]
    assert json.loads(ratings)["story_id"] == new_story
    assert target.conn.execute("SELECT session_id FROM stories").fetchone()[0] is None

    before = transfer.export_data(target)
    counts = transfer.import_data(target, doc)
    assert counts == {"added": 0, "replaced": 0, "skipped": 3, "stories_added": 0}
    after = transfer.export_data(target)
    before.pop("exported_at"), after.pop("exported_at")
    assert after == before
    assert view(target, now) == (dst_rows, dst_due)
    target.close()
    del a


def test_a_later_state_of_a_session_replaces_the_earlier(tmp_path, store, clock):
    sid = solve(store, clock, "top-k", "wrong_answer")
    early = transfer.export_data(store)
    store.conn.execute("UPDATE sessions SET alive_at = alive_at + 60, status = 'abandoned'")
    late = transfer.export_data(store)
    target = Store(tmp_path / "t.db")
    assert transfer.import_data(target, early)["added"] == 1
    assert transfer.import_data(target, late) == {
        "added": 0,
        "replaced": 1,
        "skipped": 0,
        "stories_added": 0,
    }
    assert [r.status for r in history.sessions(target)] == ["abandoned"]
    assert transfer.import_data(target, early)["skipped"] == 1  # an older state changes nothing
    target.close()
    del sid


@pytest.mark.parametrize(
    ("doc", "message"),
    [
        ([], "not a mockint export"),
        ({"format": "mockint-export", "version": 9, "sessions": [], "stories": []}, "newer"),
        ({"format": "mockint-export", "version": 1, "stories": []}, "sessions: missing"),
        (
            {"format": "mockint-export", "version": 1, "sessions": [{"id": 1}], "stories": []},
            "sessions[0]: missing field",
        ),
    ],
)
def test_bad_documents_are_one_clear_error_and_change_nothing(store, doc, message):
    with pytest.raises(transfer.TransferError, match=message.replace("[", r"\[")):
        transfer.import_data(store, doc)
    assert store.conn.execute("SELECT count(*) FROM sessions").fetchone()[0] == 0


def test_cli_export_and_import(tmp_path, store, clock, cli):
    solve(store, clock, "top-k", "accepted")
    out = tmp_path / "all.json"
    res = cli("export", "-o", str(out), "--db", str(store.path))
    assert res.returncode == 0, res.stderr
    assert json.loads(out.read_text())["sessions"][0]["grading_runs"][0]["verdict"] == "accepted"
    other = tmp_path / "other.db"
    res = cli("import", str(out), "--db", str(other))
    assert res.returncode == 0, res.stderr
    assert "1 sessions added" in res.stdout
    res = cli("import", str(out), "--db", str(other))
    assert "0 sessions added, 0 updated, 1 already present" in res.stdout
    bad = tmp_path / "bad.json"
    bad.write_text("{nope")
    res = cli("import", str(bad), "--db", str(other))
    assert res.returncode == 2 and res.stderr.startswith(f"mockint: {bad}: not JSON")
    assert "Traceback" not in res.stderr
    summary.refresh(Store(other))


def damaged(doc: dict, how: str) -> dict:
    """A copy of an export with one part damaged, as a truncated edit or a merge gone
    wrong leaves it."""
    bad = json.loads(json.dumps(doc))
    s = bad["sessions"][0]
    if how == "session_is_text":
        bad["sessions"][0] = "sessions"
    elif how == "stage_is_text":
        s["stages"][0] = "idx"
    elif how == "run_result_is_text":
        s["grading_runs"][0]["result"] = "accepted"
    elif how == "scenario_empty":
        s["scenario"] = {}
    elif how == "at_is_text":
        s["events"][0]["at"] = "yesterday"
    return bad


@pytest.mark.parametrize(
    ("how", "where"),
    [
        ("session_is_text", "sessions[0]: not an object"),
        ("stage_is_text", "sessions[0].stages[0]: not an object"),
        ("run_result_is_text", "sessions[0].grading_runs[0].result"),
        ("scenario_empty", "sessions[0].scenario: not a scenario"),
        ("at_is_text", "sessions[0].events[0].at: not a number"),
    ],
)
def test_import_checks_the_whole_file_before_it_touches_a_database(
    tmp_path, store, clock, cli, how, where
):
    solve(store, clock, "top-k", "accepted")
    doc = damaged(transfer.export_data(store), how)
    path = tmp_path / "damaged.json"
    path.write_text(json.dumps(doc))
    target = tmp_path / "new.db"
    res = cli("import", str(path), "--db", str(target))
    assert res.returncode == 2, res.stdout
    assert res.stderr == f"mockint: {path}: {where}" + res.stderr.split(where, 1)[1]
    assert res.stderr.count("\n") == 1 and "Traceback" not in res.stderr
    assert not target.exists()  # no empty database left behind


def test_import_of_a_binary_file_and_a_directory_as_db_are_one_line(tmp_path, cli):
    blob = tmp_path / "photo.jpg"
    blob.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)))
    target = tmp_path / "new.db"
    res = cli("import", str(blob), "--db", str(target))
    assert res.returncode == 2
    assert res.stderr.startswith(f"mockint: {blob}: not a mockint export")
    assert res.stderr.count("\n") == 1 and not target.exists()
    folder = tmp_path / "folder"
    folder.mkdir()
    lines = set()
    for args in (
        ["history"],
        ["import", str(blob)],
        ["next"],
        ["plan"],
        ["export"],
        ["report", "1"],
        ["run"],
        ["resume"],
        ["doctor"],
        ["replay", "1"],
        ["pair-report", "1"],
        ["pair"],
        ["serve", "--port", "0"],
    ):
        res = cli(*args, "--db", str(folder))
        assert res.returncode == 2 and res.stderr.count("\n") == 1, (args, res.stderr)
        assert "Usage:" not in res.stderr and "Traceback" not in res.stderr
        lines.add(res.stderr.replace(str(blob), "FILE"))
    assert {line.split(":", 1)[0] for line in lines} == {"mockint"}
    assert {line for line in lines if "is a directory" in line} == {
        f"mockint: {folder}: is a directory, not a database file\n"
    }
