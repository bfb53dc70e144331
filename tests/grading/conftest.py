"""One warm grading worker shared by the grading tests (it must keep serving throughout)."""

import os
import re
from pathlib import Path

import pytest

from mockint.grading.client import GradingClient

HERE = Path(__file__).resolve().parent


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
    assert client.wait_ready(120), "the grading worker did not start"
    yield client
    client.shutdown()


def grade(judge, code: str, slug: str, hidden: bool = True, timeout: float = 120) -> dict:
    return judge.submit(code, slug, hidden).result(timeout=timeout)


def read_header(path: Path) -> dict:
    """`# problem: slug` and `# expect: key=value ...` lines at the top of a submission."""
    header = {}
    for line in path.read_text().splitlines()[:6]:
        m = re.match(r"#\s*(problem|expect|template):\s*(.*)", line)
        if m:
            header[m.group(1)] = m.group(2).strip()
    header["expect"] = dict(kv.split("=", 1) for kv in header.get("expect", "").split())
    return header
