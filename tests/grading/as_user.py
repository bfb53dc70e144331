"""Run a command as an ordinary user, from a root test: `python as_user.py UID GID -- CMD...`.

`--bind SRC:DST` (repeatable, before `--`) also binds SRC onto the existing folder DST in
that namespace: the tests put the virtual environment under /tmp that way, as a checkout
cloned into /tmp has it, without copying it (UID 0 keeps root).

The judge must be tested as the user it normally runs as, but this checkout's Python may
live under a directory that user cannot enter (pyenv under /root, mode 0700). So, in a
private mount namespace of its own (nothing changes for any other process), each such
directory is covered by an empty tmpfs into which only the paths the command needs (the
Python installation, the virtual environment, the checkout) are bound back. Then the
process drops to UID/GID with no supplementary groups and runs CMD.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from mockint.grading import sandbox  # noqa: E402


def _enterable(path: Path, uid: int) -> bool:
    st = path.stat()
    if st.st_uid == uid:
        return bool(st.st_mode & stat.S_IXUSR)
    return bool(st.st_mode & stat.S_IXOTH)


def _blocking_ancestor(path: Path, uid: int) -> Path | None:
    """The outermost directory on the way to `path` that `uid` may not enter, if any."""
    for parent in reversed([path, *path.parents]):
        if parent.is_dir() and not _enterable(parent, uid):
            return parent
    return None


def needed_paths() -> list[Path]:
    return [Path(p).resolve() for p in (sys.base_prefix, sys.prefix, REPO)]


def open_up(uid: int) -> None:
    """Make the needed paths reachable by `uid` in this (new, private) mount namespace."""
    sandbox.unshare(sandbox.CLONE_NEWNS)
    sandbox.mount(None, "/", None, sandbox.MS_REC | sandbox.MS_PRIVATE)
    tops: dict[Path, list[Path]] = {}
    for path in needed_paths():
        top = _blocking_ancestor(path, uid)
        if top is not None:
            tops.setdefault(top, []).append(path)
    for top, paths in tops.items():
        handles = {p: os.open(p, os.O_PATH) for p in paths}
        sandbox.mount("tmpfs", str(top), "tmpfs", sandbox.MS_NOSUID, "size=64k,mode=755")
        for path, fd in handles.items():
            inside = top / path.relative_to(top)
            inside.mkdir(parents=True, exist_ok=True)
            sandbox.mount(
                f"/proc/self/fd/{fd}", str(inside), None, sandbox.MS_BIND | sandbox.MS_REC
            )
            os.close(fd)


def main(argv: list[str]) -> None:
    uid, gid = int(argv[1]), int(argv[2])
    split = argv.index("--")
    command = argv[split + 1 :]
    open_up(uid)
    options = argv[3:split]
    for flag, pair in zip(options[::2], options[1::2], strict=True):
        if flag != "--bind":
            raise SystemExit(f"as_user.py: unknown option {flag}")
        src, dst = pair.split(":", 1)
        sandbox.mount(src, dst, None, sandbox.MS_BIND | sandbox.MS_REC)
    os.setgroups([])
    os.setresgid(gid, gid, gid)
    os.setresuid(uid, uid, uid)
    os.execv(command[0], command)


if __name__ == "__main__":
    main(sys.argv)
