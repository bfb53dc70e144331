"""Time limits that scale with the machine: each problem's reference, timed here, once.

A limit written in problem.toml is a floor, not the whole story: on a slow or busy machine a
correct solution may need more than the author's machine did. So the first time a problem's
cases are graded on a machine, the worker runs the reference solution on each of them in
the same sandbox (generous limits) and keeps its CPU time. A test's limits are then

    cpu_s  = max(stated cpu_s,  MULTIPLE * reference CPU time on that case)
    wall_s = max(stated wall_s, WALL_PER_CPU * cpu_s)

MULTIPLE = 3 leaves a correct solution in an ordinary style (a full table instead of two
rows, a list instead of a deque) room to be slower than the reference, and the reference
itself at least 2x headroom when the machine gets busier than it was when it was timed.
The wall limit only stops code that sleeps or waits; CPU-bound code meets the CPU limit.

The times are cached per machine (host, processor, core count, Python, NumPy and torch
versions) in `judge-calibration.json` in the data directory, keyed by a hash of the
problem's files, so a changed problem or reference is timed again. Where that file cannot
be written, the times live as long as the worker.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import platform
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mockint.grading.problems import Problem
from mockint.paths import private_dir

MULTIPLE = 3.0
WALL_PER_CPU = 3.0
FILE_NAME = "judge-calibration.json"


def machine_key() -> str:
    cpu = ""
    with contextlib.suppress(OSError), open("/proc/cpuinfo") as f:
        cpu = next((line.split(":", 1)[1].strip() for line in f if "model name" in line), "")
    versions = [platform.python_version()]
    for name in ("numpy", "torch"):
        module = sys.modules.get(name)
        versions.append(f"{name} {getattr(module, '__version__', '?')}")
    return " | ".join([platform.node(), cpu, f"{os.cpu_count()} cores", *versions])


def problem_hash(problem: Problem) -> str:
    h = hashlib.sha256()
    for path in (problem.dir / "problem.toml", problem.dir / "cases.py", problem.reference_path):
        with contextlib.suppress(OSError):
            h.update(Path(path).read_bytes())
        h.update(b"\0")
    return h.hexdigest()[:16]


def scaled_limits(stated: dict[str, Any], reference_cpu_s: float | None) -> dict[str, Any]:
    """A test's limits from the problem's stated ones and the reference's CPU time on it."""
    limits = dict(stated)
    if reference_cpu_s is not None and reference_cpu_s > 0:
        limits["cpu_s"] = max(float(stated["cpu_s"]), MULTIPLE * reference_cpu_s)
    limits["wall_s"] = max(float(stated["wall_s"]), WALL_PER_CPU * float(limits["cpu_s"]))
    return limits


class Calibration:
    """Reference CPU times per problem and case, loaded from and saved to the data directory."""

    def __init__(self, path: Path | None = None):
        if path is None:
            from mockint.paths import user_data_dir

            path = user_data_dir() / FILE_NAME
        self.path = path
        self.machine = machine_key()
        self.problems: dict[str, dict[str, Any]] = {}
        with contextlib.suppress(OSError, ValueError, AttributeError, TypeError):
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("machine") == self.machine and isinstance(data.get("problems"), dict):
                self.problems = data["problems"]

    def known(self, problem: Problem) -> dict[str, float]:
        entry = self.problems.get(problem.slug)
        if not isinstance(entry, dict) or entry.get("hash") != problem_hash(problem):
            return {}
        times = entry.get("cpu_s")
        return {str(k): float(v) for k, v in times.items()} if isinstance(times, dict) else {}

    def reference_times(
        self,
        problem: Problem,
        case_ids: list[str],
        measure: Callable[[list[str]], dict[str, float]],
    ) -> dict[str, float]:
        """CPU seconds of the reference per case id, timing (with `measure`) the missing ones."""
        times = self.known(problem)
        missing = [cid for cid in case_ids if cid not in times]
        if missing:
            times.update(measure(missing))
            self.problems[problem.slug] = {"hash": problem_hash(problem), "cpu_s": times}
            self._save()
        return times

    def _save(self) -> None:
        """Write the file atomically; a data directory we cannot write to is no error."""
        data = {"machine": self.machine, "multiple": MULTIPLE, "problems": self.problems}
        with contextlib.suppress(OSError):
            private_dir(self.path.parent)
            fd, tmp = tempfile.mkstemp(prefix=".calibration-", dir=self.path.parent)
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(data, f, indent=1, sort_keys=True)
            os.replace(tmp, self.path)
