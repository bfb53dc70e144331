"""What `mockint report SESSION_ID --format md|json|html [-o FILE]` does; cli.py calls this."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path
from typing import Any

from mockint.report.document import FORMATS, document


def _fail(message: str) -> int:
    print(f"mockint: {message}", file=sys.stderr)
    return 2


def pair_part_of(store: Any, session_id: int) -> dict[str, Any] | None:
    """A pair round's own part, in the view of this machine's user (their own private notes
    when they interviewed from here, never another interviewer's); None for a solo session."""
    from mockint.report.pair import pair_part
    from mockint.store.pair import own_view

    view = own_view(store, session_id)
    return None if view is None else pair_part(store, session_id, view)


def report_command(session_id: int, fmt: str, output: str | None, db: str | None) -> int:
    """Write one session's report to `output` (stdout if None). Exit 0, or 2 with one line
    on stderr for an unknown format, an unknown session or an unusable database."""
    from mockint.paths import default_db_path
    from mockint.report.collect import build_report
    from mockint.store.db import StoreError
    from mockint.store.sessions import Store

    if fmt not in FORMATS:
        return _fail(f"unknown report format {fmt!r} (known: {', '.join(FORMATS)})")
    path = Path(db).expanduser() if db else default_db_path()
    if not path.exists():  # reading must not create an empty database as a side effect
        return _fail(f"no session {session_id} in {path}")
    try:
        store = Store(path)
    except StoreError as exc:
        return _fail(str(exc))
    try:
        exists = store.conn.execute("SELECT 1 FROM sessions WHERE id = ?", (session_id,)).fetchone()
        if exists is None:
            return _fail(f"no session {session_id} in {path}")
        report = build_report(store, session_id)
        pair = pair_part_of(store, session_id)
    except StoreError as exc:
        return _fail(str(exc))
    except (sqlite3.Error, ValueError, KeyError, TypeError) as exc:
        # A database that opens but holds damaged rows (bad JSON, missing columns).
        return _fail(f"{path}: cannot read session {session_id}: {exc}")
    finally:
        store.close()
    text = document(report, pair, fmt)
    if output is None or output == "-":
        sys.stdout.write(text)
        return 0
    try:
        Path(output).expanduser().write_text(text, encoding="utf-8")
    except OSError as exc:
        return _fail(f"cannot write {output}: {exc.strerror or exc}")
    return 0
