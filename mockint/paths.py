"""Where mockint finds its bundled data and keeps the user's data (private to the user)."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "mockint"
_PKG = Path(__file__).resolve().parent


def bundled_dir(name: str) -> Path:
    """`scenarios` or `solutions`: inside the wheel, or beside the package in a checkout."""
    packaged = _PKG / "_data" / name
    if packaged.is_dir():
        return packaged
    return _PKG.parent / name


def private_dir(path: Path) -> Path:
    """`path` as a directory, every level of it made here 0700 whatever the umask (answers,
    notes and keys are the user's alone); levels that exist are left as they are."""
    missing: list[Path] = []
    p = Path(path)
    while not p.exists() and p != p.parent:
        missing.append(p)
        p = p.parent
    for level in reversed(missing):
        level.mkdir(mode=0o700, exist_ok=True)
    return Path(path)


def user_data_dir() -> Path:
    from platformdirs import user_data_dir as _udd

    return Path(_udd(APP_NAME, appauthor=False))


def user_scenarios_dir() -> Path:
    return user_data_dir() / "scenarios"


def scenario_dirs() -> list[Path]:
    """Bundled first, then the user's: a user file with the same id replaces the bundled one."""
    return [bundled_dir("scenarios"), user_scenarios_dir()]


def default_db_path() -> Path:
    """`MOCKINT_DB` wins over the platform's user data directory."""
    env = os.environ.get("MOCKINT_DB")
    if env:
        return Path(env).expanduser()
    return user_data_dir() / "mockint.db"
