"""What this machine lets the judge do, decided once when the zygote starts.

`Setup` holds the answer: whether namespaces work (a forked child tries the whole set-up
once), the paths to mask and those bound back, the seccomp filter (built here, tried in a
forked child), where session cgroups go (or why none), how processes are limited, and the
warnings to show. `protections()` is what `mockint grade --explain-sandbox` prints.
"""

from __future__ import annotations

import os
from typing import Any

from mockint.grading import cgroups, sandbox, session, syscalls
from mockint.grading.masks import holes

MEMORY_WORDS = {
    "tree": "the whole process tree of each test (cgroup)",
    "one": "one process per test (seccomp refuses new processes), limited to its address "
    "space (RLIMIT_AS); threads share that space",
    "nproc": "each process's address space (RLIMIT_AS), with RLIMIT_NPROC close to one more "
    "process: WEAK, a test that starts processes may use more than its limit in total",
}


class Setup:
    """How this zygote sandboxes: decided once by a probe at start."""

    def __init__(self, judge_root: str, masks: list[str], keeps: list[str]):
        self.judge_root = judge_root
        self.masks, self.keeps = masks, keeps
        warnings = []
        self.namespaces, ns_warning = probe_namespaces(judge_root, masks, keeps)
        if ns_warning:
            warnings.append(ns_warning)
        self.base_nproc = count_user_tasks(os.getuid()) if os.getuid() != 0 else 0
        # Runners drop to nobody only where the zygote is real root; elsewhere they keep the
        # user's uid on the host, and so could signal any other process of the session.
        self.runner_uid_differs = os.geteuid() == 0 and sandbox.is_initial_userns()
        self.cgroups, self.cgroup_why = cgroups.find()
        if self.cgroups is not None:
            self.cgroups.sweep()
        self.seccomp, self.seccomp_why = probe_seccomp(one_process=self.cgroups is None)
        if self.seccomp is None:
            warnings.append(
                f"No seccomp filter ({self.seccomp_why}): submissions can open sockets, "
                "use the kernel keyring and start namespaces of their own. Install the "
                "libseccomp2 package (and pyseccomp) for the full sandbox."
            )
        if self.cgroups is not None:
            self.processes = "tree"
        else:
            self.processes = "one" if self.seccomp is not None else "nproc"
        if self.processes == "nproc":
            warnings.append("Memory is limited per process only: " + MEMORY_WORDS["nproc"] + ".")
        self.warning = " ".join(warnings)
        self.warnings = warnings

    def protections(self) -> dict[str, Any]:
        """What is active on this machine, for `--explain-sandbox` and the ready event."""
        uid = os.geteuid()
        return {
            "namespaces": {
                "active": self.namespaces,
                "detail": (
                    "user (unprivileged path), mount, network, pid and IPC"
                    if uid != 0
                    else "mount, network, pid and IPC (as root; runners run as nobody)"
                )
                if self.namespaces
                else "not available",
            },
            "filesystem": (
                "read-only; minimal /dev (null, zero, random, urandom); no /sys; private /tmp, "
                "/var/tmp, /dev/shm and work folder; hidden paths below"
                if self.namespaces
                else "NOT isolated (no mount namespace)"
            ),
            "hidden": list(self.masks) if self.namespaces else [],
            "bound_back": sorted({k for m in self.masks for k in holes(m, self.keeps)})
            if self.namespaces
            else [],
            "seccomp": {
                "active": self.seccomp is not None,
                "detail": self.seccomp.describe() if self.seccomp else self.seccomp_why,
                "unknown_to_libseccomp": list(self.seccomp.skipped) if self.seccomp else [],
            },
            "cgroup": {
                "active": self.cgroups is not None,
                "detail": self.cgroups.describe() if self.cgroups else self.cgroup_why,
            },
            "processes": self.processes,
            "memory": MEMORY_WORDS[self.processes],
            "priority": f"nice {os.getpriority(os.PRIO_PROCESS, 0)}",
            "runner_user": "nobody" if self.runner_uid_differs else "the worker's own uid",
            "warnings": list(self.warnings),
        }


def probe_seccomp(one_process: bool) -> tuple[syscalls.Filter | None, str]:
    """Build the filter and load it once in a forked child (the kernel may lack seccomp)."""
    if os.environ.get("MOCKINT_JUDGE_NO_SECCOMP") == "1":  # to test the degraded path
        return None, "switched off by MOCKINT_JUDGE_NO_SECCOMP"
    filt, why = syscalls.build(one_process)
    if filt is None:
        return None, why
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(r)
        try:
            sandbox.prctl(sandbox.PR_SET_NO_NEW_PRIVS, 1)
            filt.load()
            os.write(w, b"ok")
        except BaseException as exc:
            os.write(w, f"loading it failed: {exc}".encode()[:500])
        os._exit(0)
    os.close(w)
    answer = session.read_all(r, 1000).decode(errors="replace")
    os.close(r)
    os.waitpid(pid, 0)
    return (filt, "") if answer == "ok" else (None, answer or "loading it failed")


def count_user_tasks(uid: int) -> int:
    n = 0
    for pid in os.listdir("/proc"):
        if pid.isdigit():
            try:
                st = os.stat(f"/proc/{pid}")
                if st.st_uid == uid:
                    n += len(os.listdir(f"/proc/{pid}/task"))
            except OSError:
                pass
    return n


def probe_namespaces(judge_root: str, masks: list[str], keeps: list[str]) -> tuple[bool, str]:
    if os.environ.get("MOCKINT_JUDGE_NO_NAMESPACES") == "1":  # to test the fallback path
        return False, (
            "Linux namespaces switched off by MOCKINT_JUDGE_NO_NAMESPACES; submissions run "
            "with resource limits only: the file system and network are NOT isolated."
        )
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(r)
        try:
            sandbox.enter_namespaces()
            failed = sandbox.confine_filesystem(judge_root, masks, keeps, 1)
            if failed:
                raise OSError(f"could not make read-only: {', '.join(failed[:5])}")
            inner = os.fork()
            if inner == 0:
                sandbox.mount_proc()
                os._exit(0)
            _, status = os.waitpid(inner, 0)
            if status != 0:
                raise OSError("the pid namespace could not mount /proc")
            os.write(w, b"ok")
        except BaseException as exc:
            os.write(w, str(exc).encode()[:500])
        os._exit(0)
    os.close(w)
    answer = session.read_all(r, 1000).decode(errors="replace")
    os.close(r)
    os.waitpid(pid, 0)
    if answer == "ok":
        return True, ""
    return False, (
        "Linux namespaces are not available to this user (" + (answer or "unknown error") + "); "
        "submissions run with resource limits only: the file system and network are NOT isolated."
    )
