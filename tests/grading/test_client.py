"""The client API the app uses: streaming, cancel, a dead worker, asyncio, no heavy imports."""

import asyncio
import json
import os
import shutil
import signal
import subprocess
import sys
import time

import pytest

from mockint.grading.client import GradingClient, GradingError
from mockint.grading.problems import problems_dir, solutions_dir
from tests.grading.conftest import HERE, JUDGE_WAIT, grade, visible_area

LOOP = "def prune_weights(weights, threshold):\n    while True:\n        pass\n"


def test_client_and_commands_import_neither_numpy_nor_torch():
    code = (
        "import sys, mockint.grading, mockint.grading.client, mockint.grading.commands, "
        "mockint.grading.problems\n"
        "print(sorted(m for m in ('numpy', 'torch') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert out.stdout.strip() == "[]"


def test_events_stream_in_order(judge):
    code = (solutions_dir() / "prune-weights.py").read_text()
    seen = []
    run = judge.submit(code, "prune-weights", hidden=True, on_event=seen.append)
    events = list(run.events(timeout=JUDGE_WAIT))
    kinds = [e["event"] for e in events]
    assert kinds[0] == "started" and kinds[-1] == "done"
    total = events[0]["total"]
    assert kinds.count("test") == total == events[-1]["result"]["total"]
    assert [e["index"] for e in events if e["event"] == "test"] == list(range(total))
    time.sleep(0.1)
    assert [e["event"] for e in seen] == kinds  # the callback saw the same stream


def test_cancel_stops_a_running_submission(judge):
    run = judge.submit(LOOP, "prune-weights", hidden=True)
    events = run.events(timeout=JUDGE_WAIT)
    assert next(events)["event"] == "started"
    time.sleep(0.3)
    start = time.monotonic()
    run.cancel()
    with pytest.raises(GradingError) as info:
        run.result(timeout=10)
    assert info.value.kind == "cancelled"
    assert time.monotonic() - start < 1.5
    # Still serving.
    code = (solutions_dir() / "prune-weights.py").read_text()
    assert grade(judge, code, "prune-weights", hidden=False)["verdict"] == "accepted"


def test_unknown_problem_is_a_problem_error(judge):
    with pytest.raises(GradingError) as info:
        judge.submit("x = 1", "no-such-problem").result(timeout=JUDGE_WAIT)
    assert info.value.kind == "problem"


def test_async_iteration():
    async def main(client):
        code = (solutions_dir() / "moving-average.py").read_text()
        run = client.submit(code, "moving-average", hidden=False)
        return [e async for e in run.aevents()]

    with GradingClient() as client:
        events = asyncio.run(asyncio.wait_for(main(client), JUDGE_WAIT))
    assert events[0]["event"] == "started" and events[-1]["event"] == "done"
    assert events[-1]["result"]["verdict"] == "accepted"


def test_dead_worker_is_noticed_and_replaced():
    client = GradingClient()
    client.start()
    try:
        assert client.wait_ready(JUDGE_WAIT)
        first_pid = client._proc.pid
        run = client.submit(LOOP, "prune-weights", hidden=True)
        next(run.events(timeout=JUDGE_WAIT))
        os.kill(first_pid, signal.SIGKILL)
        with pytest.raises(GradingError) as info:
            run.result(timeout=10)
        assert info.value.kind == "worker_died"
        # A replacement starts on its own, before anything is submitted.
        for _ in range(100):
            if client.alive and client._proc.pid != first_pid:
                break
            time.sleep(0.05)
        assert client._proc.pid != first_pid
        assert client.wait_ready(JUDGE_WAIT)
        code = (solutions_dir() / "prune-weights.py").read_text()
        result = client.submit(code, "prune-weights").result(timeout=JUDGE_WAIT)
        assert result["verdict"] == "accepted"
        assert client._proc.pid != first_pid
    finally:
        client.shutdown()


def test_shutdown_leaves_no_process_and_no_temporary_root():
    client = GradingClient()
    client.start()
    assert client.wait_ready(JUDGE_WAIT)
    pid = client._proc.pid
    zygotes = [p for p in os.listdir("/proc") if p.isdigit() and _ppid(p) == pid]
    root = client.ready_info["root"]
    assert len(zygotes) == 1 and os.path.isdir(root)
    client.shutdown()
    # The zygote and the root's cleanup end a moment after the worker; on a starved machine
    # that moment is seconds to minutes (the judge runs niced: at load 12 it outlasted 120 s),
    # so wait for them rather than look once.
    gone = [f"/proc/{pid}", f"/proc/{zygotes[0]}", root]
    deadline = time.monotonic() + JUDGE_WAIT
    while any(os.path.exists(p) for p in gone) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert [p for p in gone if os.path.exists(p)] == []


def test_a_worker_too_starved_to_clean_up_leaves_no_temporary_root():
    client = GradingClient()
    client.start()
    assert client.wait_ready(JUDGE_WAIT)
    root = client.ready_info["root"]
    os.kill(client._proc.pid, signal.SIGSTOP)  # gets no CPU: it cannot run its own cleanup
    client.shutdown()  # asks, then terminates, then kills it
    assert not os.path.exists(root)


def _uid(pid: str) -> int:
    try:
        return os.stat(f"/proc/{pid}").st_uid
    except OSError:
        return -1


def _ppid(pid: str) -> int:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return int(f.read().rsplit(")", 1)[1].split()[1])
    except OSError:
        return -1


def test_fallback_without_namespaces_warns_and_still_limits():
    env = dict(os.environ, MOCKINT_JUDGE_NO_NAMESPACES="1")
    with GradingClient(env=env) as client:
        assert client.wait_ready(JUDGE_WAIT)
        assert not client.ready_info["namespaces"]
        assert "NOT isolated" in client.sandbox_warning
        result = client.submit(LOOP, "prune-weights", hidden=False).result(timeout=JUDGE_WAIT)
        assert result["verdict"] == "time_limit"
        assert "NOT isolated" in result["sandbox_warning"]
        code = (solutions_dir() / "prune-weights.py").read_text()
        assert (
            client.submit(code, "prune-weights").result(timeout=JUDGE_WAIT)["verdict"] == "accepted"
        )
        # Without a pid namespace the zygote, as child subreaper, still kills detached children.
        escapee = (HERE / "hostile" / "setsid_background_child.py").read_text()
        escapee = escapee.replace("{{SENTINEL_DIR}}", "/nonexistent")
        assert (
            client.submit(escapee, "prune-weights").result(timeout=JUDGE_WAIT)["verdict"]
            == "accepted"
        )
        time.sleep(0.6)  # past the escapee's own sleep
        # (Only our worker's tree: other judges on this machine run their tests as nobody too.)
        ours, frontier = set(), {str(client._proc.pid)}
        while frontier:
            kids = {p for p in os.listdir("/proc") if p.isdigit() and str(_ppid(p)) in frontier}
            frontier = kids - ours
            ours |= kids
        assert [p for p in ours if _uid(p) == 65534] == []


def test_worker_protocol_is_json_lines():
    proc = subprocess.Popen(
        [sys.executable, "-m", "mockint.grading.worker"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        ready = json.loads(proc.stdout.readline())
        assert ready["event"] == "ready"
        proc.stdin.write(json.dumps({"op": "ping", "id": 7}) + "\n")
        proc.stdin.flush()
        assert json.loads(proc.stdout.readline()) == {"id": 7, "event": "pong"}
    finally:
        proc.stdin.close()
        # Generous: on a starved machine the worker's exit took over 10 s (seen at load 7).
        assert proc.wait(120) == 0


def test_unprivileged_user_gets_a_user_namespace(tmp_path):
    """The path a normal (non-root) user takes: a user namespace around the sandbox."""
    outside = visible_area()  # not under /tmp, which the sandbox replaces with its own
    outside.chmod(0o777)
    probe = subprocess.run(
        ["unshare", "--user", "--map-user=1000", "--map-group=1000", "true"], capture_output=True
    )
    if probe.returncode != 0:
        pytest.skip("cannot start a process as a non-root user here (unshare --map-user failed)")
    wrapper = tmp_path / "python-as-user"
    wrapper.write_text(
        f'#!/bin/sh\nexec unshare --user --map-user=1000 --map-group=1000 {sys.executable} "$@"\n'
    )
    wrapper.chmod(0o755)
    with GradingClient(python=str(wrapper)) as client:
        assert client.wait_ready(JUDGE_WAIT)
        assert client.ready_info["namespaces"], client.sandbox_warning
        code = (solutions_dir() / "prune-weights.py").read_text()
        assert (
            client.submit(code, "prune-weights", hidden=True).result(timeout=JUDGE_WAIT)["verdict"]
            == "accepted"
        )
        assert (
            client.submit(LOOP, "prune-weights").result(timeout=JUDGE_WAIT)["verdict"]
            == "time_limit"
        )
        escape = (
            "import torch\ndef prune_weights(w, t):\n"
            f"    open({str(outside / 'escaped.txt')!r}, 'w').write('x')\n    return w\n"
        )
        result = client.submit(escape, "prune-weights").result(timeout=JUDGE_WAIT)
        assert (
            result["verdict"] == "runtime_error"
            and "Read-only file system" in result["tests"][0]["message"]
        )
        # Root of its user namespace, but with no capabilities: it cannot make the file system
        # writable again (MS_REMOUNT | MS_BIND, keeping relatime) nor lift a mask.
        cases = problems_dir() / "prune-weights" / "cases.py"
        remount = (
            "import ctypes, torch\nlibc = ctypes.CDLL(None, use_errno=True)\n"
            "def prune_weights(w, t):\n"
            "    libc.mount(None, b'/', None, 32 | 4096 | (1 << 21), None)\n"
            f"    libc.umount2({str(problems_dir().parent).encode()!r}, 2)\n"
            f"    open({str(cases)!r}).read()\n"
            f"    open({str(outside / 'escaped.txt')!r}, 'w').write('x')\n    return w\n"
        )
        result = client.submit(remount, "prune-weights").result(timeout=JUDGE_WAIT)
        assert result["verdict"] == "runtime_error", result["tests"][0]
        message = result["tests"][0]["message"]
        assert "cases.py" in message and (
            "Permission denied" in message or "No such file" in message
        )
        assert not (outside / "escaped.txt").exists()
    shutil.rmtree(outside)


def test_grading_runs_below_the_apps_cpu_priority(judge):
    """The worker and everything it forks run niced, so the app keeps the CPU it needs."""
    own = os.getpriority(os.PRIO_PROCESS, 0)
    worker = judge._proc.pid

    def nice(pid: int) -> int:
        with open(f"/proc/{pid}/stat") as f:
            return int(f.read().rsplit(")", 1)[1].split()[16])

    assert nice(worker) >= own + 5
    with open(f"/proc/{worker}/task/{worker}/children") as f:
        zygote = int(f.read().split()[0])
    assert nice(zygote) >= own + 5
    assert judge.ready_info["protections"]["priority"].startswith("nice ")
