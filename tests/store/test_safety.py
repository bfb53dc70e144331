"""The store's promises: special files refused, refused writes kept and retried, one writer
per session, stale holders taken over, damaged files recovered by `mockint doctor`."""

from __future__ import annotations

import asyncio
import gc
import os
import sqlite3
import subprocess
import sys
import textwrap

import pytest
import sqlite_utils

from mockint.engine.clock import FakeClock
from mockint.recording import resume_session, start_session
from mockint.scenario.catalog import find_scenario
from mockint.store.backup import backup as make_backup
from mockint.store.backup import backups_of
from mockint.store.db import StoreDamaged, StoreError
from mockint.store.locks import Lease, SessionBusy, SessionTaken
from mockint.store.sessions import Store


# -- special files ---------------------------------------------------------------------
@pytest.mark.parametrize("kind", ["devnull", "directory", "fifo"])
def test_special_files_are_refused_and_nothing_is_created(tmp_path, cli, kind):
    if kind == "devnull":
        path = "/dev/null"
        watch = "/dev"
    elif kind == "directory":
        path = str(tmp_path / "adir")
        os.mkdir(path)
        watch = str(tmp_path)
    else:
        path = str(tmp_path / "pipe")
        os.mkfifo(path)
        watch = str(tmp_path)
    before = sorted(os.listdir(watch))
    for args in (("resume", "--db", path), ("report", "1", "--db", path), ("doctor", "--db", path)):
        res = cli(*args, timeout=30)
        assert res.returncode == 2, (args, res.stdout, res.stderr)
        lines = res.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"mockint: {path}: "), res.stderr
        assert "Traceback" not in res.stderr
    assert sorted(os.listdir(watch)) == before  # no -journal, -wal or -shm beside it
    assert not os.path.exists("/dev/null-journal") and not os.path.exists("/dev/null-wal")


def test_special_file_named_by_environment_is_refused_too(cli, monkeypatch):
    env = dict(os.environ, MOCKINT_DB="/dev/null")
    res = cli("resume", env=env)
    assert res.returncode == 2 and "special file" in res.stderr


# -- refused writes are kept ----------------------------------------------------------
class Flaky:
    """Makes the store's writes fail like a full disk until `heal()`."""

    def __init__(self, store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
        self.full = False
        real = store.transaction

        def transaction():  # type: ignore[no-untyped-def]
            if self.full:
                raise StoreError(f"{store.path}: writing failed: the disk is full")
            return real()

        monkeypatch.setattr(store, "transaction", transaction)


def test_code_typed_while_the_disk_is_full_is_saved_when_space_returns(tmp_path, monkeypatch):
    clock = FakeClock()
    store = Store(tmp_path / "m.db")
    session, rec = start_session(
        store, find_scenario("aiml-engineer").subset(["coding"]), clock, pace=1
    )
    session.start()
    changes = []
    rec.on_status = lambda: changes.append(rec.unsaved())
    disk = Flaky(store, monkeypatch)
    rec.snapshot(0, "p", at=clock.now(), elapsed=0, code="a", cursor=(0, 1))
    disk.full = True
    typed = ["ab", "abc", "abcd"]
    for code in typed:
        clock.advance(1)
        assert not rec.snapshot(0, "p", at=clock.now(), elapsed=1, code=code, cursor=(0, 1))
    rec.note(0, "first idea", at=clock.now())
    rec.note(0, "second idea", at=clock.now())  # replaces the queued first one
    rec.heartbeat(session)  # retried, still refused
    assert rec.unsaved() == ["your code", "your notes", "the clock"]
    assert "full" in str(rec.error)
    assert changes[0] == ["your code"]
    disk.full = False
    rec.heartbeat(session)
    assert rec.unsaved() == [] and rec.error is None and changes[-1] == []
    db = sqlite_utils.Database(tmp_path / "m.db")
    codes = [r["code"] for r in db["code_snapshots"].rows_where(order_by="id")]
    assert codes == ["a", *typed]  # every snapshot, in order: the replay is whole
    assert db["notes"].get((1, 0))["body"] == "second idea"


def test_a_run_started_while_full_gets_its_verdict_after(tmp_path, monkeypatch):
    clock = FakeClock()
    store = Store(tmp_path / "m.db")
    session, rec = start_session(
        store, find_scenario("aiml-engineer").subset(["coding"]), clock, pace=1
    )
    disk = Flaky(store, monkeypatch)
    disk.full = True
    ref = rec.start_run(0, "p", kind="submit", at=1.0, elapsed=1.0, code="x = 1")
    rec.finish_run(ref, at=2.0, result={"passed": 1, "total": 1}, verdict="accepted")
    assert ref.id is None and rec.unsaved() == ["the submit", "the verdict"]
    disk.full = False
    assert rec.flush()
    row = sqlite_utils.Database(tmp_path / "m.db")["grading_runs"].get(ref.id)
    assert row["verdict"] == "accepted" and row["code"] == "x = 1"


# -- one writer per session -----------------------------------------------------------
def _session(tmp_path):
    clock = FakeClock()
    store = Store(tmp_path / "m.db")
    session, rec = start_session(
        store, find_scenario("aiml-engineer").subset(["coding"]), clock, pace=1
    )
    return clock, store, session, rec


def test_a_second_instance_is_told_who_holds_the_session(tmp_path):
    clock, store, session, rec = _session(tmp_path)
    other = Store(tmp_path / "m.db")
    with pytest.raises(SessionBusy) as busy:
        resume_session(other, other.load(rec.session_id), clock)
    assert busy.value.holder.pid == os.getpid()
    assert f"pid {os.getpid()}" in str(busy.value) and "since" in str(busy.value)
    # Taking over after confirming: the first holder learns it on its next heartbeat and
    # writes nothing more.
    s2, rec2 = resume_session(other, other.load(rec.session_id), clock, take_over=True)
    with pytest.raises(SessionTaken):
        rec.heartbeat(session)
    rec2.heartbeat(s2)
    rec2.close()
    # Released on close: the next instance needs no confirmation.
    third = Store(tmp_path / "m.db")
    resume_session(third, third.load(rec.session_id), clock)


def test_a_holder_whose_process_died_is_taken_over_without_asking(tmp_path):
    db = tmp_path / "m.db"
    clock, store, session, rec = _session(tmp_path)
    sid = rec.session_id
    rec.close()
    store.close()
    # Another process takes the session and is killed with SIGKILL: its row stays behind.
    code = textwrap.dedent(
        f"""
        import os, signal
        from mockint.store.locks import Lease
        from mockint.store.sessions import Store
        Lease(Store({str(db)!r}), {sid}).claim()
        os.kill(os.getpid(), signal.SIGKILL)
        """
    )
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=60)
    assert res.returncode == -9
    again = Store(db)
    left = Lease(again, sid).holder()
    assert left is not None and left.pid != os.getpid()  # the dead process's row
    s2, rec2 = resume_session(again, again.load(sid), clock)  # no SessionBusy
    assert Lease(again, sid).holder().token == rec2.lease.token


def test_a_dropped_instance_in_this_process_is_stale_too(tmp_path):
    clock, store, session, rec = _session(tmp_path)
    sid = rec.session_id
    del session, rec
    gc.collect()
    other = Store(tmp_path / "m.db")
    resume_session(other, other.load(sid), clock)


# -- backups ---------------------------------------------------------------------------
def test_rolling_backup_keeps_the_last_few(tmp_path):
    clock, store, session, rec = _session(tmp_path)
    made = [make_backup(store, keep=3, now=1_700_000_000 + i) for i in range(5)]
    kept = backups_of(store.path)
    assert kept == made[-3:]
    copy = sqlite3.connect(kept[-1])
    assert copy.execute("SELECT COUNT(*) FROM sessions").fetchone()[0] == 1
    assert oct(kept[-1].stat().st_mode & 0o777) == "0o600"


# -- damaged files ---------------------------------------------------------------------
def _damaged_db(path, sessions=3, events=600):
    """A database with a run of events that spans many pages, then one page overwritten."""
    store = Store(path)
    clock = FakeClock()
    ids = []
    for _ in range(sessions):
        session, rec = start_session(
            store, find_scenario("aiml-engineer").subset(["coding"]), clock, pace=1
        )
        ids.append(rec.session_id)
        rec.close()
    for i in range(events):
        store.add_event(ids[i % sessions], 0, "note", at=float(i), data={"pad": "x" * 300, "i": i})
    store.conn.raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    size = path.stat().st_size
    page = 4096
    victim = (size // page) * 2 // 3  # a page in the middle of the events
    with open(path, "r+b") as f:
        f.seek(victim * page)
        f.write(b"\xa5" * page)
    return ids, events


def test_doctor_recovers_the_readable_rows_and_keeps_the_old_file(tmp_path, cli):
    db = tmp_path / "m.db"
    ids, total = _damaged_db(db)
    res = cli("doctor", "--check", "--db", str(db))
    assert res.returncode == 1 and "damaged" in res.stdout
    res = cli("doctor", "--db", str(db))
    assert res.returncode == 0, res.stderr
    assert "Recovered" in res.stdout and "kept as" in res.stdout
    kept = [p for p in os.listdir(tmp_path) if p.startswith("m.db.damaged-")]
    assert kept, os.listdir(tmp_path)
    fresh = sqlite_utils.Database(db)
    assert fresh.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    got = fresh["events"].count
    assert total * 0.8 < got < total, got  # most rows back; the damaged page's are gone
    assert sorted(r["id"] for r in fresh["sessions"].rows) == ids
    res = cli("doctor", "--db", str(db))
    assert res.returncode == 0 and "ok" in res.stdout


def test_every_command_on_a_damaged_file_is_one_line(tmp_path, cli):
    db = tmp_path / "m.db"
    ids, _ = _damaged_db(db)
    # The events table is damaged: the report reads it.
    res = cli("report", str(ids[0]), "--db", str(db))
    assert res.returncode == 2, res.stdout
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and "damaged" in lines[0] and "mockint doctor" in lines[0]


def test_store_reads_raise_store_errors_not_sqlite_errors(tmp_path):
    db = tmp_path / "m.db"
    ids, _ = _damaged_db(db)
    store = Store(db)
    with pytest.raises(StoreDamaged):
        store.events(ids[0])


def _damaged_sessions(path, sessions=400):
    """Many sessions, so the sessions table spans pages, then one of them overwritten."""
    store = Store(path)
    clock = FakeClock()
    sc = find_scenario("aiml-engineer").subset(["coding"])
    for _ in range(sessions):
        store.create_session(
            {**_scenario_dict(sc), "description": "x" * 200}, pace=1, now=clock.now()
        )
    store.conn.raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    raw = sqlite3.connect(path)
    root = raw.execute("SELECT rootpage FROM sqlite_master WHERE name = 'sessions'").fetchone()[0]
    raw.close()
    with open(path, "r+b") as f:  # the table's root page: every read of it fails
        f.seek((root - 1) * 4096)
        f.write(b"\xa5" * 4096)


def _scenario_dict(sc):
    from mockint.scenario.serialize import scenario_to_dict

    return scenario_to_dict(sc)


def test_commands_on_a_damaged_sessions_table_are_one_line(tmp_path, cli):
    db = tmp_path / "m.db"
    _damaged_sessions(db)
    for args in (("resume",), ("report", "1"), ("run", "--stages", "coding")):
        res = cli(*args, "--db", str(db), timeout=60)
        assert res.returncode == 2, (args, res.stdout[-500:], res.stderr)
        lines = res.stderr.strip().splitlines()
        assert len(lines) == 1 and "mockint doctor" in lines[0], (args, res.stderr)


async def test_the_app_on_a_damaged_file_ends_with_one_line(tmp_path):
    from mockint.tui.app import MockintApp

    db = tmp_path / "m.db"
    _damaged_sessions(db)
    app = MockintApp(Store(db), default_scenario=find_scenario("aiml-engineer"))
    await asyncio.wait_for(app.run_async(headless=True, size=(80, 24)), 60)
    assert app.return_code == 2
    assert app.fatal_message.startswith(f"mockint: {db}: the database is damaged")
    assert "mockint doctor" in app.fatal_message
