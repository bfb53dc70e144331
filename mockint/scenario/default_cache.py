"""The home screen's line for the default scenario, without loading the scenario.

Loading a scenario imports tomllib, the checker and the model and reads every scenario file
(about 10 ms of a bare `mockint` start). A start that loads the default scenario keeps its
title, stage count and length in `<data dir>/cache/default-scenario`, under a key made of
everything that load depends on: each entry of the scenario folders (name, size, mtime),
the loader's own source files and mockint's version. The next start computes the key (a
few stat calls) and, if it is unchanged, draws the home screen from the summary; the app
then loads the scenario itself once home is on the terminal. A missing, unreadable or
out-of-date cache means a full load before the app starts, exactly as without the cache.

marshal (built in) keeps this module free of imports that would cost start-up time.
"""

from __future__ import annotations

import contextlib
import marshal
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from mockint import __version__
from mockint.paths import private_dir, scenario_dirs, user_data_dir

if TYPE_CHECKING:
    from mockint.scenario.model import Scenario

_PKG = Path(__file__).resolve().parent.parent
# What loading a scenario runs: the scenario package, the stage kinds, the folders' names.
_CODE = (_PKG / "scenario", _PKG / "kinds.py", _PKG / "paths.py")


class Summary(NamedTuple):
    """What the home screen shows of the default scenario."""

    title: str
    stages: int
    minutes: float


def cache_path() -> Path:
    return user_data_dir() / "cache" / "default-scenario"


def _stat(path: Path | os.DirEntry[str]) -> tuple[int, int]:
    try:
        st = path.stat()
    except OSError:
        return (-1, -1)  # a broken link, or gone meanwhile: still part of the key
    return (st.st_size, st.st_mtime_ns)


def _listing(folder: Path, suffix: str = "") -> list[Any]:
    try:
        with os.scandir(folder) as entries:
            return sorted((e.name, *_stat(e)) for e in entries if e.name.endswith(suffix))
    except OSError:
        return []  # no folder: no scenarios from it


def current_key() -> tuple[Any, ...]:
    """Everything the default scenario's load reads, as names, sizes and mtimes."""
    code = [_listing(p, ".py") if p.is_dir() else [(p.name, *_stat(p))] for p in _CODE]
    folders = [(str(d), _listing(d)) for d in scenario_dirs()]
    return (__version__, code, folders)


def cached_summary(key: tuple[Any, ...]) -> Summary | None:
    """The summary kept under `key`, or None (no cache, another key, an unreadable file)."""
    try:
        kept_key, fields = marshal.loads(cache_path().read_bytes())
        if kept_key != key:
            return None
        title, stages, minutes = fields
        if not (isinstance(title, str) and isinstance(stages, int)):
            return None
        return Summary(title, stages, float(minutes))
    except (OSError, EOFError, ValueError, TypeError):
        return None


def remember(key: tuple[Any, ...], scenario: Scenario) -> None:
    """Keep the summary of `scenario`, loaded after `key` was computed (so a file changed
    during the load makes the next start load again). Failing to write only costs time."""
    path = cache_path()
    fields = (scenario.title, len(scenario.stages), float(scenario.total_minutes))
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        private_dir(path.parent)
        tmp.write_bytes(marshal.dumps((key, fields)))
        os.replace(tmp, path)
    except (OSError, ValueError):
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
