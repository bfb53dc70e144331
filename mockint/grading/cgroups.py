"""A cgroup per sandbox session, so memory is limited for a test's whole process tree.

RLIMIT_AS limits one process; twelve children of 200 MB each would pass a 256 MB limit. A
cgroup counts every process in it. The zygote (trusted, outside the namespaces) makes one
cgroup per session, the session's first process moves itself in before it enters its
namespaces (every runner and whatever it starts is then inside), and before each request
the zygote sets the limit and reads the OOM-kill counter (a kill during a request is a
memory-limit verdict). /sys is hidden in the sandbox, so nothing inside can change this.

Where one can be made:
- cgroup v2: below the zygote's own cgroup when the memory controller is enabled for its
  children there (e.g. a systemd unit with Delegate=yes, or a container's root cgroup);
- cgroup v1: below the zygote's own cgroup in the memory hierarchy (and the pids one when
  mounted), which in practice needs root.
Anywhere else `find()` says why not, and the sandbox falls back to one process per test
(see `syscalls`) with the address space limited.
"""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path

PIDS_MAX = 64


def _mounts() -> list[tuple[str, str, str, str]]:
    """(root, mount point, fs type, super options) per mount of this process."""
    out = []
    with open("/proc/self/mountinfo") as f:
        for line in f:
            fields = line.split()
            sep = fields.index("-")
            out.append((fields[3], fields[4], fields[sep + 1], fields[sep + 3]))
    return out


def _own_cgroups() -> dict[str, str]:
    """controller (or "" for v2) -> path of this process's cgroup in that hierarchy."""
    out = {}
    with open("/proc/self/cgroup") as f:
        for line in f:
            _, controllers, path = line.rstrip("\n").split(":", 2)
            for c in controllers.split(",") if controllers else [""]:
                out[c] = path
    return out


def _write(path: Path, value: str) -> None:
    with open(path, "w") as f:
        f.write(value)


class Cgroup:
    """One session's cgroup: a folder in one or two hierarchies (v1 memory + pids)."""

    def __init__(self, memory_dir: Path, pids_dir: Path | None, v2: bool):
        self.memory_dir, self.pids_dir, self.v2 = memory_dir, pids_dir, v2

    def dirs(self) -> list[Path]:
        return [self.memory_dir] + ([self.pids_dir] if self.pids_dir else [])

    def join(self, pid: int) -> None:
        for d in self.dirs():
            _write(d / "cgroup.procs", str(pid))

    def set_memory(self, limit: int, absolute: bool = False) -> None:
        """Limit the cgroup's memory (no swap) to `limit` bytes, or to `limit` bytes more
        than it holds now."""
        target = limit if absolute else self.usage() + limit
        if self.v2:
            _write(self.memory_dir / "memory.max", str(target))
            with contextlib.suppress(OSError):
                _write(self.memory_dir / "memory.swap.max", "0")
            return
        mem, memsw = (
            self.memory_dir / "memory.limit_in_bytes",
            self.memory_dir / "memory.memsw.limit_in_bytes",
        )
        # memsw (memory + swap) may never be below the memory limit: order the writes.
        order = [memsw, mem] if target >= self._read_int(mem) else [mem, memsw]
        for path in order:
            if path.exists():
                _write(path, str(target))

    def usage(self) -> int:
        name = "memory.current" if self.v2 else "memory.usage_in_bytes"
        return self._read_int(self.memory_dir / name)

    def oom_kills(self) -> int:
        name = "memory.events" if self.v2 else "memory.oom_control"
        try:
            text = (self.memory_dir / name).read_text()
        except OSError:
            return 0
        for line in text.splitlines():
            key, _, value = line.partition(" ")
            if key == "oom_kill":
                return int(value)
        return 0

    @staticmethod
    def _read_int(path: Path) -> int:
        try:
            text = path.read_text().strip()
        except OSError:
            return 0
        return int(text) if text.isdigit() else 1 << 62

    def remove(self) -> None:
        """Remove the folders (once the processes in them are gone; retried briefly)."""
        for d in self.dirs():
            for _ in range(50):
                try:
                    d.rmdir()
                    break
                except FileNotFoundError:
                    break
                except OSError:
                    time.sleep(0.01)


class Tree:
    """Where this zygote makes its sessions' cgroups."""

    def __init__(self, memory_base: Path, pids_base: Path | None, v2: bool, prefix: str):
        self.memory_base, self.pids_base, self.v2, self.prefix = memory_base, pids_base, v2, prefix
        controls = memory_base / "cgroup.subtree_control"
        v2_pids = v2 and controls.exists() and "pids" in controls.read_text().split()
        # Whether sessions get a pids.max (else RLIMIT_NPROC has to bound their processes).
        self.limits_pids = v2_pids or pids_base is not None

    def describe(self) -> str:
        where = f"{self.memory_base}" + (f" and {self.pids_base}" if self.pids_base else "")
        return f"cgroup {'v2' if self.v2 else 'v1'} at {where}"

    def make(self, name: str) -> Cgroup:
        mem = self.memory_base / f"{self.prefix}{name}"
        mem.mkdir()
        pids = None
        if self.pids_base is not None:
            pids = self.pids_base / f"{self.prefix}{name}"
            try:
                pids.mkdir()
                _write(pids / "pids.max", str(PIDS_MAX))
            except OSError:
                pids = None
        if self.v2:
            with contextlib.suppress(OSError):
                _write(mem / "pids.max", str(PIDS_MAX))
        return Cgroup(mem, pids, self.v2)

    def sweep(self) -> None:
        """Remove empty cgroups left by zygotes that were killed (their pid is gone)."""
        for base in filter(None, (self.memory_base, self.pids_base)):
            for d in base.glob("mockint-judge-*"):
                pid = d.name.split("-")[2]
                if pid.isdigit() and not os.path.exists(f"/proc/{pid}"):
                    with contextlib.suppress(OSError):
                        d.rmdir()


def _probe_dir(base: Path, v2: bool) -> str:
    """ "" if a child cgroup with a memory limit can be made under `base`, else why not."""
    test = base / f"mockint-judge-{os.getpid()}-probe"
    try:
        test.mkdir()
    except OSError as exc:
        return f"cannot create a cgroup in {base}: {exc.strerror}"
    try:
        limit = test / ("memory.max" if v2 else "memory.limit_in_bytes")
        if not limit.exists():
            return f"the memory controller is not enabled for the children of {base}"
        _write(limit, str(1 << 30))
        return ""
    except OSError as exc:
        return f"cannot set a memory limit in {base}: {exc.strerror}"
    finally:
        with contextlib.suppress(OSError):
            test.rmdir()


def find() -> tuple[Tree | None, str]:
    """The place to make session cgroups, or (None, why there is none)."""
    if os.environ.get("MOCKINT_JUDGE_NO_CGROUP") == "1":  # to test the fallback path
        return None, "cgroups switched off by MOCKINT_JUDGE_NO_CGROUP"
    try:
        mounts, own = _mounts(), _own_cgroups()
    except OSError as exc:
        return None, f"cannot read this process's cgroups: {exc}"
    prefix = f"mockint-judge-{os.getpid()}-"
    reasons = []
    v2_mount = next((mp for root, mp, fs, _ in mounts if fs == "cgroup2" and root == "/"), None)
    if v2_mount and "" in own:
        base = Path(v2_mount + own[""].rstrip("/"))
        # Session cgroups go directly below the zygote's own cgroup.
        controls = (base / "cgroup.subtree_control").read_text() if base.exists() else ""
        if "memory" in controls.split():
            why = _probe_dir(base, v2=True)
            if not why:
                return Tree(base, None, True, prefix), ""
            reasons.append(why)
        else:
            reasons.append(f"cgroup v2: memory is not delegated to the children of {base}")
    v1 = {}
    for root, mp, fs, opts in mounts:
        for c in ("memory", "pids"):
            if fs == "cgroup" and c in opts.split(",") and root == "/" and c in own:
                v1[c] = Path(mp + own[c].rstrip("/"))
    if "memory" in v1:
        why = _probe_dir(v1["memory"], v2=False)
        if not why:
            pids = v1.get("pids")
            if pids is not None and not os.access(pids, os.W_OK):
                pids = None
            return Tree(v1["memory"], pids, False, prefix), ""
        reasons.append("cgroup v1: " + why)
    return None, "; ".join(reasons) or "no cgroup hierarchy with a memory controller"
