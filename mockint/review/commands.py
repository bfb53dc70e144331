"""Click commands of the review package: history, next, plan, export, import.

(`mockint replay` opens the app, so it lives above the core: tui/replay_command.py.)

Registered in `mockint/cli.py` with one line each. Imports stay inside the commands: the
CLI must start quickly, and reading commands never create a database that is not there.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any, NoReturn

import click

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def _db_option(f: Any) -> Any:
    return click.option(
        "--db",
        "db",
        # No click checks: the store refuses a directory in one line, like every command.
        type=click.Path(path_type=Path),
        envvar="MOCKINT_DB",
        help="SQLite database to use (default: mockint.db in your user data directory; "
        "the MOCKINT_DB environment variable sets it too).",
    )(f)


def _fail(message: str, code: int = 2) -> NoReturn:
    click.echo(f"mockint: {message}", err=True)
    sys.exit(code)


def _path(db: Path | None) -> Path:
    from mockint.paths import default_db_path

    return Path(db).expanduser() if db else default_db_path()


def _open(db: Path | None, *, create: bool = False) -> Any:
    """The store, or None when the file does not exist and `create` is false."""
    from mockint.store.db import StoreError
    from mockint.store.sessions import Store

    path = _path(db)
    if not create and not path.exists():
        return None
    try:
        return Store(path)
    except StoreError as exc:
        _fail(str(exc))


def _day(value: str | None, option: str, *, end: bool = False) -> float | None:
    from mockint.review.history import parse_day

    if value is None:
        return None
    try:
        return parse_day(value, end=end)
    except ValueError as exc:
        _fail(f"{option}: {exc}")


@click.command(context_settings=CONTEXT)
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list.")
@click.option(
    "--sort",
    type=click.Choice(["date", "score", "time", "scenario"]),
    default="date",
    show_default=True,
    help="Order of the list (newest, highest, longest or A-Z first; --asc reverses).",
)
@click.option("--asc", is_flag=True, help="Ascending order.")
@click.option(
    "--mode", type=click.Choice(["solo", "practice", "review", "pair"]), help="Only this mode."
)
@click.option("--scenario", metavar="ID|TEXT", help="Only this scenario (id or part of the title).")
@click.option("--since", metavar="YYYY-MM-DD", help="Only sessions started on or after this day.")
@click.option("--until", metavar="YYYY-MM-DD", help="Only sessions started on or before this day.")
@click.option("--min-score", type=click.FloatRange(0, 100), help="Only overall scores >= this.")
@click.option("--max-score", type=click.FloatRange(0, 100), help="Only overall scores <= this.")
@click.option(
    "--search", metavar="TEXT", help="Words found in a question, problem, topic or title."
)
@click.option("--limit", type=click.IntRange(min=1), help="At most this many sessions.")
@_db_option
def history(
    as_json: bool,
    sort: str,
    asc: bool,
    mode: str | None,
    scenario: str | None,
    since: str | None,
    until: str | None,
    min_score: float | None,
    max_score: float | None,
    search: str | None,
    limit: int | None,
    db: Path | None,
) -> None:
    """Every recorded session: date, scenario, mode, time used, overall and area scores."""
    from mockint.review import history as h
    from mockint.review import summary

    q = h.Query(
        sort=sort,
        descending=not asc,
        mode=mode,
        scenario=scenario,
        since=_day(since, "--since"),
        until=_day(until, "--until", end=True),
        min_score=min_score,
        max_score=max_score,
        search=search,
        limit=limit,
    )
    store = _open(db)
    rows = []
    if store is not None:
        try:
            summary.refresh(store)
            rows = h.sessions(store, q)
        finally:
            store.close()
    if as_json:
        click.echo(json.dumps([r.to_json() for r in rows], indent=2))
        return
    if not rows:
        click.echo("No sessions.")
        return
    from mockint.review.format import history_line

    for r in rows:
        click.echo(history_line(r))


@click.command("next", context_settings=CONTEXT)
@click.option("--json", "as_json", is_flag=True, help="Print the queue as JSON.")
@_db_option
def next_up(as_json: bool, db: Path | None) -> None:
    """What to practise today: the spaced-repetition queue of problems, questions, stories."""
    from mockint.review import queue

    now = time.time()
    store = _open(db)
    items: list[Any] = []
    upcoming: list[Any] = []
    if store is not None:
        try:
            queue.refresh_all(store)
            items = queue.due(store, now)
            upcoming = queue.upcoming(store, queue.end_of_day(now), now + 7 * 86400)
        finally:
            store.close()
    if as_json:
        click.echo(
            json.dumps(
                {
                    "due_count": len(items),
                    "due": [d.to_json() for d in items],
                    "next_7_days": [d.to_json() for d in upcoming],
                },
                indent=2,
            )
        )
        return
    from mockint.review.format import due_line

    if not items:
        click.echo("Nothing due today.")
    else:
        click.echo(f"{len(items)} due today:")
        for d in items:
            click.echo("  " + due_line(d, now))
    if upcoming:
        click.echo(f"Coming in the next 7 days: {len(upcoming)}")


@click.command(context_settings=CONTEXT)
@click.option("--weeks", type=click.IntRange(1, 26), help="Length of the plan (default 6).")
@click.option("--until", metavar="YYYY-MM-DD", help="The interview day: the plan ends there.")
@click.option("--json", "as_json", is_flag=True, help="Print the plan as JSON.")
@_db_option
def plan(weeks: int | None, until: str | None, as_json: bool, db: Path | None) -> None:
    """A week-by-week preparation plan from your weak areas and the repetition queue.

    With --weeks or --until, a new plan is made and saved; without, the saved one is shown
    with what has been done in each week so far."""
    from datetime import date

    from mockint.review import plan as pl

    until_day = None
    if until is not None:
        try:
            until_day = date.fromisoformat(until)
        except ValueError:
            _fail(f"--until: not a date: {until!r} (use YYYY-MM-DD)")
    store = _open(db, create=True)
    try:
        spec, weeks_, note = pl.current(store, time.time(), weeks=weeks, until=until_day)
    except ValueError as exc:
        _fail(str(exc))
    finally:
        store.close()
    if as_json:
        click.echo(
            json.dumps(
                {
                    "start": spec.start.isoformat(),
                    "weeks": spec.weeks,
                    "until": spec.until.isoformat() if spec.until else None,
                    "note": note,
                    "plan": [w.to_json() for w in weeks_],
                },
                indent=2,
            )
        )
        return
    from mockint.review.format import plan_lines

    if note:
        click.echo(f"Note: {note}")
    for line in plan_lines(spec, weeks_):
        click.echo(line)


@click.command("export", context_settings=CONTEXT)
@click.option("-o", "--output", metavar="FILE", help="Write to FILE instead of standard output.")
@_db_option
def export_cmd(output: str | None, db: Path | None) -> None:
    """All your sessions, answers, code, runs, stories and plan as one JSON document."""
    from mockint.review.transfer import export_data

    store = _open(db)
    if store is None:
        from mockint.store.sessions import Store

        store = Store(":memory:")  # nothing recorded yet: an empty export
    try:
        doc = export_data(store)
    finally:
        store.close()
    text = json.dumps(doc, indent=1, sort_keys=True) + "\n"
    if output is None or output == "-":
        sys.stdout.write(text)
        return
    try:
        Path(output).expanduser().write_text(text, encoding="utf-8")
    except OSError as exc:
        _fail(f"cannot write {output}: {exc.strerror or exc}")
    click.echo(f"Exported {len(doc['sessions'])} sessions to {output}", err=True)


@click.command("import", context_settings=CONTEXT)
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@_db_option
def import_cmd(file: Path, db: Path | None) -> None:
    """Merge an export into this database (ids remapped; importing twice adds nothing)."""
    from mockint.review.transfer import TransferError, check, import_data
    from mockint.store.db import StoreError

    try:
        text = file.expanduser().read_text(encoding="utf-8")
    except OSError as exc:
        _fail(f"{file}: cannot read: {exc.strerror or exc}")
    except UnicodeDecodeError as exc:
        _fail(f"{file}: not a mockint export (not UTF-8 text: byte {exc.start})")
    try:
        doc = json.loads(text)
    except ValueError as exc:
        _fail(f"{file}: not JSON: {exc}")
    # The whole document is checked before a database is opened (or created).
    try:
        check(doc)
    except TransferError as exc:
        _fail(f"{file}: {exc}")
    except RecursionError:
        _fail(f"{file}: nested too deeply to be a mockint export")
    store = _open(db, create=True)
    try:
        counts = import_data(store, doc)
    except TransferError as exc:
        _fail(f"{file}: {exc}")
    except StoreError as exc:
        _fail(str(exc))
    finally:
        store.close()
    click.echo(
        f"Imported {file}: {counts['added']} sessions added, {counts['replaced']} updated, "
        f"{counts['skipped']} already present; {counts['stories_added']} stories added."
    )


COMMANDS = (history, next_up, plan, export_cmd, import_cmd)  # replay: tui/replay_command.py
