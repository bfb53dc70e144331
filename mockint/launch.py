"""Starting mockint: the shared steps of every command that opens the app.

Shared by `entry.py` (the console script) and the click commands in `cli.py`; it imports
neither, so the two never form a cycle.
"""

from __future__ import annotations

import sys
from pathlib import Path


def fail(message: str, code: int = 2) -> None:
    print(message, file=sys.stderr)
    sys.exit(code)


def open_store(db: Path | None):
    from mockint.paths import default_db_path
    from mockint.store.db import StoreError
    from mockint.store.sessions import Store

    try:
        return Store(db or default_db_path())
    except StoreError as exc:
        fail(f"mockint: {exc}")


def load_scenario_or_exit(name: str | None):
    from mockint.scenario.catalog import find_scenario
    from mockint.scenario.errors import ScenarioError

    try:
        return find_scenario(name)
    except ScenarioError as exc:
        fail(str(exc))


def default_for_home():
    """(scenario, None), or (None, summary) when the default scenario's files are as at the
    last start (mockint/scenario/default_cache.py): the app loads it once home is drawn.
    A broken default scenario still ends the start with its one line."""
    from mockint.scenario.default_cache import cached_summary, current_key, remember

    key = current_key()
    summary = cached_summary(key)
    if summary is not None:
        return None, summary
    scenario = load_scenario_or_exit(None)
    remember(key, scenario)
    return scenario, None


def run_app(store, **kwargs) -> None:
    from mockint.tui.app import MockintApp

    app = MockintApp(store, **kwargs)
    try:
        app.run()
    finally:
        store.close()
    if app.fatal_message:
        print(app.fatal_message, file=sys.stderr)
    if app.return_code:
        sys.exit(app.return_code)
