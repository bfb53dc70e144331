"""A test's wall-clock limit does not count the time its runner waited for a CPU
(mockint/grading/cpu_wait.py): on a busy machine, code that needs a fraction of its wall limit
of its own time is not stopped as "still running" because other programs had the CPU."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time

import pytest

from mockint.grading import cpu_wait
from mockint.grading.problems import problems_dir, solutions_dir
from tests.grading.conftest import IDENTITIES, JudgeAs, grade

# Correct, with a little sleep and about 0.1 s of its own CPU per case: well inside the
# problem's 1.5 s wall limit when it has a CPU, far over it when it waits its turn on a CPU
# shared with 48 busy programs.
PATIENT = """
import time
from collections import deque


class MovingAverage:
    def __init__(self, window):
        if window < 1:
            raise ValueError("window must be at least 1")
        time.sleep(0.02)
        spin = 0
        for i in range(1_000_000):
            spin += i
        self.window, self.values, self.total = window, deque(), 0.0

    def add(self, value):
        self.values.append(value)
        self.total += value
        if len(self.values) > self.window:
            self.total -= self.values.popleft()

    def average(self):
        if not self.values:
            raise ValueError("no values yet")
        return self.total / len(self.values)
"""
HOGS = 48


@pytest.fixture(params=IDENTITIES)
def judge_on_cpu0(request):
    """A worker (as root, then as an ordinary user) on CPU 0 only, which its sandboxes and
    runners inherit, with a problem of its user's own: moving-average without complexity
    advice, cpu_s 0.5 (so wall 1.5 s)."""
    if 0 not in os.sched_getaffinity(0):
        pytest.skip("CPU 0 is not ours to use here")
    mask = os.sched_getaffinity(0)
    os.sched_setaffinity(0, {0})
    try:
        judge = JudgeAs(request.param)
    finally:
        os.sched_setaffinity(0, mask)
    folder = judge.data_dir / "problems" / "patient-average"
    shutil.copytree(problems_dir() / "moving-average", folder)
    shutil.copy(solutions_dir() / "moving-average.py", folder / "solution.py")
    toml = (folder / "problem.toml").read_text()
    toml = toml.split("[complexity]")[0] + "[reference]" + toml.split("[reference]")[1]
    toml = toml.replace("cpu_s = 1.0\nwall_s = 2.0", "cpu_s = 0.5\nwall_s = 0.5")
    assert "cpu_s = 0.5" in toml and "[complexity]" not in toml
    (folder / "problem.toml").write_text(toml)
    judge.own(judge.data_dir)
    yield judge.client
    judge.close()


def test_the_run_delay_of_a_process_tree_is_read_from_proc():
    parent = subprocess.Popen(
        [sys.executable, "-c", "import subprocess,sys,time\n"
         "a = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(30)'])\n"
         "time.sleep(0.3)\n"
         "b = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(30)'])\n"
         "time.sleep(30)"],
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 30
        while len(cpu_wait.children(parent.pid)) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        kids = cpu_wait.children(parent.pid)
        assert len(kids) == 2
        assert cpu_wait.runner_of(parent.pid) == min(kids)  # the older child
        assert cpu_wait.session_init(parent.pid, namespaces=False) == parent.pid
        assert cpu_wait.session_init(min(kids), namespaces=True) is None  # no child
        wait = cpu_wait.RequestWait(parent.pid, namespaces=False)
        waited = wait.seconds()
        runner = cpu_wait.run_delay_s(min(kids))
        assert waited is not None and runner is not None
        assert runner <= waited < runner + 0.5  # the parent only slept meanwhile
        assert cpu_wait.run_delay_s(os.getpid()) is not None
    finally:
        for pid in cpu_wait.children(parent.pid):
            os.kill(pid, 9)
        parent.kill()
        parent.wait()


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_waiting_for_a_busy_cpu_is_not_the_submissions_wall_time(judge_on_cpu0):
    warm = grade(judge_on_cpu0, PATIENT, "patient-average", hidden=False)  # timed idle first
    assert warm["verdict"] == "accepted", [t["message"] for t in warm["tests"]]
    # A shell loop: a busy program in a megabyte (the affinity outlives the exec).
    hog = "import os\nos.sched_setaffinity(0, {0})\nos.execv('/bin/sh', ['sh', '-c', 'while :; do :; done'])"
    hogs = [
        subprocess.Popen([sys.executable, "-c", hog], start_new_session=True) for _ in range(HOGS)
    ]  # each in a session of its own, as other programs are: each gets a fair share
    try:
        result = grade(judge_on_cpu0, PATIENT, "patient-average", hidden=False)
    finally:
        for h in hogs:
            h.kill()
        for h in hogs:
            h.wait()
    notes = [t["message"] for t in result["tests"]]
    assert result["verdict"] == "accepted", notes
    # Otherwise the machine was not busy enough for this test to show anything.
    over = [t for t in result["tests"] if t["time_ms"] > 1000 * t["limits"]["wall_s"]]
    assert over, [(t["time_ms"], t["limits"]) for t in result["tests"]]
