"""Inside a sandbox session: namespaces and mounts once, then one runner per request.

Runs in the processes the zygote forks for a session (see `zygote` for the tree). Nothing
here holds expected values; runners execute submitted code through `harness`.
"""

from __future__ import annotations

import contextlib
import json
import os
import select
import shutil
import signal
import struct
import time
from typing import Any

from mockint.grading import sandbox


def read_all(fd: int, limit: int) -> bytes:
    chunks, total = [], 0
    while total < limit:
        chunk = os.read(fd, min(1 << 20, limit - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)


def remove_tree(path: str) -> None:
    shutil.rmtree(path, ignore_errors=True)


def session_main(
    payload_fd: int,
    out_w: int,
    frame_w: int,
    ctl_w: int,
    setup,
    tmpfs_mb: int,
    cgroup=None,
    needs_cgroup: bool = False,
) -> None:
    """The outer child; never returns. fds: 0 null, 1-2 output, 3 frame, 4 payload, 5 control.

    It moves itself into the session's cgroup first (while it still sees /sys and before
    it starts anything), so every process of the session is counted there.
    """
    try:
        if needs_cgroup:
            if cgroup is None:
                raise OSError("could not create the session's cgroup")
            cgroup.join(os.getpid())
        signal.set_wakeup_fd(-1)
        # Python ignores SIGXFSZ; the default makes a too-large file end the run at once.
        for sig in (signal.SIGUSR1, signal.SIGINT, signal.SIGXFSZ):
            signal.signal(sig, signal.SIG_DFL)
        os.setsid()
        sandbox.prctl(sandbox.PR_SET_PDEATHSIG, signal.SIGKILL)
        null = os.open("/dev/null", os.O_RDONLY)
        for src, dst in (
            (null, 0),
            (out_w, 1),
            (out_w, 2),
            (frame_w, 3),
            (payload_fd, 4),
            (ctl_w, 5),
        ):
            os.dup2(src, dst)
        os.closerange(6, 65536)
        if setup.namespaces:
            sandbox.enter_namespaces()
            sandbox.confine_filesystem(setup.judge_root, setup.masks, setup.keeps, tmpfs_mb)
            _pass_through(os.fork())  # the outer child only waits
            # Now pid 1 of the new namespace. The kernel drops default-action signals sent
            # to a namespace's init (SIGXCPU, SIGXFSZ), so submitted code never runs here.
            sandbox.prctl(sandbox.PR_SET_PDEATHSIG, signal.SIGKILL)
            sandbox.mount_proc()
        else:
            sandbox.prctl(sandbox.PR_SET_CHILD_SUBREAPER, 1)
    except BaseException as exc:
        os.write(3, b"S " + json.dumps({"sandbox_error": str(exc)[:500]}).encode() + b"\n")
        os._exit(70)
    try:
        _session_loop(setup, tmpfs_mb)
    finally:
        os._exit(0)


NO_MORE_REQUESTS = 75
SANDBOX_ERROR = 70
MAX_CLOCK_SAMPLES = 400
CLOCK_W, ACK_R, TOOK_W = 5, 6, 7  # a runner's descriptors beyond 0-4


class _Runner:
    """A forked runner as its parent (the session init) sees it."""

    def __init__(self, pid: int, took: int, clock: int, ack: int, workdir: str):
        self.pid, self.took, self.clock, self.ack, self.workdir = pid, took, clock, ack, workdir


def _session_loop(setup, tmpfs_mb: int) -> None:
    """Run requests one after another, each in a fresh runner.

    Forking costs a few milliseconds, so where the runner cannot touch a process that has
    not dropped its privileges yet (real root: runners run as nobody), the next runner is
    forked as soon as the current one has taken its request, and waits (still privileged,
    before any submitted code) for the next request while the current one works. Where
    runners keep the user's uid (the unprivileged path), a runner could signal a waiting
    one, so the next runner is forked only once the current one and all it started are gone.
    """
    n = [0]
    prefork = setup.runner_uid_differs

    def spawn() -> _Runner:
        n[0] += 1
        workdir = setup.judge_root
        if not setup.namespaces:
            workdir = os.path.join(setup.judge_root, f"run-{os.getpid()}-{n[0]}")
            os.mkdir(workdir)
            os.chmod(workdir, 0o1777)
        took_r, took_w = os.pipe()
        clock_r, clock_w = os.pipe()
        ack_r, ack_w = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.dup2(clock_w, CLOCK_W)  # replaces the init's control pipe in the runner
            os.dup2(ack_r, ACK_R)
            os.dup2(took_w, TOOK_W)
            os.closerange(TOOK_W + 1, 65536)
            _runner(setup, workdir)
        for fd in (took_w, clock_w, ack_r):
            os.close(fd)
        os.set_blocking(ack_w, False)
        return _Runner(pid, took_r, clock_r, ack_w, workdir)

    current = spawn()
    while True:
        took_request = read_all(current.took, 1) == b"x"
        os.close(current.took)
        if took_request:
            os.write(5, f"B {time.monotonic()!r}\n".encode())
        upcoming = spawn() if took_request and prefork else None
        status, rusage, samples = _wait_and_time(current)
        ended = time.monotonic()
        os.close(current.clock)
        os.close(current.ack)
        # Whatever the runner started dies with it; the upcoming runner is spared.
        _kill_all_but(upcoming.pid if upcoming else None, setup.namespaces)
        if not setup.namespaces:
            remove_tree(current.workdir)
        if not took_request:
            return  # no more requests (or the runner died before taking one): end the session
        if setup.namespaces:  # fresh, empty work folder, /tmp and /dev/shm for the next request
            sandbox.fresh_scratch(setup.judge_root, tmpfs_mb, setup.keeps)
        current = upcoming or spawn()
        cpu = rusage.ru_utime + rusage.ru_stime
        if samples:
            os.write(5, b"C " + json.dumps(samples).encode() + b"\n")
        os.write(5, f"E {status} {cpu!r} {ended!r}\n".encode())


def _cpu_ns(pid: int) -> int | None:
    """The CPU time (all threads, in ns) a process has used, read from outside it."""
    try:
        return time.clock_gettime_ns(((~pid) << 3) | 2)  # CPUCLOCK_SCHED of the process
    except OSError:
        return None


def _wait_and_time(runner: _Runner) -> tuple[int, Any, list[list[int]]]:
    """Wait for the runner to exit; meanwhile answer its clock requests.

    A runner timing the submission writes `T <size index>` before and after each call and
    waits for one byte back; this process, which runs no submitted code, reads the runner's
    CPU clock at each request. Submitted code can write requests too, but only to choose
    when its clock is read: the numbers come from the kernel, and at most
    MAX_CLOCK_SAMPLES are kept.
    """
    samples: list[list[int]] = []
    buf = b""
    pidfd = None
    with contextlib.suppress(OSError, AttributeError):
        pidfd = os.pidfd_open(runner.pid)
    clock_open = True
    try:
        while True:
            watched = [runner.clock] if clock_open else []
            if pidfd is not None:
                watched.append(pidfd)
            ready, _, _ = select.select(watched, [], [], None if pidfd is not None else 0.01)
            if runner.clock in ready:
                chunk = os.read(runner.clock, 4096)
                if not chunk:
                    clock_open = False
                buf += chunk
                while b"\n" in buf:
                    line, buf = buf.split(b"\n", 1)
                    parts = line.split()
                    if len(parts) == 2 and parts[0] == b"T" and parts[1].isdigit():
                        now = _cpu_ns(runner.pid)
                        if now is not None and len(samples) < MAX_CLOCK_SAMPLES:
                            samples.append([int(parts[1]), now])
                    with contextlib.suppress(OSError):
                        os.write(runner.ack, b"k")
                buf = buf[-64:]
            done, status, rusage = os.wait4(runner.pid, os.WNOHANG)
            if done:
                return status, rusage, samples
            if not clock_open and pidfd is None:
                _, status, rusage = os.wait4(runner.pid, 0)
                return status, rusage, samples
    finally:
        if pidfd is not None:
            os.close(pidfd)


def _kill_all_but(spare: int | None, in_pid_namespace: bool) -> None:
    """Kill and reap every other process: the whole pid namespace, or our (subreaper) children."""
    for _ in range(1000):
        if in_pid_namespace:
            victims = {int(p) for p in os.listdir("/proc") if p.isdigit()} - {1, spare}
        else:
            victims = children() - {spare}
        for victim in victims:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.kill(victim, signal.SIGKILL)
        while True:
            try:
                reaped, _ = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                break
            if reaped == 0 or reaped == spare:
                break
        if not victims:
            return
        time.sleep(0.0005)


def children() -> set[int]:
    kids: set[int] = set()
    try:
        for tid in os.listdir("/proc/self/task"):
            with open(f"/proc/self/task/{tid}/children") as f:
                kids.update(int(p) for p in f.read().split())
    except OSError:
        pass
    return kids


def _runner(setup, workdir: str) -> None:
    """Waits for one request, then runs it as the submission's process; never returns.

    The request carries a seal: a number the judge chose for this run, kept only in this
    frame's locals. The runner exits with it after the harness has written its result, so
    the judge can tell a result the harness wrote from one that submitted code wrote to the
    frame pipe before ending the process some other way.
    """
    seal = 0
    try:
        try:
            head = read_all(4, 4)
            if len(head) < 4:
                os._exit(NO_MORE_REQUESTS)
            (size,) = struct.unpack("!I", head)
            wrapper = json.loads(read_all(4, size))
            os.close(4)
            os.write(TOOK_W, b"x")
            os.close(TOOK_W)
            seal = int(wrapper.pop("seal", 0))
            _fresh_descriptors()
            if not setup.namespaces:
                os.setpgid(0, 0)
            os.chdir(workdir)
            if setup.namespaces:
                sandbox.private_ipc()
            limits = wrapper["limits"]
            # RLIMIT_NPROC counts every process of the uid on the host (other judges' runners
            # are nobody too), so it is only a backstop: a cgroup's pids.max bounds the tree,
            # or seccomp refuses new processes; without both it is the user's count + 1.
            if setup.processes == "nproc":
                nproc = 1 + setup.base_nproc
            elif setup.cgroups is not None and setup.cgroups.limits_pids:
                nproc = 4096 + setup.base_nproc
            else:
                nproc = 32 + setup.base_nproc
            sandbox.apply_limits(
                limits["cpu_s"],
                sandbox.vm_size_bytes() + limits["memory_mb"] * 2**20,
                limits["file_mb"] * 2**20,
                64,
                nproc,
            )
            sandbox.drop_privileges()
            if setup.seccomp is not None:
                setup.seccomp.load()
        except BaseException as exc:
            os.write(3, b"S " + json.dumps({"sandbox_error": str(exc)[:500]}).encode() + b"\n")
            os._exit(SANDBOX_ERROR)
        from mockint.grading import harness

        request = wrapper.pop("request")
        del wrapper
        harness.run(request, 3, CLOCK_W, ACK_R)
        os._exit(seal)
    finally:
        os._exit(0)  # never fall back into the session loop, whatever happened


def _reopen(fd: int, path: str, flags: int) -> None:
    """Replace `fd` with a new open file description of the same file (flags such as
    O_NONBLOCK live in the description, so nothing set on the old one carries over)."""
    new = os.open(path, flags | os.O_NONBLOCK | os.O_CLOEXEC)
    os.set_blocking(new, True)
    os.dup2(new, fd)  # dup2 clears close-on-exec on the copy
    os.close(new)


def _fresh_descriptors() -> None:
    """Stdin, the output pipe (1 and 2) and the frame pipe (3), each opened anew for this
    runner: the session's descriptions, shared by every runner, never reach submitted code."""
    _reopen(0, "/dev/null", os.O_RDONLY)
    _reopen(1, "/proc/self/fd/1", os.O_WRONLY)
    os.dup2(1, 2)
    _reopen(3, "/proc/self/fd/3", os.O_WRONLY)


def _pass_through(pid: int) -> None:
    """In the parent of `pid`: wait for it, then exit with its status (signal n -> 128 + n)."""
    if pid == 0:
        return
    for fd in (3, 4, 5):
        os.close(fd)
    _, status = os.waitpid(pid, 0)
    if os.WIFSIGNALED(status):
        os._exit(128 + os.WTERMSIG(status))
    os._exit(os.WEXITSTATUS(status))
