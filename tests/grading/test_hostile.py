"""Hostile submissions, each against a judge running as root and one running as an ordinary
user: the expected verdict, nothing changed outside the sandbox, no process left behind,
no escape sequence in what comes back, and a correct submission still accepted afterwards
by the same warm worker.

A submission file says what it needs with `# needs: ...`; the test sets each thing up
itself and cleans up: `unix` (a Unix socket listener the sandbox's user could connect to),
`tmux` (a tmux server of that user), `pty` (a terminal that user owns), `cgroup` (a cgroup
delegated to that user, with a bystander process in it), `keyring` (a key in that user's
keyring), `hidden` (graded with the hidden cases). Placeholders `{{NAME}}` in the file are
replaced with the paths and values of this run.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import platform
import pty
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from mockint.grading.masks import PACKAGE_DIR, _checkout_root
from mockint.grading.problems import problems_dir, solutions_dir
from mockint.kinds import Verdict, verdict_info
from tests.grading.conftest import HERE, grade, read_header, run_as

HOSTILE = sorted((HERE / "hostile").glob("*.py"))
REPO_DATA = [problems_dir(), solutions_dir()]
CONTROL = {chr(c) for c in range(32) if chr(c) not in "\n\t"} | {"\x7f", "\x9b"}


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
    """The worker's descendants once its sandbox sessions are set up again."""
    seen: set[int] = set()
    for _ in range(150):
        now = _descendants(worker)
        if now == seen and len(now) >= 2:
            return now
        seen = now
        time.sleep(0.02)
    return seen


# A correct submission that also prints 600 KB at once per call. It checks first that none
# of its descriptors came to it non-blocking (an earlier submission may have set O_NONBLOCK
# on a shared one): a large write would then fail, but only when the pipe happened to be full.
CANARY = (solutions_dir() / "prune-weights.py").read_text() + (
    "\n\nimport fcntl\nimport os\n\n_reference = prune_weights\n\n\n"
    "def prune_weights(weights, threshold):\n"
    "    for fd in range(4):\n"
    "        if fcntl.fcntl(fd, fcntl.F_GETFL) & os.O_NONBLOCK:\n"
    "            raise RuntimeError(f'fd {fd} came non-blocking')\n"
    "    print('x' * 600_000)\n"
    "    return _reference(weights, threshold)\n"
)


@pytest.fixture(scope="module")
def warm(judge_as):
    assert grade(judge_as.client, CANARY, "prune-weights")["verdict"] == "accepted"
    # The secrets are readable by the sandbox's user without the sandbox (else masking them
    # would prove nothing).
    probe = "import sys; [open(p, 'rb').read(1) for p in sys.argv[1:]]; print('ok')"
    paths = [judge_as.data_dir / "secret.txt", judge_as.db_env, judge_as.db_flag]
    args = ", ".join(repr(str(p)) for p in paths)
    out = run_as(judge_as.sandbox_uid, probe.replace("sys.argv[1:]", f"[{args}]"))
    assert out.stdout.strip() == "ok", out.stderr
    yield judge_as


def _assert_idle_sessions(worker: int) -> None:
    """Under the worker: the zygote, and under it sandbox sessions that each hold no more
    than their init and one runner waiting for the next request."""
    procs = _processes()
    kids = {pid for pid, (ppid, _) in procs.items() if ppid == worker}
    assert len(kids) == 1, f"the worker has {len(kids)} children"
    zygote = kids.pop()
    sessions = {pid for pid, (ppid, _) in procs.items() if ppid == zygote}
    for outer in sessions:
        inside = _descendants(outer)
        assert len(inside) <= 2, f"session {outer} still holds {len(inside)} processes"


# --- things a submission may attack, set up and cleaned up by the test --------------------


@contextlib.contextmanager
def unix_listener(area: Path, uid: int) -> Iterator[tuple[dict, callable]]:
    path = area / "app.sock"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(path))
    os.chmod(path, 0o777)  # anyone may connect: only the sandbox stands in the way
    server.listen(4)
    server.setblocking(False)

    def check() -> None:
        with contextlib.suppress(BlockingIOError):
            conn, _ = server.accept()
            conn.close()
            raise AssertionError("the submission connected to a Unix socket on the host")

    try:
        yield {"UNIX_SOCKET": str(path)}, check
    finally:
        server.close()
        path.unlink(missing_ok=True)


def _as_uid(uid: int):
    def drop() -> None:
        if os.geteuid() == 0 and uid != 0:
            os.setgroups([])
            os.setresgid(uid, uid, uid)
            os.setresuid(uid, uid, uid)

    return drop


@contextlib.contextmanager
def tmux_server(area: Path, uid: int) -> Iterator[tuple[dict, callable]]:
    if shutil.which("tmux") is None:
        pytest.skip("tmux is not installed")
    folder = area / f"tmux-{uid}"
    folder.mkdir(mode=0o700)
    if os.geteuid() == 0:
        os.chown(folder, uid, uid)
    sock = folder / "default"
    marker = area / "tmux-was-driven"
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(area),
        "TERM": "xterm",
        "SHELL": "/bin/sh",  # nobody's login shell would end the session at once
    }
    tmux = ["tmux", "-S", str(sock)]
    subprocess.run(
        [*tmux, "new-session", "-d", "-s", "victim", "sleep 600"],
        env=env,
        preexec_fn=_as_uid(uid),
        check=True,
        timeout=30,
    )

    server = subprocess.run(
        [*tmux, "display-message", "-p", "-t", "victim", "#{pid}"],
        env=env,
        preexec_fn=_as_uid(uid),
        capture_output=True,
        text=True,
        timeout=30,
    )
    ours = {int(server.stdout.strip())} if server.stdout.strip().isdigit() else set()
    ours |= {pid for root in ours for pid in _descendants(root)}

    def check() -> None:
        assert not marker.exists(), "the submission ran a command in the user's tmux"
        alive = subprocess.run(
            [*tmux, "has-session", "-t", "victim"], env=env, preexec_fn=_as_uid(uid), timeout=30
        )
        assert alive.returncode == 0, "the user's tmux session is gone"

    try:
        yield {"TMUX_SOCKET": str(sock), "TMUX_MARKER": str(marker), "_PIDS": ours}, check
    finally:
        subprocess.run([*tmux, "kill-server"], env=env, preexec_fn=_as_uid(uid), timeout=30)
        marker.unlink(missing_ok=True)
        shutil.rmtree(folder, ignore_errors=True)


@contextlib.contextmanager
def terminal(area: Path, uid: int) -> Iterator[tuple[dict, callable]]:
    master, slave = pty.openpty()
    name = os.ttyname(slave)
    if os.geteuid() == 0:
        os.chown(name, uid, -1)
    os.chmod(name, 0o620)
    os.set_blocking(master, False)

    def check() -> None:
        try:
            got = os.read(master, 4096)
        except (BlockingIOError, OSError):
            got = b""
        assert got == b"", f"the submission wrote to the user's terminal: {got[:60]!r}"

    try:
        yield {"PTY": name}, check
    finally:
        os.close(master)
        os.close(slave)


def _cgroup2_root() -> Path | None:
    with open("/proc/self/mountinfo") as f:
        for line in f:
            fields = line.split()
            sep = fields.index("-")
            if fields[sep + 1] == "cgroup2" and fields[3] == "/":
                return Path(fields[4])
    return None


@contextlib.contextmanager
def delegated_cgroup(area: Path, uid: int) -> Iterator[tuple[dict, callable]]:
    root = _cgroup2_root()
    if os.geteuid() != 0 or root is None:
        pytest.skip("making a cgroup delegated to the sandbox's user needs root and cgroup v2")
    group = root / f"mockint-test-{os.getpid()}-{secrets.token_hex(4)}"
    group.mkdir()
    for name in (group, group / "cgroup.procs", group / "cgroup.kill", group / "cgroup.threads"):
        if name.exists():
            os.chown(name, uid, uid)  # what systemd does for a user's own slice
    bystander = subprocess.Popen(["sleep", "600"], preexec_fn=_as_uid(uid))
    (group / "cgroup.procs").write_text(str(bystander.pid))

    def check() -> None:
        time.sleep(0.05)
        assert bystander.poll() is None, "the submission killed a process through its cgroup"
        assert str(bystander.pid) in (group / "cgroup.procs").read_text().split()

    try:
        yield {"CGROUP": str(group)}, check
    finally:
        bystander.kill()
        bystander.wait()
        for _ in range(100):
            try:
                group.rmdir()
                break
            except OSError:
                time.sleep(0.05)


KEYCTL = {"x86_64": (248, 249, 250), "aarch64": (217, 218, 219)}
_KEY_TOOL = """
import ctypes, sys
add_key, request_key, keyctl = {nrs}
libc = ctypes.CDLL(None, use_errno=True)
libc.syscall.restype = ctypes.c_long
USER = ctypes.c_long(-4)  # KEY_SPEC_USER_KEYRING
op, desc = sys.argv[1], sys.argv[2].encode()
if op == "add":
    data = b"the interviewer's secret"
    print(libc.syscall(add_key, b"user", desc, data, len(data), USER))
elif op == "find":  # KEYCTL_SEARCH = 10
    print(libc.syscall(keyctl, 10, USER, b"user", desc, 0))
elif op == "unlink":  # KEYCTL_UNLINK = 9
    key = libc.syscall(keyctl, 10, USER, b"user", desc, 0)
    print(libc.syscall(keyctl, 9, key, USER) if key > 0 else 0)
"""


@contextlib.contextmanager
def keyring(area: Path, uid: int) -> Iterator[tuple[dict, callable]]:
    nrs = KEYCTL.get(platform.machine())
    if nrs is None:
        pytest.skip(f"no keyctl syscall numbers for {platform.machine()}")
    tool = area / "keytool.py"
    tool.write_text(_KEY_TOOL.replace("{nrs}", repr(nrs)))
    tool.chmod(0o644)

    def key(op: str, desc: str) -> int:
        code = f"import sys; sys.argv = ['x', {op!r}, {desc!r}]; exec(open({str(tool)!r}).read())"
        out = run_as(uid, code)
        assert out.returncode == 0, out.stderr
        return int(out.stdout.strip())

    planted = f"mockint-planted-{secrets.token_hex(4)}"
    forged = f"mockint-forged-{secrets.token_hex(4)}"
    if key("add", planted) <= 0:
        pytest.skip("cannot add a key to the user keyring here")

    def check() -> None:
        assert key("find", forged) < 0, "the submission added a key to the user's keyring"

    try:
        yield {"KEY_PLANTED": planted, "KEY_FORGED": forged, "KEYCTL_NRS": repr(nrs)}, check
    finally:
        key("unlink", planted)
        key("unlink", forged)


RESOURCES = {
    "unix": unix_listener,
    "tmux": tmux_server,
    "pty": terminal,
    "cgroup": delegated_cgroup,
    "keyring": keyring,
}


def _data_copies() -> dict[str, str]:
    """Other copies of the hidden data: the wheel-style `_data`, `.git`, the main checkout."""
    out = {}
    for entry in sys.path:
        data = Path(entry or ".") / "mockint" / "_data"
        if data.is_dir():
            out["DATA_COPY"] = str(data)
    root = _checkout_root(PACKAGE_DIR.parent)
    git = root / ".git" if root else None
    if git is not None and git.is_file():  # a worktree: the objects live in the main .git
        gitdir = Path(git.read_text().split(":", 1)[1].strip())
        git = (gitdir / (gitdir / "commondir").read_text().strip()).resolve()
    if git is not None and git.is_dir():
        out["GIT_DIR"] = str(git)
    return out


@pytest.mark.parametrize("path", HOSTILE, ids=[p.stem for p in HOSTILE])
def test_hostile_submission(warm, path):
    judge_as = warm
    judge = judge_as.client
    if not judge.ready_info.get("namespaces"):
        pytest.skip("Linux namespaces unavailable here: " + str(judge.sandbox_warning))
    head = read_header(path)
    sentinel = judge_as.area / f"sentinel-{path.stem}"
    sentinel.mkdir()
    sentinel.chmod(0o777)  # even `nobody` could write here without the sandbox
    (sentinel / "keep.txt").write_text("keep me")
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    listener.setblocking(False)
    values = {
        "SENTINEL_DIR": str(sentinel),
        "PROBLEMS_DIR": str(problems_dir()),
        "SOLUTIONS_DIR": str(solutions_dir()),
        "PORT": str(listener.getsockname()[1]),
        **judge_as.placeholders,
        **_data_copies(),
    }
    before_data = _tree_digest(REPO_DATA)
    sandbox_uid = judge_as.sandbox_uid
    shm_before = set(os.listdir("/dev/shm"))
    ipc_before = _sysv_ipc()
    test_pids: set[int] = set()  # processes the test itself started for the submission to attack
    with contextlib.ExitStack() as stack:
        checks = []
        for need in head["needs"]:
            if need in RESOURCES:
                more, check = stack.enter_context(RESOURCES[need](judge_as.area, sandbox_uid))
                test_pids |= more.pop("_PIDS", set())
                values.update(more)
                checks.append(check)
        # Processes of the sandbox's user before the run (the test's own tmux among them).
        uid_before = {pid for pid, (_, uid) in _processes().items() if uid == sandbox_uid}
        code = path.read_text()
        for name, value in values.items():
            code = code.replace("{{" + name + "}}", value)
        assert "{{" not in code, f"unknown placeholder in {path.name}"
        try:
            result = grade(judge, code, head["problem"], hidden="hidden" in head["needs"])
        finally:
            try:
                conn, _ = listener.accept()
                conn.close()
                connected = True
            except BlockingIOError:
                connected = False
            listener.close()
        for check in checks:
            check()
    expect = head["expect"]
    if judge.ready_info.get("processes") == "one" and "expect-one-process" in head:
        expect = head["expect-one-process"]
    assert result["verdict"] == expect["verdict"], result["tests"]
    for key in ("complexity", "vectorized"):
        if key in expect:
            assert result[key] is not None, f"no {key} advice"
            assert result[key]["ok"] is (expect[key] == "ok"), result[key]
    if "expect-output" in head:
        assert head["expect-output"] in result["tests"][0].get("output", ""), result["tests"][0]
    # A hidden test says only the kind of failure and its note, the judge's own words.
    words = "|".join(verdict_info(v).long.lower() for v in Verdict)
    for test in result["tests"]:
        if not test["visible"]:
            assert "output" not in test
            assert re.fullmatch(rf"(hidden test( \([^\n]*\))?: ({words}))?", test["message"]), test
    # Nothing a submission printed reaches us with an escape sequence in it.
    for test in result["tests"]:
        for text in (test.get("message", ""), test.get("output", "")):
            assert not (set(text) & CONTROL), f"control characters in {text[:200]!r}"
    # Nothing outside the sandbox changed.
    assert sorted(os.listdir(sentinel)) == ["keep.txt"]
    assert (sentinel / "keep.txt").read_text() == "keep me"
    assert _tree_digest(REPO_DATA) == before_data
    assert set(os.listdir("/dev/shm")) == shm_before
    assert _sysv_ipc() == ipc_before
    assert not connected, "the submission reached a TCP socket on the host"
    # No process left behind: under the worker only the zygote and its idle sessions, and no
    # new process of the sandbox's user hanging off the worker's tree or init.
    # The worker sets up fresh sessions meanwhile: a process born between two snapshots is
    # looked at again once the tree is idle (on a busy machine that takes a while), so only
    # one that stays outside the worker's idle tree, or keeps coming, is a stray.
    for _ in range(5):
        after = _idle_descendants(judge_as.pid)
        _assert_idle_sessions(judge_as.pid)
        if sandbox_uid != judge_as.uid:
            assert all(_processes().get(pid, (0, 0))[1] != sandbox_uid for pid in after)
        procs = _processes()
        ours = after | {judge_as.pid, 1}
        stray = {
            pid
            for pid, (ppid, uid) in procs.items()
            if uid == sandbox_uid and pid not in uid_before and ppid in ours and pid not in after
        }
        stray -= test_pids
        if not stray:
            break
        time.sleep(0.5)
    assert not stray
    assert judge._proc.pid == judge_as.pid and judge.alive
    # And the same warm worker still accepts a correct submission.
    assert grade(judge, CANARY, "prune-weights")["verdict"] == "accepted"


def test_at_least_25_hostile_submissions():
    assert len(HOSTILE) >= 25


def test_the_ordinary_user_really_is_one(warm):
    """The "user" judge runs as that uid with no capabilities, and its sandbox as the same
    uid on the host (the unprivileged path); the "root" judge's sandbox runs as nobody."""
    judge_as = warm
    with open(f"/proc/{judge_as.pid}/status") as f:
        status = dict(line.split(":", 1) for line in f if ":" in line)
    assert int(status["Uid"].split()[0]) == judge_as.uid
    if judge_as.identity == "user":
        assert judge_as.uid != 0 and int(status["CapEff"], 16) == 0
