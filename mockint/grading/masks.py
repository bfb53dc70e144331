"""Which paths a sandbox must not see, and which it needs to see inside them.

Runs in the worker (trusted, outside any namespace) before the zygote starts. Secrets are
every copy of the hidden cases and reference solutions (the checkout and its `.git`, the
main checkout of a git worktree, the wheel's `mockint/_data` under any `site-packages`), the
user's data directory, the database however it was named (`--db`, `MOCKINT_DB`) with its
side files and folder, and the home directories. A secret that holds something the sandbox
needs (the home directory that holds the virtual environment, the checkout that holds the
package) is hidden all the same, with only the needed paths bound back into it (see
`sandbox.confine_filesystem`).
"""

from __future__ import annotations

import contextlib
import os
import pwd
import sys
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent.parent  # .../mockint


def _real(path: str | Path) -> str:
    return os.path.realpath(os.path.expanduser(str(path)))


def _checkout_root(path: Path) -> Path | None:
    """The source checkout `path` lives in (a folder with pyproject.toml or .git), if any."""
    for parent in [path, *path.parents]:
        if (parent / "pyproject.toml").is_file() or (parent / ".git").exists():
            return parent
    return None


def _git_common_checkout(root: Path) -> list[str]:
    """For a git worktree (`.git` is a file), the folder that holds the shared `.git`."""
    git = root / ".git"
    if not git.is_file():
        return []
    try:
        line = git.read_text(encoding="utf-8", errors="replace").strip()
    except OSError:
        return []
    if not line.startswith("gitdir:"):
        return []
    gitdir = (root / line[len("gitdir:") :].strip()).resolve()
    common = gitdir
    with contextlib.suppress(OSError):
        common = (gitdir / (gitdir / "commondir").read_text().strip()).resolve()
    out = [str(gitdir), str(common)]
    if common.name == ".git":
        out.append(str(common.parent))  # the main checkout: scenarios and solutions again
    return out


def _database_paths(db: str) -> list[str]:
    real = _real(db)
    out = [real + suffix for suffix in ("", "-wal", "-shm", "-journal")]
    out.append(os.path.dirname(real))  # backups and anything else kept beside it
    if real != os.path.abspath(os.path.expanduser(db)):
        out.append(os.path.abspath(os.path.expanduser(db)))  # the symlink's own folder's view
    return out


def secret_paths(extra: list[str] | None = None) -> list[str]:
    """Every path to hide from submissions (existing or not; callers drop missing ones)."""
    from mockint.paths import bundled_dir, user_data_dir

    paths = [str(bundled_dir("scenarios")), str(bundled_dir("solutions")), str(user_data_dir())]
    # Every installed copy of the data (an editable install still has a wheel-style _data).
    for entry in sys.path:
        data = Path(entry or ".") / "mockint" / "_data"
        if data.is_dir():
            paths.append(str(data))
    paths.append(str(PACKAGE_DIR / "_data"))
    root = _checkout_root(PACKAGE_DIR.parent)
    if root is not None:
        paths.append(str(root))
        paths += _git_common_checkout(root)
    db = os.environ.get("MOCKINT_DB")
    if db:
        paths += _database_paths(db)
    for path in extra or []:
        paths += _database_paths(path) if path else []
    homes = {os.environ.get("HOME", ""), "/root", "/home"}
    with contextlib.suppress(KeyError):
        homes.add(pwd.getpwuid(os.getuid()).pw_dir)
    paths += [h for h in homes if h and h != "/"]
    return sorted({_real(p) for p in paths})


def needed_paths(judge_root: str) -> list[str]:
    """What the sandbox must still see: Python, its libraries, the package, the work folder."""
    needed = {sys.prefix, sys.base_prefix, sys.exec_prefix, sys.base_exec_prefix, judge_root}
    needed.add(str(PACKAGE_DIR))
    checkout = _checkout_root(PACKAGE_DIR.parent)
    for entry in sys.path:
        if not entry or not os.path.isdir(entry):
            continue
        if checkout is not None and _real(entry) == _real(checkout):
            continue  # the checkout itself: only its package folder (above) is needed
        needed.add(entry)
    return sorted({_real(p) for p in needed if p})


def plan(judge_root: str, extra: list[str] | None = None) -> tuple[list[str], list[str]]:
    """(masks, keeps): existing secret paths, outermost first, and the needed paths.

    A secret that is itself a needed path is left out: hiding it would break Python. A
    secret that holds needed paths stays, with those bound back; a secret inside a needed
    path (the wheel's `_data` in site-packages) is hidden there.
    """
    keeps = needed_paths(judge_root)
    masks = []
    for mask in secret_paths(extra):
        if not os.path.lexists(mask) or mask == "/" or mask in keeps:
            continue
        masks.append(mask)
    masks.sort(key=lambda p: (p.count(os.sep), p))
    return masks, keeps


def _inside(path: str, folder: str) -> bool:
    """`path` is `folder` or below it."""
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def holes(mask: str, keeps: list[str]) -> list[str]:
    """The needed paths below `mask`, outermost only (a path inside another is bound with it)."""
    inside = sorted(k for k in keeps if k != mask and _inside(k, mask))
    out: list[str] = []
    for k in inside:
        if not any(_inside(k, o) for o in out):
            out.append(k)
    return out
