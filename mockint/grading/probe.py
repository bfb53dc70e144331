"""What this machine lets the judge do, decided once when the zygote starts.

`Setup` holds the answer: whether namespaces work (a forked child tries the whole set-up
once), the paths to mask, and the user's task count (for RLIMIT_NPROC).
"""

from __future__ import annotations

import os

from mockint.grading import sandbox, session


class Setup:
    """How this zygote sandboxes: decided once by a probe at start."""

    def __init__(self, judge_root: str, masks: list[str], keeps: list[str]):
        self.judge_root = judge_root
        self.masks, self.keeps = masks, keeps
        self.namespaces, self.warning = probe_namespaces(judge_root, masks, keeps)
        self.base_nproc = count_user_tasks(os.getuid()) if os.getuid() != 0 else 0
        # Runners drop to nobody only where the zygote is real root; elsewhere they keep the
        # user's uid on the host, and so could signal any other process of the session.
        self.runner_uid_differs = os.geteuid() == 0 and sandbox.is_initial_userns()


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
