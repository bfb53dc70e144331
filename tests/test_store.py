import gc
import sqlite3

import pytest
import sqlite_utils

from mockint.engine.clock import FakeClock
from mockint.recording import resume_session, start_session
from mockint.scenario.catalog import find_scenario
from mockint.store.db import StoreError
from mockint.store.migrations import LATEST
from mockint.store.sessions import Store


def test_schema_wal_and_version(tmp_path):
    path = tmp_path / "m.db"
    Store(path).close()
    db = sqlite_utils.Database(path)
    assert {"sessions", "stages", "events", "notes"} <= set(db.table_names())
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA user_version").fetchone()[0] == LATEST
    # Opening again migrates nothing and keeps the data.
    Store(path).close()


def test_not_a_database_is_a_clear_error(tmp_path):
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError) as err:
        Store(path)
    assert str(path) in str(err.value) and "not a usable mockint database" in str(err.value)
    assert path.read_bytes().startswith(b"this is not sqlite")  # nothing overwritten


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "new.db"
    con = sqlite3.connect(path)
    con.execute(f"PRAGMA user_version={LATEST + 5}")
    con.close()
    with pytest.raises(StoreError, match="newer mockint"):
        Store(path)


def test_events_stages_and_resume_round_trip(tmp_path):
    clock = FakeClock()
    store = Store(tmp_path / "m.db")
    sc = find_scenario("aiml-engineer").paced(0.5)
    session, recorder = start_session(store, sc, clock, pace=0.5)
    session.skip_stage()
    session.start()
    clock.advance(40)
    recorder.heartbeat(session)
    store.save_note(recorder.session_id, 1, "two pointers")
    clock.advance(3)  # typed but not yet heart-beaten: lost at most one heartbeat
    # The app dies here (its lease on the session goes with it). Ten minutes later it comes back.
    del session, recorder
    gc.collect()
    clock.advance(600)
    store.close()
    store = Store(tmp_path / "m.db")
    [rec] = store.unfinished()
    assert rec.current_stage == 1 and rec.stages[1].state == "running"
    assert rec.notes == {1: "two pointers"}
    s2, _ = resume_session(store, rec, clock)
    assert s2.current == 1 and s2.run.state.value == "paused"
    assert s2.elapsed() == 40
    assert s2.runs[0].skipped
    rows = sqlite_utils.Database(tmp_path / "m.db")["events"].rows_where(order_by="id")
    kinds = [r["kind"] for r in rows]
    assert kinds == ["stage_skipped", "stage_started", "recovered"]
    recovered = next(
        iter(sqlite_utils.Database(tmp_path / "m.db")["events"].rows_where("kind = 'recovered'"))
    )
    assert '"dead_seconds": 603' in recovered["data"]


def test_finished_sessions_are_not_offered_for_resume(tmp_path):
    clock = FakeClock()
    store = Store(tmp_path / "m.db")
    sc = find_scenario("aiml-engineer").subset(["coding"])
    session, _ = start_session(store, sc, clock, pace=1)
    session.start()
    clock.advance(5)
    session.finish_stage()
    assert store.unfinished() == []
    row = store.load(1)
    assert row.status == "finished" and row.finished_at is not None
    assert row.stages[0].elapsed_s == 5


def test_a_linked_story_is_not_a_self_rating():
    from mockint.store.answers import AnswerRow

    row = AnswerRow(0, "q", 0, ratings={"rubric": 4, "story_id": 17})
    assert row.self_ratings() == (4.0,)
    assert AnswerRow(0, "q", 0, ratings={"story_id": 3}).self_ratings() == ()
