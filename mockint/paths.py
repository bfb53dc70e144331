"""Where mockint finds its bundled data and keeps the user's data."""

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
