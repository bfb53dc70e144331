"""The data directory is the user's alone: 0700, and the database with its -wal, -shm and
-journal files 0600, whatever the umask; looser modes are fixed at every start with a line;
another user cannot read any file of it (checked as an ordinary user with setpriv)."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from mockint.paths import user_data_dir
from mockint.store.sessions import Store
from tests.conftest import run_cli

OTHER_USER = ["setpriv", "--reuid=1000", "--regid=1000", "--clear-groups"]


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@contextlib.contextmanager
def umask(value: int):
    old = os.umask(value)
    try:
        yield
    finally:
        os.umask(old)


@pytest.mark.parametrize("mask", [0o022, 0o077])
def test_new_data_is_private_whatever_the_umask(mask, monkeypatch, tmp_path):
    db = user_data_dir() / "mockint.db"
    monkeypatch.setenv("MOCKINT_DB", str(db))
    with umask(mask):
        store = Store(db)
        try:
            store.conn.execute("CREATE TABLE t (x)")  # the -wal and -shm files exist now
            store.conn.execute("INSERT INTO t VALUES ('a private note')")
            files = [db, Path(f"{db}-wal"), Path(f"{db}-shm")]
            assert all(f.exists() for f in files)
            assert {f.name: mode(f) for f in files} == {f.name: 0o600 for f in files}
            assert mode(user_data_dir()) == 0o700
            assert mode(user_data_dir().parent) == 0o700  # made here: private too
        finally:
            store.close()
    # A database elsewhere (--db): its new folder is private, its files too.
    other = tmp_path / "elsewhere" / "deep" / "my.db"
    with umask(0o022):
        Store(other).close()
    assert mode(other) == 0o600 and mode(other.parent) == 0o700


def test_loose_modes_are_fixed_at_start_with_a_line(tmp_path, monkeypatch):
    db = user_data_dir() / "mockint.db"
    monkeypatch.setenv("MOCKINT_DB", str(db))
    Store(db).close()
    loose = [db, Path(f"{db}-wal"), Path(f"{db}-shm"), Path(f"{db}-journal")]
    for f in loose:
        f.touch()
        f.chmod(0o644)
    user_data_dir().chmod(0o755)
    res = run_cli("history", "--json")
    assert res.returncode == 0, res.stderr
    lines = res.stderr.splitlines()
    for path, was, now in [(user_data_dir(), "0755", "0700")] + [
        (f, "0644", "0600") for f in loose
    ]:
        line = f"mockint: {path} could be read by other users (mode {was}); it is now {now}."
        assert line in lines, res.stderr
    assert mode(user_data_dir()) == 0o700
    assert all(mode(f) == 0o600 for f in loose if f.exists())  # SQLite removes some at exit
    again = run_cli("history", "--json")  # fixed once: the next start says nothing
    assert "could be read" not in again.stderr


@pytest.mark.slow
def test_another_user_cannot_read_any_file_of_the_data_directory():
    if os.getuid() != 0 or shutil.which("setpriv") is None:
        pytest.fail("this test runs as root with setpriv (util-linux), as CI does")
    # A folder every user can walk into, unlike pytest's own (0700): only mockint's modes
    # stand between the other user and the data.
    root = Path(tempfile.mkdtemp(prefix="mockint-private-", dir="/tmp"))
    try:
        root.chmod(0o755)
        control = root / "readable.txt"
        control.write_text("anyone may read this")
        control.chmod(0o644)
        env = {k: v for k, v in os.environ.items() if k != "MOCKINT_DB"}
        env["XDG_DATA_HOME"] = str(root / "share")
        (root / "keys").touch()
        log = root / "serve.out"
        with log.open("wb") as out:
            server = subprocess.Popen(
                [sys.executable, "-m", "mockint", "serve", "--port", "0",
                 "--authorized-keys", str(root / "keys")],
                stdout=out, stderr=subprocess.STDOUT, env=env,
                preexec_fn=lambda: os.umask(0o022),
            )  # fmt: skip
        try:
            end = time.monotonic() + 60
            while "listening on" not in log.read_text():
                assert server.poll() is None and time.monotonic() < end, log.read_text()
                time.sleep(0.1)
            data = root / "share" / "mockint"
            files = [p for p in data.rglob("*") if p.is_file()]
            names = {p.name for p in files}
            assert {"mockint.db", "mockint.db-wal", "mockint.db-shm", "serve.json"} <= names
            for path in [control, *files]:
                res = subprocess.run(
                    [*OTHER_USER, "cat", str(path)], capture_output=True, timeout=30
                )
                if path == control:  # the check can fail: this user reads what is open
                    assert res.returncode == 0 and res.stdout == b"anyone may read this"
                else:
                    assert res.returncode != 0, path
                    assert b"Permission denied" in res.stderr, (path, res.stderr)
            for f in ("mockint.db", "mockint.db-wal", "mockint.db-shm"):
                assert mode(data / f) == 0o600, f
            assert mode(data) == 0o700
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(30)
    finally:
        shutil.rmtree(root, ignore_errors=True)
