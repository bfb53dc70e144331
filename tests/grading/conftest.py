"""Warm grading workers shared by the grading tests (each must keep serving throughout).

`judge` is the worker as the test process's own user. `judge_as("root")` and
`judge_as("user")` start one as root and one as an ordinary user (uid MOCKINT_TEST_UID,
default 1000, through `as_user.py`), each with secrets it must never show a submission,
placed where that user could read them if the sandbox did not hide them.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from mockint.grading.client import GradingClient

HERE = Path(__file__).resolve().parent
AS_USER = HERE / "as_user.py"
TEST_UID = int(os.environ.get("MOCKINT_TEST_UID", "1000"))
NOBODY = 65534
IDENTITIES = ("root", "user")


@pytest.fixture(scope="session")
def judge(tmp_path_factory):
    """A worker whose user data directory and database hold secrets a submission must not see."""
    base = tmp_path_factory.mktemp("judge-env")
    data_dir = base / "xdg-data" / "mockint"
    data_dir.mkdir(parents=True)
    (data_dir / "secret.txt").write_text("answers to the hidden tests")
    db = base / "db" / "mockint.db"
    db.parent.mkdir()
    db.write_bytes(b"SQLite format 3\0 secret session data")
    env = dict(os.environ, XDG_DATA_HOME=str(base / "xdg-data"), MOCKINT_DB=str(db))
    client = GradingClient(env=env)
    client.secret_paths = {"DATA_DIR": str(data_dir), "DB": str(db)}
    client.start()
    assert client.wait_ready(JUDGE_WAIT), "the grading worker did not start"
    yield client
    client.shutdown()


def visible_area() -> Path:
    """A fresh folder that a sandbox would see if nothing hid it: not under /tmp, /var/tmp
    or a home directory (those are hidden or private anyway, which would make a test of a
    mask prove nothing)."""
    if os.geteuid() == 0:
        parent = "/run" if os.access("/run", os.W_OK) else "/var/lib"
    else:
        parent = os.environ.get("XDG_RUNTIME_DIR") or str(Path.home())
    path = Path(tempfile.mkdtemp(prefix="mockint-test-", dir=parent))
    path.chmod(0o755)
    return path


def run_as(uid: int, code: str, timeout: float = 60) -> subprocess.CompletedProcess:
    """`python -c code` as `uid` (through as_user.py when we are root and uid differs)."""
    cmd = [sys.executable, "-c", code]
    if os.geteuid() == 0 and uid != 0:
        cmd = [sys.executable, str(AS_USER), str(uid), str(uid), "--", *cmd]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)


class JudgeAs:
    """A warm worker started as `identity`, and where its secrets and scratch space are."""

    def __init__(self, identity: str, python_in_tmp: bool = False):
        """`python_in_tmp`: the worker's Python (this virtual environment) is bound under
        /tmp, where a checkout cloned into /tmp keeps it (needs the tests to run as root)."""
        self.identity = identity
        if identity == "root" and os.geteuid() != 0:
            pytest.skip("the root half of this test needs the tests to run as root")
        if python_in_tmp and os.geteuid() != 0:
            pytest.skip("binding the virtual environment under /tmp needs the tests to run as root")
        self.uid = TEST_UID if identity == "user" and os.geteuid() == 0 else os.geteuid()
        launcher = [sys.executable, str(AS_USER), str(self.uid), str(self.uid), "--"]
        if self.uid == os.geteuid() and not python_in_tmp:
            launcher = []
        python = sys.executable
        self.venv_copy: Path | None = None
        if python_in_tmp:
            self.venv_copy = Path(tempfile.mkdtemp(prefix="mockint-venv-", dir="/tmp"))
            self.venv_copy.chmod(0o755)
            launcher[-1:-1] = ["--bind", f"{sys.prefix}:{self.venv_copy}"]
            python = str(self.venv_copy / Path(sys.executable).relative_to(sys.prefix))
        # Where submitted code runs: nobody when the worker is real root, else the same uid.
        self.sandbox_uid = NOBODY if self.uid == 0 else self.uid
        self.area = visible_area()
        data_home = self.area / "xdg-data"
        self.data_dir = data_home / "mockint"
        self.data_dir.mkdir(parents=True)
        (self.data_dir / "secret.txt").write_text("answers to the hidden tests")
        # One database named by the environment, one named the way `--db` names it.
        self.db_env = self.area / "db-env" / "mockint.db"
        self.db_flag = self.area / "db-flag" / "practice.db"
        for db in (self.db_env, self.db_flag):
            db.parent.mkdir()
            db.write_bytes(b"SQLite format 3\0 other people's stories and notes")
        # A home of its own (the judge hides home folders, so the area must not be one).
        self.home = visible_area()
        self.own(self.area)
        self.own(self.home)
        env = dict(
            os.environ,
            XDG_DATA_HOME=str(data_home),
            MOCKINT_DB=str(self.db_env),
            HOME=str(self.home),
        )
        env.pop("PYTHONUNBUFFERED", None)  # as most users run it: output must not need it
        self.client = GradingClient(
            env=env, launcher=launcher, secrets=[str(self.db_flag)], python=python
        )
        self.client.start()
        assert self.client.wait_ready(JUDGE_WAIT), f"the grading worker ({identity}) did not start"
        self.pid = self.client._proc.pid

    def own(self, path: Path) -> None:
        """Give `path` (recursively) to the identity the sandbox's user would attack: the
        worker's user. Folders 0755 and files 0644, so `nobody` could read them too."""
        for root, dirs, files in os.walk(path):
            for name in [root, *(os.path.join(root, d) for d in dirs)]:
                os.chmod(name, 0o755)
                if os.geteuid() == 0:
                    os.chown(name, self.uid, self.uid)
            for f in files:
                full = os.path.join(root, f)
                os.chmod(full, 0o644)
                if os.geteuid() == 0:
                    os.chown(full, self.uid, self.uid)

    @property
    def placeholders(self) -> dict[str, str]:
        return {
            "DATA_DIR": str(self.data_dir),
            "DB": str(self.db_env),
            "DB_FLAG": str(self.db_flag),
        }

    def close(self) -> None:
        self.client.shutdown()
        shutil.rmtree(self.area, ignore_errors=True)
        shutil.rmtree(self.home, ignore_errors=True)
        if self.venv_copy is not None:
            self.venv_copy.rmdir()  # the binding lived only in the worker's namespace


@pytest.fixture(scope="module", params=IDENTITIES)
def judge_as(request):
    """A worker as root and one as an ordinary user, in turn (each test runs against both)."""
    judge = JudgeAs(request.param)
    yield judge
    judge.close()


# How long a test waits for the judge. The worker runs at nice 10 so that typing never
# lags behind grading (editor p95 lag with four busy processes: 94 ms at nice 10, 278 ms at
# nice 4), so beside busy processes it can wait minutes for a core: `mockint grade` of one
# reference took 83 s with four busy processes (15 s at nice 0), and a run at load 9 timed out
# at 60-120 s with correct results on the way. Waiting long costs nothing when it is quick.
JUDGE_WAIT = 600.0


def grade(judge, code: str, slug: str, hidden: bool = True, timeout: float = JUDGE_WAIT) -> dict:
    return judge.submit(code, slug, hidden).result(timeout=timeout)


def read_header(path: Path) -> dict:
    """`# problem: slug`, `# expect: key=value ...` and other `# key: value` lines at the top
    (`# expect-message: text`: every test that is not accepted says this)."""
    header: dict = {}
    for line in path.read_text().splitlines()[:8]:
        m = re.match(
            r"#\s*(problem|expect|expect-one-process|expect-output|expect-message|template|needs):"
            r"\s*(.*)",
            line,
        )
        if m:
            header[m.group(1)] = m.group(2).strip()
    for key in ("expect", "expect-one-process"):
        if key in header:
            header[key] = dict(kv.split("=", 1) for kv in header[key].split())
    header.setdefault("expect", {})
    header["needs"] = header.get("needs", "").split()
    return header
