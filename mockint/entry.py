"""The console script `mockint` and `python -m mockint`.

A bare `mockint` opens the home screen without importing click (about 10 ms of start-up);
anything else goes through the click commands in cli.py.
"""

from __future__ import annotations

import sys


def main() -> None:
    from mockint.store.db import StoreError

    try:
        if len(sys.argv) == 1:
            from mockint.launch import default_for_home, open_store, run_app

            store = open_store(None)
            scenario, summary = default_for_home()
            run_app(store, default_scenario=scenario, default_summary=summary, pace=1.0)
            return
        from mockint.cli import main as cli_main

        cli_main()
    except StoreError as exc:
        # A database that fails while a command reads it: one line, never a traceback.
        print(f"mockint: {exc}", file=sys.stderr)
        sys.exit(2)
