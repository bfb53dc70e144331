"""The fork server: a clean, pre-warmed process that runs each request in a sandboxed child.

The worker forks the zygote right after importing NumPy and torch and before it loads any
problem, so the zygote (and every child forked from it) holds no expected value and no
hidden case. A request's payload (code and one case's input) travels on a pipe whose read
end is passed to the zygote over a Unix socket; only the child ever reads it.

Process tree of one run:
  zygote (child subreaper)
    └─ outer child: new session; unshare mount/net/pid (+user) namespaces; read-only fs
         └─ inner child: pid 1 of the new namespace; /proc, rlimits, nobody; runs harness
When the inner child dies every process it left in its namespace dies with it.
"""

from __future__ import annotations

import json
import os
import select
import signal
import socket
import struct
import time

from mockint.grading import sandbox

FRAME_CAP = 32 * 1024 * 1024
KEEP_OUTPUT = 16 * 1024


def send_msg(sock: socket.socket, obj: dict, fds: list[int] | None = None) -> None:
    data = json.dumps(obj).encode()
    msg = struct.pack("!I", len(data)) + data
    if fds:
        socket.send_fds(sock, [msg], fds)
    else:
        sock.sendall(msg)


def recv_msg(sock: socket.socket) -> tuple[dict | None, list[int]]:
    head, fds, _, _ = socket.recv_fds(sock, 4, 4)
    if len(head) == 0:
        return None, fds
    while len(head) < 4:
        more = sock.recv(4 - len(head))
        if not more:
            return None, fds
        head += more
    (n,) = struct.unpack("!I", head)
    buf = b""
    while len(buf) < n:
        chunk = sock.recv(n - len(buf))
        if not chunk:
            return None, fds
        buf += chunk
    return json.loads(buf), fds


def _read_all(fd: int, limit: int) -> bytes:
    chunks, total = [], 0
    while total < limit:
        chunk = os.read(fd, min(1 << 20, limit - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)


class _Setup:
    """How this zygote sandboxes: decided once by a probe at start."""

    def __init__(self, judge_root: str, masks: list[str]):
        self.judge_root = judge_root
        self.masks = [m for m in masks if os.path.isdir(m)]
        self.namespaces, self.warning = _probe(judge_root, self.masks)
        self.base_nproc = _count_user_tasks(os.getuid()) if os.getuid() != 0 else 0


def _count_user_tasks(uid: int) -> int:
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


def _probe(judge_root: str, masks: list[str]) -> tuple[bool, str]:
    if os.environ.get("MOCKINT_JUDGE_NO_NAMESPACES") == "1":  # to test the fallback path
        return False, ("Linux namespaces switched off by MOCKINT_JUDGE_NO_NAMESPACES; submissions run "
                       "with resource limits only: the file system and network are NOT isolated.")
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(r)
        try:
            sandbox.enter_namespaces()
            failed = sandbox.confine_filesystem(judge_root, masks, 1)
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
        except BaseException as exc:  # noqa: BLE001 - any failure means "no namespaces"
            os.write(w, str(exc).encode()[:500])
        os._exit(0)
    os.close(w)
    answer = _read_all(r, 1000).decode(errors="replace")
    os.close(r)
    os.waitpid(pid, 0)
    if answer == "ok":
        return True, ""
    return False, (
        "Linux namespaces are not available to this user (" + (answer or "unknown error") + "); "
        "submissions run with resource limits only: the file system and network are NOT isolated."
    )


def serve(sock: socket.socket, judge_root: str, masks: list[str]) -> None:
    """Zygote main loop (never returns)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    sandbox.prctl(sandbox.PR_SET_CHILD_SUBREAPER, 1)
    sandbox.prctl(sandbox.PR_SET_PDEATHSIG, signal.SIGKILL)
    import torch

    torch.set_num_threads(1)
    from mockint.grading import harness  # noqa: F401 - imported once here, not per child

    setup = _Setup(judge_root, masks)
    send_msg(sock, {"ready": True, "namespaces": setup.namespaces, "warning": setup.warning})
    wake_r, wake_w = os.pipe()
    os.set_blocking(wake_r, False)
    os.set_blocking(wake_w, False)
    _WAKE[:] = [wake_r]
    signal.set_wakeup_fd(wake_w)
    # The worker cancels a run with SIGUSR1; the handler only has to exist.
    signal.signal(signal.SIGUSR1, lambda *_: None)
    runs = 0
    while True:
        msg, fds = recv_msg(sock)
        if msg is None:
            os._exit(0)
        if msg.get("op") != "run" or len(fds) != 1:
            for fd in fds:
                os.close(fd)
            continue
        runs += 1
        _drain(_WAKE[0])  # a cancel that arrived after the previous run ended
        reply, blobs = _run_one(msg, fds[0], setup, runs)
        send_msg(sock, reply)
        for blob in blobs:
            sock.sendall(blob)


def _child(msg: dict, payload_fd: int, out_w: int, frame_w: int, setup: _Setup, workdir: str) -> None:
    """In the outer child; never returns."""
    try:
        signal.set_wakeup_fd(-1)
        # Python ignores SIGXFSZ; the default makes a too-large file end the run at once.
        for sig in (signal.SIGUSR1, signal.SIGINT, signal.SIGXFSZ):
            signal.signal(sig, signal.SIG_DFL)
        os.setsid()
        sandbox.prctl(sandbox.PR_SET_PDEATHSIG, signal.SIGKILL)
        null = os.open("/dev/null", os.O_RDONLY)
        os.dup2(null, 0)
        os.dup2(out_w, 1)
        os.dup2(out_w, 2)
        os.dup2(frame_w, 3)
        os.dup2(payload_fd, 4)
        os.closerange(5, 65536)
        raw = _read_all(4, 256 * 1024 * 1024)
        os.close(4)
        if setup.namespaces:
            sandbox.enter_namespaces()
            sandbox.confine_filesystem(setup.judge_root, setup.masks, msg["tmpfs_mb"])
            _pass_through(os.fork())  # the outer child only waits
            # Now pid 1 of the new namespace. The kernel drops default-action signals sent
            # to a namespace's init (SIGXCPU, SIGXFSZ), so submitted code must not run here:
            # this process mounts /proc, forks the runner and waits.
            sandbox.prctl(sandbox.PR_SET_PDEATHSIG, signal.SIGKILL)
            sandbox.mount_proc()
            _pass_through(os.fork(), reap_all=True)
        os.chdir(workdir)
        limits = msg["limits"]
        nproc = 32 + setup.base_nproc
        sandbox.apply_limits(limits["cpu_s"], sandbox.vm_size_bytes() + limits["memory_mb"] * 2**20,
                             limits["file_mb"] * 2**20, 64, nproc)
        sandbox.drop_privileges()
        request = json.loads(raw)
        del raw
    except BaseException as exc:  # noqa: BLE001 - report, never run code unconfined
        os.write(3, b"S " + json.dumps({"sandbox_error": str(exc)[:500]}).encode() + b"\n")
        os._exit(70)
    try:
        from mockint.grading import harness

        harness.run(request, 3)
    finally:
        os._exit(0)  # never fall back into the zygote's loop, whatever happened


def _pass_through(pid: int, reap_all: bool = False) -> None:
    """In the parent of `pid`: wait for it, then exit with its status (signal n -> 128 + n)."""
    if pid == 0:
        return
    os.close(3)
    while True:
        done, status = os.waitpid(-1 if reap_all else pid, 0)
        if done == pid:
            break
    if os.WIFSIGNALED(status):
        os._exit(128 + os.WTERMSIG(status))
    os._exit(os.WEXITSTATUS(status))


def _run_one(msg: dict, payload_fd: int, setup: _Setup, n: int) -> tuple[dict, list[bytes]]:
    out_r, out_w = os.pipe()
    frame_r, frame_w = os.pipe()
    if setup.namespaces:
        workdir = setup.judge_root  # a fresh tmpfs is mounted over it inside the child
    else:
        workdir = os.path.join(setup.judge_root, f"run-{n}")
        os.mkdir(workdir)
        os.chmod(workdir, 0o1777)
    start = time.monotonic()
    pid = os.fork()
    if pid == 0:
        os.close(out_r)
        os.close(frame_r)
        _child(msg, payload_fd, out_w, frame_w, setup, workdir)
    os.close(payload_fd)
    os.close(out_w)
    os.close(frame_w)
    limits = msg["limits"]
    deadline = start + limits["wall_s"]
    out_cap = limits["output_kb"] * 1024
    out_keep, out_total, frame = bytearray(), 0, bytearray()
    timed_out = output_exceeded = frame_exceeded = cancelled = False
    pidfd = os.pidfd_open(pid)
    open_fds = {out_r, frame_r}
    status = None
    while status is None:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            timed_out = True
            break
        ready, _, _ = select.select(list(open_fds) + [pidfd, _WAKE[0]], [], [], remaining)
        if _WAKE[0] in ready and _drain(_WAKE[0]):
            cancelled = True
            break
        if out_r in ready:
            chunk = os.read(out_r, 65536)
            if not chunk:
                open_fds.discard(out_r)
            else:
                out_total += len(chunk)
                if len(out_keep) < KEEP_OUTPUT:
                    out_keep += chunk[: KEEP_OUTPUT - len(out_keep)]
                if out_total > out_cap:
                    output_exceeded = True
                    break
        if frame_r in ready:
            chunk = os.read(frame_r, 1 << 20)
            if not chunk:
                open_fds.discard(frame_r)
            else:
                frame += chunk
                if len(frame) > FRAME_CAP:
                    frame_exceeded = True
                    break
        if pidfd in ready:
            _, status, rusage = os.wait4(pid, 0)
    wall = time.monotonic() - start
    if status is None:
        _kill_group(pid)
        _, status, rusage = os.wait4(pid, 0)
    else:
        _kill_group(pid)
    # Whatever is already in the pipes (escapees may hold the write ends open: do not wait).
    for fd, is_frame in ((out_r, False), (frame_r, True)):
        os.set_blocking(fd, False)
        try:
            while True:
                chunk = os.read(fd, 1 << 20)
                if not chunk:
                    break
                if is_frame and len(frame) <= FRAME_CAP:
                    frame += chunk
                elif not is_frame:
                    out_total += len(chunk)
                    if len(out_keep) < KEEP_OUTPUT:
                        out_keep += chunk[: KEEP_OUTPUT - len(out_keep)]
        except BlockingIOError:
            pass
        os.close(fd)
    os.close(pidfd)
    _reap_orphans()
    if not setup.namespaces:
        _remove_tree(workdir)
    if len(frame) > FRAME_CAP:
        frame_exceeded = True
        frame = frame[:FRAME_CAP]
    reply = {
        "exit": os.WEXITSTATUS(status) if os.WIFEXITED(status) else None,
        "signal": os.WTERMSIG(status) if os.WIFSIGNALED(status) else None,
        "wall_s": wall,
        "cpu_s": rusage.ru_utime + rusage.ru_stime,
        "timed_out": timed_out,
        "output_exceeded": output_exceeded or out_total > out_cap,
        "frame_exceeded": frame_exceeded,
        "cancelled": cancelled,
        "output_bytes": out_total,
        "output_len": len(out_keep),
        "frame_len": len(frame),
    }
    return reply, [bytes(out_keep), bytes(frame)]


_WAKE: list[int] = []


def _drain(fd: int) -> bool:
    got = False
    try:
        while os.read(fd, 512):
            got = True
    except BlockingIOError:
        pass
    return got


def _kill_group(pid: int) -> None:
    try:
        os.killpg(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def _reap_orphans() -> None:
    """Kill and reap anything re-parented to us (escapees when there is no pid namespace)."""
    for _ in range(50):
        kids = set()
        try:
            for tid in os.listdir("/proc/self/task"):
                with open(f"/proc/self/task/{tid}/children") as f:
                    kids.update(int(p) for p in f.read().split())
        except OSError:
            pass
        for kid in kids:
            for target in (-kid, kid):
                try:
                    os.kill(target, signal.SIGKILL)
                except (ProcessLookupError, PermissionError):
                    pass
        reaped = False
        while True:
            try:
                p, _ = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                return
            if p == 0:
                break
            reaped = True
        if not kids and not reaped:
            return
        time.sleep(0.002)


def _remove_tree(path: str) -> None:
    import shutil

    shutil.rmtree(path, ignore_errors=True)
