"""Hostile submissions: the right verdict, nothing changed outside the sandbox, no process
left behind, and the same warm worker keeps serving."""

import hashlib
import os
import socket
import time
from pathlib import Path

import pytest

from mockint.grading.problems import problems_dir, solutions_dir
from tests.grading.conftest import HERE, grade, read_header

HOSTILE = sorted((HERE / "hostile").glob("*.py"))
REPO_DATA = [problems_dir(), solutions_dir()]


def _tree_digest(roots) -> str:
    h = hashlib.sha256()
    for root in roots:
        for path in sorted(Path(root).rglob("*")):
            if "__pycache__" in path.parts:
                continue
            h.update(str(path).encode())
            if path.is_file():
                h.update(path.read_bytes())
    return h.hexdigest()


def _sysv_ipc() -> dict[str, list[str]]:
    """Keys of the host's System V shared memory, message queues and semaphores."""
    out = {}
    for kind in ("shm", "msg", "sem"):
        with open(f"/proc/sysvipc/{kind}") as f:
            out[kind] = sorted(line.split()[0] for line in f.readlines()[1:])
    return out


def _processes() -> dict[int, tuple[int, int]]:
    """pid -> (parent pid, uid) for every process we can see."""
    out = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat") as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            out[int(name)] = (ppid, os.stat(f"/proc/{name}").st_uid)
        except (OSError, ValueError, IndexError):
            pass
    return out


def _descendants(root: int) -> set[int]:
    procs = _processes()
    found, frontier = set(), {root}
    while frontier:
        kids = {pid for pid, (ppid, _) in procs.items() if ppid in frontier and pid not in found}
        found |= kids
        frontier = kids
    return found


def _idle_descendants(worker: int) -> set[int]:
    """The worker's descendants once the next sandbox session is set up (zygote + its chain)."""
    seen = set()
    for _ in range(100):
        now = _descendants(worker)
        if now == seen and len(now) >= 2:
            return now
        seen = now
        time.sleep(0.02)
    return seen


@pytest.fixture(scope="module")
def warm_judge(judge):
    pid = judge._proc.pid
    baseline = _idle_descendants(pid)
    yield judge, pid, baseline
    # Still the same process, still judging correctly.
    assert judge._proc.pid == pid and judge.alive
    code = (solutions_dir() / "prune-weights.py").read_text()
    assert grade(judge, code, "prune-weights")["verdict"] == "accepted"


@pytest.mark.parametrize("path", HOSTILE, ids=[p.stem for p in HOSTILE])
def test_hostile_submission(warm_judge, tmp_path, path):
    judge, worker_pid, baseline = warm_judge
    if not judge.ready_info.get("namespaces"):
        pytest.skip("Linux namespaces unavailable here: " + str(judge.sandbox_warning))
    sentinel = tmp_path / "sentinel"
    sentinel.mkdir()
    sentinel.chmod(0o777)  # even a process running as nobody could write here without the sandbox
    (sentinel / "keep.txt").write_text("keep me")
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    listener.setblocking(False)
    head = read_header(path)
    code = (
        path.read_text()
        .replace("{{SENTINEL_DIR}}", str(sentinel))
        .replace("{{PROBLEMS_DIR}}", str(problems_dir()))
        .replace("{{SOLUTIONS_DIR}}", str(solutions_dir()))
        .replace("{{PORT}}", str(listener.getsockname()[1]))
        .replace("{{DB}}", judge.secret_paths["DB"])
        .replace("{{DATA_DIR}}", judge.secret_paths["DATA_DIR"])
    )
    before_data = _tree_digest(REPO_DATA)
    nobody_before = {pid for pid, (_, uid) in _processes().items() if uid == 65534}
    shm_before = set(os.listdir("/dev/shm"))
    ipc_before = _sysv_ipc()
    try:
        result = grade(judge, code, head["problem"], hidden=False)
    finally:
        try:
            conn, _ = listener.accept()
            conn.close()
            connected = True
        except BlockingIOError:
            connected = False
        listener.close()
    expect = head["expect"]
    assert result["verdict"] == expect["verdict"], result["tests"]
    if "complexity" in expect:
        assert result["complexity"]["ok"] is (expect["complexity"] == "ok"), result["complexity"]
    # Nothing outside its temporary directory changed.
    assert sorted(os.listdir(sentinel)) == ["keep.txt"]
    assert (sentinel / "keep.txt").read_text() == "keep me"
    assert _tree_digest(REPO_DATA) == before_data
    assert set(os.listdir("/dev/shm")) == shm_before
    assert _sysv_ipc() == ipc_before
    assert not connected, "the submission reached a socket on the host"
    # No process left behind: under the worker only the zygote and a fresh idle session
    # (none of it running as the sandbox user), and no new sandbox-user process anywhere.
    after = _idle_descendants(worker_pid)
    assert len(after) == len(baseline), (baseline, after)
    assert all(_processes().get(pid, (0, 0))[1] != 65534 for pid in after)
    # A process that escaped our worker's tree would hang off init; other judges running on
    # this machine (other test sessions) keep their sandboxes under their own workers.
    procs = _processes()
    ours = after | {worker_pid, 1}
    stray = {
        pid
        for pid, (ppid, uid) in procs.items()
        if uid == 65534 and pid not in nobody_before and ppid in ours
    }
    assert not stray
    assert judge._proc.pid == worker_pid and judge.alive


def test_at_least_25_hostile_submissions():
    assert len(HOSTILE) >= 25
