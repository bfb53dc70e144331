"""The seccomp filter each runner loads just before submitted code runs (Linux).

Namespaces hide paths, but on the unprivileged path the submission keeps the user's uid on
the host, so anything it can still name (a Unix socket by path, the kernel keyring, a new
namespace of its own) stays reachable; the filter closes those doors in the kernel.

It is built with libseccomp, through its Python binding when one is installed (`seccomp`,
e.g. Debian's python3-seccomp for the system Python) or else `pyseccomp` (a small ctypes
binding with the same API, installed with mockint, over the libseccomp.so.2 shared library
that every mainstream distribution ships). libseccomp writes the BPF program, checks the
architecture (a syscall made through another ABI, e.g. i386 or x32 on x86-64, kills the
process) and knows the syscall numbers of each architecture: nothing here is hand-made BPF.

Policy: allow by default, deny a list. A whitelist would also have to follow every syscall
that Python, NumPy, torch and their libraries make on every kernel and C library; a denied
syscall that torch needs would turn correct submissions into runtime errors. The list below
is what a sandboxed program has no use for and what reaches outside the sandbox:

- sockets: `socket` always (the runner itself uses none), `socketpair` for any family but
  AF_UNIX (an unnamed pair reaches nothing outside);
- the kernel keyring: `add_key`, `request_key`, `keyctl` (shared by all of a uid's processes);
- other processes' memory: `ptrace`, `process_vm_readv`, `process_vm_writev`;
- mounts and namespaces: `mount`, `umount2`, the new mount API, `pivot_root`, `chroot`,
  `unshare`, `setns`, `clone` with any namespace flag, and `clone3` (its flags sit in memory
  a filter cannot read; it fails with ENOSYS, so the C library falls back to `clone`);
- kernel attack surface: `bpf`, `perf_event_open`, `userfaultfd`, `io_uring_*` (io_uring
  would run socket and file operations past this filter), `personality` (except the query),
  modules, `kexec_*`, `reboot`, swap, `acct`, quotas, `syslog`, handle-based opens, clocks,
  host names, `iopl`/`ioperm`;
- terminal injection: `ioctl(TIOCSTI)` and `ioctl(TIOCLINUX)`;
- with `one_process` (where no cgroup can limit the memory of a whole process tree): `fork`,
  `vfork` and `clone` without CLONE_THREAD fail with EAGAIN, so the address-space limit of
  the single process bounds everything the submission can allocate (threads share it).

Denied calls fail with EPERM (EAGAIN and ENOSYS as said), never by killing the process, so
a submission gets an ordinary Python exception it can read in its traceback.
"""

from __future__ import annotations

import errno
import importlib
import socket
from typing import Any

CLONE_THREAD = 0x00010000
# CLONE_NEWNS, NEWCGROUP, NEWUTS, NEWIPC, NEWUSER, NEWPID, NEWNET (CLONE_NEWTIME is only
# valid for unshare and clone3, both denied outright).
NAMESPACE_FLAGS = (
    0x00020000,
    0x02000000,
    0x04000000,
    0x08000000,
    0x10000000,
    0x20000000,
    0x40000000,
)
TIOCSTI, TIOCLINUX = 0x5412, 0x541C
PERSONALITY_QUERY = 0xFFFFFFFF

DENIED = (
    "socket",
    "add_key", "request_key", "keyctl",
    "ptrace", "process_vm_readv", "process_vm_writev",
    "mount", "umount2", "pivot_root", "chroot", "unshare", "setns",
    "fsopen", "fsconfig", "fsmount", "fspick", "move_mount", "open_tree", "mount_setattr",
    "open_tree_attr",
    "bpf", "perf_event_open", "userfaultfd",
    "io_uring_setup", "io_uring_enter", "io_uring_register",
    "init_module", "finit_module", "delete_module", "kexec_load", "kexec_file_load",
    "reboot", "swapon", "swapoff", "acct", "quotactl", "quotactl_fd", "syslog", "vhangup",
    "lookup_dcookie", "open_by_handle_at", "name_to_handle_at", "uselib", "nfsservctl",
    "sethostname", "setdomainname", "settimeofday", "clock_settime", "clock_adjtime",
    "adjtimex", "iopl", "ioperm",
)  # fmt: skip


def _binding() -> tuple[Any, str]:
    """The libseccomp binding module and a name for it, or (None, why not)."""
    try:  # libseccomp's own binding, where the system provides it
        return importlib.import_module("seccomp"), "libseccomp's Python binding"
    except ImportError:
        pass
    try:
        pyseccomp = importlib.import_module("pyseccomp")
    except ImportError:
        return None, "no libseccomp binding is installed (pip install pyseccomp)"
    except (RuntimeError, OSError) as exc:  # pyseccomp raises when libseccomp.so.2 is missing
        return None, f"libseccomp is missing ({exc}; install the libseccomp2 package)"
    return pyseccomp, f"pyseccomp {getattr(pyseccomp, '__version__', '?')}"


class Filter:
    """A built filter (in the zygote, once) that each runner loads (in 0.3 ms or so)."""

    def __init__(self, one_process: bool):
        lib, self.binding = _binding()
        if lib is None:
            raise OSError(self.binding)
        self.one_process = one_process
        self.skipped: list[str] = []  # names this libseccomp does not know (older than the kernel)
        eperm = lib.ERRNO(errno.EPERM)
        f = lib.SyscallFilter(lib.ALLOW)
        f.set_attr(lib.Attr.ACT_BADARCH, lib.KILL_PROCESS)
        for name in DENIED:
            self._add(f, eperm, name)
        self._add(f, eperm, "socketpair", lib.Arg(0, lib.NE, socket.AF_UNIX))
        for flag in NAMESPACE_FLAGS:
            self._add(f, eperm, "clone", lib.Arg(0, lib.MASKED_EQ, flag, flag))
        self._add(f, lib.ERRNO(errno.ENOSYS), "clone3")
        self._add(f, eperm, "personality", lib.Arg(0, lib.NE, PERSONALITY_QUERY))
        for request in (TIOCSTI, TIOCLINUX):  # the kernel reads the request as 32 bits
            self._add(f, eperm, "ioctl", lib.Arg(1, lib.MASKED_EQ, 0xFFFFFFFF, request))
        if one_process:
            eagain = lib.ERRNO(errno.EAGAIN)
            self._add(f, eagain, "fork")
            self._add(f, eagain, "vfork")
            self._add(f, eagain, "clone", lib.Arg(0, lib.MASKED_EQ, CLONE_THREAD, 0))
        self._filter = f

    def _add(self, f: Any, action: int, name: str, *args: Any) -> None:
        try:
            f.add_rule(action, name, *args)
        except (OSError, ValueError, RuntimeError):
            self.skipped.append(name)  # unknown to this libseccomp or this architecture

    def load(self) -> None:
        """Install the filter in this process (needs no_new_privs or CAP_SYS_ADMIN)."""
        self._filter.load()

    def describe(self) -> str:
        what = "sockets, keyring, ptrace, mounts, namespaces, bpf, perf, io_uring, TIOCSTI"
        if self.one_process:
            what += ", new processes"
        return f"seccomp filter via {self.binding}: denies {what}"


def build(one_process: bool) -> tuple[Filter | None, str]:
    """(the filter, "") or (None, why there is none)."""
    try:
        return Filter(one_process), ""
    except OSError as exc:
        return None, str(exc)
