"""Confinement for the process that runs submitted code (Linux).

Called inside a freshly forked child, in this order: `enter_namespaces` (user where we are
not root, mount, network, pid), `confine_filesystem` (everything read-only, a small tmpfs
as the work directory, secrets masked), then in the pid-namespace init `mount_proc`,
`apply_limits` and `drop_privileges`. Every step reports failure instead of raising where
the OS simply does not allow it, so the judge can still run (with a warning) elsewhere.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import resource

CLONE_NEWNS = 0x00020000
CLONE_NEWIPC = 0x08000000
CLONE_NEWUSER = 0x10000000
CLONE_NEWPID = 0x20000000
CLONE_NEWNET = 0x40000000

MS_RDONLY = 1
MS_NOSUID = 2
MS_NODEV = 4
MS_NOEXEC = 8
MS_REMOUNT = 32
MS_BIND = 4096
MS_REC = 16384
MS_PRIVATE = 1 << 18

PR_SET_PDEATHSIG = 1
PR_SET_DUMPABLE = 4
PR_SET_CHILD_SUBREAPER = 36
PR_SET_NO_NEW_PRIVS = 38

NOBODY = 65534

_libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
_libc.mount.argtypes = [ctypes.c_char_p] * 3 + [ctypes.c_ulong, ctypes.c_char_p]
_libc.madvise.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int]
MADV_HUGEPAGE = 14
MADV_COLLAPSE = 25


def _check(ret: int, what: str) -> None:
    if ret != 0:
        err = ctypes.get_errno()
        raise OSError(err, f"{what}: {os.strerror(err)}")


def prctl(option: int, arg: int) -> None:
    _check(_libc.prctl(option, ctypes.c_ulong(arg), 0, 0, 0), f"prctl({option})")


def mount(
    src: str | None, target: str, fstype: str | None, flags: int, data: str | None = None
) -> None:
    enc = lambda s: None if s is None else s.encode()  # noqa: E731
    _check(_libc.mount(enc(src), enc(target), enc(fstype), flags, enc(data)), f"mount {target}")


def unshare(flags: int) -> None:
    _check(_libc.unshare(flags), "unshare")


def private_ipc() -> None:
    """A System V IPC and POSIX message-queue namespace of its own, gone when the process is.

    Shared memory segments and queues outlive the process that made them; without this a
    submission could leave them on the host or for the next test.
    """
    _check(_libc.unshare(CLONE_NEWIPC), "unshare(IPC)")


def umount(target: str) -> None:
    """Detach whatever is mounted on `target` (MNT_DETACH), if anything."""
    _libc.umount2(target.encode(), 2)


def enter_namespaces() -> None:
    """Unshare mount, network and pid namespaces (plus a user namespace when not root)."""
    uid, gid = os.geteuid(), os.getegid()
    flags = CLONE_NEWNS | CLONE_NEWNET | CLONE_NEWPID
    if uid != 0:
        flags |= CLONE_NEWUSER
    _check(_libc.unshare(flags), "unshare")
    if uid != 0:
        # Map only ourselves, as root of the new namespace: capabilities there, none outside.
        with open("/proc/self/setgroups", "w") as f:
            f.write("deny")
        with open("/proc/self/uid_map", "w") as f:
            f.write(f"0 {uid} 1")
        with open("/proc/self/gid_map", "w") as f:
            f.write(f"0 {gid} 1")


_ST_FLAGS = [(os.ST_NOSUID, MS_NOSUID), (os.ST_NODEV, MS_NODEV), (os.ST_NOEXEC, MS_NOEXEC)]
_ST_FLAGS += [
    (getattr(os, n), v)
    for n, v in [("ST_NOATIME", 1024), ("ST_NODIRATIME", 2048), ("ST_RELATIME", 1 << 21)]
    if hasattr(os, n)
]


def _mount_points() -> list[str]:
    points = []
    with open("/proc/self/mountinfo") as f:
        for line in f:
            mp = line.split()[4].encode().decode("unicode_escape")
            points.append(mp)
    return points


def _readonly(path: str) -> None:
    """Remount the mount at `path` read-only, keeping the flags it has (a user namespace may
    not drop nosuid, nodev or noexec from a mount it inherited)."""
    st = os.statvfs(path)
    keep = sum(ms for st_flag, ms in _ST_FLAGS if st.f_flag & st_flag)
    mount(None, path, None, MS_REMOUNT | MS_BIND | MS_RDONLY | keep)


def _bind_from(fd: int, target: str) -> None:
    """Bind what `fd` (an O_PATH descriptor) names onto `target`, read-only."""
    mount(f"/proc/self/fd/{fd}", target, None, MS_BIND | MS_REC)
    _readonly(target)


def _bind_back(fd: int, target: str) -> None:
    """Bind the needed path `fd` names onto `target` (inside a fresh tmpfs), read-only with
    every mount below it (the binding is recursive, so a mask inside it stays in place)."""
    if os.path.isdir(f"/proc/self/fd/{fd}"):
        os.makedirs(target, mode=0o755, exist_ok=True)
    else:
        os.makedirs(os.path.dirname(target), mode=0o755, exist_ok=True)
        os.close(os.open(target, os.O_CREAT | os.O_WRONLY, 0o644))
    _bind_from(fd, target)
    for mp in _mount_points():
        if mp != target and _under(mp, (target,)):
            try:
                _readonly(mp)
            except OSError:
                umount(mp)  # out of sight rather than writable


def _mask(path: str, keep_inside: list[str], null_fd: int) -> None:
    """Hide `path`: an empty read-only tmpfs over a folder (with `keep_inside` bound back into
    it), /dev/null over a file."""
    if os.path.isdir(path) and not os.path.islink(path):
        handles = [(k, os.open(k, os.O_PATH | os.O_CLOEXEC)) for k in keep_inside]
        mode = "755" if handles else "000"
        flags = MS_NOSUID | MS_NODEV | MS_NOEXEC
        mount("tmpfs", path, "tmpfs", flags, f"size=64k,mode={mode}")
        try:
            for keep, fd in handles:
                _bind_back(fd, os.path.join(path, os.path.relpath(keep, path)))
        finally:
            for _, fd in handles:
                os.close(fd)
        mount(None, path, None, MS_REMOUNT | MS_RDONLY | flags, f"size=64k,mode={mode}")
    elif os.path.exists(path):
        _bind_from(null_fd, path)


DEVICES = ("null", "zero", "random", "urandom")
_DEV_FLAGS = MS_NOSUID | MS_NODEV | MS_NOEXEC  # the devices are bind mounts with their own flags


def _minimal_dev(tmpfs_mb: int) -> None:
    """A /dev with only null, zero, random and urandom (no terminals, no /dev/pts), the usual
    fd links, and a private /dev/shm."""
    handles = {name: os.open(f"/dev/{name}", os.O_PATH | os.O_CLOEXEC) for name in DEVICES}
    try:
        mount("tmpfs", "/dev", "tmpfs", _DEV_FLAGS, "size=64k,mode=755")
        for name, fd in handles.items():
            os.close(os.open(f"/dev/{name}", os.O_CREAT | os.O_WRONLY, 0o666))
            mount(f"/proc/self/fd/{fd}", f"/dev/{name}", None, MS_BIND)
    finally:
        for fd in handles.values():
            os.close(fd)
    for name, target in (
        ("fd", "/proc/self/fd"),
        ("stdin", "/proc/self/fd/0"),
        ("stdout", "/proc/self/fd/1"),
        ("stderr", "/proc/self/fd/2"),
    ):
        os.symlink(target, f"/dev/{name}")
    os.mkdir("/dev/shm", 0o1777)
    mount(None, "/dev", None, MS_REMOUNT | MS_RDONLY | _DEV_FLAGS, "size=64k,mode=755")


SCRATCH = ("/tmp", "/var/tmp", "/dev/shm")


def _under(path: str, folders: tuple[str, ...]) -> bool:
    return any(path == f or path.startswith(f + "/") for f in folders)


def fresh_scratch(
    workdir: str, tmpfs_mb: int, keeps: list[str] | tuple[str, ...] = (), replace: bool = True
) -> None:
    """Empty tmpfs mounts on /tmp, /var/tmp, /dev/shm and the work folder (inside /tmp when
    that is where it lives), replacing (`replace`) whatever the previous request left there.

    The needed paths (`keeps`) inside them are bound back read-only from the view below:
    a checkout cloned into /tmp has its virtual environment there, and without it a
    submission could import only what the warm process had imported already (`np.median`
    needs numpy.ma, `np.random` numpy.random). The first call (`replace=False`) leaves the
    host's mounts below in place, so every later request binds from them again. /dev is
    rebuilt before this runs, so nothing needed can live in /dev/shm.
    """
    from mockint.grading.masks import holes

    if replace:
        for path in (workdir, *SCRATCH):
            umount(path)
    real_workdir = os.path.realpath(workdir)
    inside = [k for k in keeps if k != real_workdir]  # the work folder gets a tmpfs of its own
    flags = MS_NOSUID | MS_NODEV
    seen = set()
    for path in SCRATCH:
        real = os.path.realpath(path)
        if not os.path.isdir(path) or real in seen:
            continue  # missing, or a symlink to one already done (/var/tmp -> /tmp)
        seen.add(real)
        handles = [(k, os.open(k, os.O_PATH | os.O_CLOEXEC)) for k in holes(real, inside)]
        try:
            mount("tmpfs", path, "tmpfs", flags, f"size={tmpfs_mb}m,mode=1777")
            for keep, fd in handles:
                _bind_back(fd, keep)
        finally:
            for _, fd in handles:
                os.close(fd)
    os.makedirs(workdir, mode=0o755, exist_ok=True)
    mount("tmpfs", workdir, "tmpfs", flags, f"size={tmpfs_mb}m,mode=1777")


def confine_filesystem(
    workdir: str, masks: list[str], keeps: list[str], tmpfs_mb: int
) -> list[str]:
    """The sandbox's view of the file system, set up once per session (see the module doc).

    Every mount read-only; `masks` hidden (with the `keeps` inside them bound back); an
    empty /sys; a minimal /dev; empty tmpfs mounts on /tmp, /var/tmp, /dev/shm and
    `workdir`. Returns the mount points that could not be made read-only (should be none).
    """
    from mockint.grading.masks import holes

    mount(None, "/", None, MS_REC | MS_PRIVATE)
    failures = []
    for mp in _mount_points():
        if _under(mp, ("/proc", "/sys", "/dev", *SCRATCH)):
            continue  # /proc is replaced in the pid namespace; the others below
        try:
            _readonly(mp)
        except PermissionError:
            continue  # below a folder this user cannot enter: out of reach anyway
        except FileNotFoundError:
            continue  # mounted over by another mount: out of sight
        except OSError:
            failures.append(mp)
    null_fd = os.open("/dev/null", os.O_PATH | os.O_CLOEXEC)
    try:
        for path in masks:  # outermost first: an inner one may sit in a folder bound back
            if os.path.lexists(path):
                _mask(path, holes(path, keeps), null_fd)
    finally:
        os.close(null_fd)
    mount(
        "tmpfs", "/sys", "tmpfs", MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC, "size=4k,mode=555"
    )
    _minimal_dev(tmpfs_mb)
    fresh_scratch(workdir, tmpfs_mb, keeps, replace=False)
    return failures


def mount_proc() -> None:
    """A /proc that shows only the sandbox's own pid namespace."""
    try:
        mount("proc", "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC)
    except OSError:
        mount("tmpfs", "/proc", "tmpfs", MS_RDONLY, "size=4k,mode=555")


def collapse_to_huge_pages() -> int:
    """Back the private anonymous memory with 2 MB pages where the kernel can (Linux 6.1+).

    Fork and exit cost grows with the number of page-table entries: the warm process has
    ~150 MB of anonymous memory, so this halves the cost of every runner. Best effort.
    """
    huge = 1 << 21
    done = 0
    with open("/proc/self/maps") as f:
        regions = [line.split() for line in f]
    for fields in regions:
        if len(fields) != 5 or fields[1] != "rw-p" or fields[4] != "0":
            continue  # only private anonymous mappings (no backing file)
        lo, hi = (int(x, 16) for x in fields[0].split("-"))
        start, end = (lo + huge - 1) & ~(huge - 1), hi & ~(huge - 1)
        if end > start:
            _libc.madvise(start, end - start, MADV_HUGEPAGE)
            if _libc.madvise(start, end - start, MADV_COLLAPSE) == 0:
                done += end - start
    return done


def vm_size_bytes() -> int:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * 1024
    return 0


def apply_limits(cpu_s: float, memory_bytes: int, file_bytes: int, nofile: int, nproc: int) -> None:
    cpu = max(1, int(cpu_s + 0.999))
    # Soft limit sends SIGXCPU; the hard limit one second later kills even if it is ignored.
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    resource.setrlimit(resource.RLIMIT_FSIZE, (file_bytes, file_bytes))
    resource.setrlimit(resource.RLIMIT_NOFILE, (nofile, nofile))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    resource.setrlimit(resource.RLIMIT_NPROC, (nproc, nproc))


PR_CAPBSET_DROP = 24
_CAP_VERSION_3 = 0x20080522


class _CapHeader(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]


class _CapData(ctypes.Structure):
    _fields_ = [
        ("effective", ctypes.c_uint32),
        ("permitted", ctypes.c_uint32),
        ("inheritable", ctypes.c_uint32),
    ]


def drop_privileges() -> None:
    """No capabilities left, no way to gain any, and real root becomes nobody.

    Without this, root of a user namespace (the unprivileged path) could remount the
    read-only file system or unmount the masks: its mount namespace is its own.
    """
    if os.geteuid() == 0 and os.getuid() == 0 and is_initial_userns():
        os.setgroups([])
        os.setresgid(NOBODY, NOBODY, NOBODY)
        os.setresuid(NOBODY, NOBODY, NOBODY)  # also clears every capability
    for cap in range(64):
        if (
            _libc.prctl(PR_CAPBSET_DROP, ctypes.c_ulong(cap), 0, 0, 0) != 0
            and ctypes.get_errno() == 22
        ):
            break  # EINVAL: past the last capability this kernel knows
    header, data = _CapHeader(_CAP_VERSION_3, 0), (_CapData * 2)()
    _check(_libc.capset(ctypes.byref(header), ctypes.byref(data)), "capset")
    prctl(PR_SET_NO_NEW_PRIVS, 1)
    with open("/proc/self/status") as f:
        effective = next(line.split()[1] for line in f if line.startswith("CapEff:"))
    if int(effective, 16) != 0:
        raise OSError("could not drop capabilities")


def is_initial_userns() -> bool:
    try:
        with open("/proc/self/uid_map") as f:
            return f.read().split()[:3] == ["0", "0", "4294967295"]
    except OSError:
        return False
