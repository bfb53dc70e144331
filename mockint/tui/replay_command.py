"""`mockint replay SESSION_ID [--problem SLUG]`: the app, straight on a round's replay.

A click command of the review work that opens the app, so it sits in the UI layer rather
than in the Textual-free `mockint.review`; Textual is imported only when it runs.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from mockint.review.commands import CONTEXT, _db_option, _fail, _open, _path


@click.command(context_settings=CONTEXT)
@click.argument("session_id", type=int)
@click.option("--problem", "slug", metavar="SLUG", help="Which problem (default: the first).")
@click.option(
    "--as",
    "view",
    type=click.Choice(["candidate", "interviewer"]),
    help="A pair round: whose replay. The interviewer's adds their private notes as they "
    "were typed. Default: the interviewer's if you interviewed from this machine "
    "(`mockint pair`), else the candidate's.",
)
@_db_option
def replay(session_id: int, slug: str | None, view: str | None, db: Path | None) -> None:
    """Replay a coding round of a session: play, pause, speeds, jumps to runs and submits
    (and, for a pair round, the interviewer's hints, clock actions and notes)."""
    from mockint.review import replay as rp

    store = _open(db)
    if (
        store is None
        or store.conn.execute("SELECT 1 FROM sessions WHERE id = ?", (session_id,)).fetchone()
        is None
    ):
        _fail(f"no session {session_id} in {_path(db)}")
    found = rp.rounds(store, session_id)
    if not found:
        store.close()
        _fail(f"session {session_id} has no coding round to replay")
    if slug is not None:
        found = [r for r in found if r[1] == slug]
        if not found:
            known = ", ".join(p for _, p in rp.rounds(store, session_id))
            store.close()
            _fail(f"--problem: session {session_id} has no round of '{slug}' (it has: {known})")
    from mockint.scenario.catalog import find_scenario
    from mockint.scenario.errors import ScenarioError
    from mockint.tui.app import MockintApp

    try:
        default = find_scenario(None)
    except ScenarioError as exc:
        store.close()
        _fail(str(exc))
    if view is not None and rp.default_view(store, session_id) is None:
        store.close()
        _fail(f"--as: session {session_id} is not a pair round")
    stage_idx, problem = found[0]
    app = MockintApp(
        store,
        default_scenario=default,
        open_screen=("replay", session_id, stage_idx, problem, view),
    )
    try:
        app.run()
    finally:
        store.close()
    if app.fatal_message:
        print(app.fatal_message, file=sys.stderr)
    if app.return_code:
        sys.exit(app.return_code)
