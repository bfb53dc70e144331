"""Command line: `mockint` (home screen), `run`, `resume`, `scenarios`, `problems`, `grade`.

Imports stay light here: Textual loads only for the commands that open the app, and numpy
or torch never load in this process.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from mockint import __version__
from mockint.launch import fail as _fail
from mockint.launch import load_scenario_or_exit as _load
from mockint.launch import open_store as _open_store
from mockint.launch import run_app as _run_app

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def _db_option(f):
    return click.option(
        "--db",
        "db",
        # No click checks here: the store refuses directories and special files in one line.
        type=click.Path(path_type=Path),
        envvar="MOCKINT_DB",
        help="SQLite database to use (default: mockint.db in your user data directory; "
        "the MOCKINT_DB environment variable sets it too).",
    )(f)


def _pace_option(f):
    return click.option(
        "--pace",
        type=click.FloatRange(min=0, min_open=True, max=10),
        default=1.0,
        show_default=True,
        help="Multiply every stage length by this (0.25 makes a 5h30 loop 82 minutes).",
    )(f)


@click.group(context_settings=CONTEXT, invoke_without_command=True)
@click.version_option(__version__, "-V", "--version", prog_name="mockint")
@click.option(
    "--scenario",
    metavar="NAME|PATH",
    help="Scenario offered by the home screen's Start entry (default: aiml-engineer).",
)
@_pace_option
@_db_option
@click.pass_context
def cli(ctx: click.Context, scenario: str | None, pace: float, db: Path | None) -> None:
    """Mock interviews for AI/ML engineers, in your terminal.

    With no command, opens the home screen: start the default loop, pick a
    scenario, or resume an unfinished session.
    """
    if ctx.invoked_subcommand is not None:
        return
    sc = _load(scenario)
    _run_app(_open_store(db), default_scenario=sc, pace=pace)


@cli.command(context_settings=CONTEXT)
@click.argument("scenario", required=False, metavar="[SCENARIO]")
@_pace_option
@click.option(
    "--stages",
    metavar="ID,...",
    help="Run only these stages (comma-separated ids, kept in the scenario's order).",
)
@click.option(
    "--repeat-solved",
    is_flag=True,
    help="Let the coding stage pick problems you solved in your last sessions too.",
)
@_db_option
def run(
    scenario: str | None, pace: float, stages: str | None, repeat_solved: bool, db: Path | None
) -> None:
    """Go straight into a loop. SCENARIO is an id or a TOML path (default: aiml-engineer)."""
    full = sc = _load(scenario)
    if stages:
        # Stage ids (as `scenarios show` prints them); a stage kind names its stages too.
        by_kind: dict[str, list[str]] = {}
        for st in sc.stages:
            by_kind.setdefault(str(st.kind), []).append(st.id)
        ids = {st.id for st in sc.stages}
        wanted = [
            sid
            for s in stages.split(",")
            if s.strip()
            for sid in ([s.strip()] if s.strip() in ids else by_kind.get(s.strip(), [s.strip()]))
        ]
        try:
            sc = sc.subset(wanted)
        except KeyError as exc:
            known = ", ".join(s.id for s in sc.stages)
            _fail(f"mockint: --stages: unknown stage '{exc.args[0]}' (known: {known})")
        if not sc.stages:
            _fail("mockint: --stages: no stage given")
    paced = sc.paced(pace)
    # Home (after this loop) offers the whole scenario again, not this run's stages.
    _run_app(
        _open_store(db), default_scenario=full, pace=pace, start=paced, repeat_solved=repeat_solved
    )


@cli.command(context_settings=CONTEXT)
@click.argument("slug", required=False, metavar="[SLUG]")
@click.option(
    "--minutes",
    type=click.FloatRange(min=0, min_open=True, max=600),
    help="Length of the clock (default: 20 easy, 30 medium, 45 hard).",
)
@_db_option
def practice(slug: str | None, minutes: float | None, db: Path | None) -> None:
    """One coding problem outside a loop, with its own timer (a picker when SLUG is omitted)."""
    from mockint.grading.problems import ProblemError, load_problem
    from mockint.scenario.practice import practice_scenario

    start = None
    if slug:
        try:
            problem = load_problem(slug)
        except ProblemError as exc:
            _fail(f"mockint: {exc}")
        start = practice_scenario(problem.slug, problem.title, problem.difficulty, minutes)
    _run_app(
        _open_store(db),
        default_scenario=_load(None),
        start=start,
        practice_picker=slug is None,
        practice_minutes=minutes,
    )


@cli.command(context_settings=CONTEXT)
@click.argument("session_id", required=False, type=int)
@_db_option
def resume(session_id: int | None, db: Path | None) -> None:
    """Resume an unfinished session (the most recent one unless SESSION_ID is given)."""
    store = _open_store(db)
    if session_id is None:
        pending = store.unfinished()
        if not pending:
            store.close()
            _fail("mockint: no unfinished session to resume", 1)
        session_id = pending[0].id
    else:
        row = store.conn.execute(
            "SELECT mode, status FROM sessions WHERE id = ?", (session_id,)
        ).fetchone()
        if row is not None and row["mode"] == "pair":
            store.close()
            _fail(
                f"mockint: session {session_id} is a pair round and is not resumed alone"
                " (`mockint pair` reopens your recent unfinished round)",
                1,
            )
    _run_app(store, default_scenario=_load(None), resume_id=session_id)


@cli.group(context_settings=CONTEXT)
def scenarios() -> None:
    """List, show and validate interview scenarios."""


@scenarios.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list.")
def scenarios_list(as_json: bool) -> None:
    """Bundled scenarios and those in your data directory's scenarios/ folder."""
    from mockint.scenario.catalog import discover
    from mockint.scenario.model import format_minutes

    found, errors = discover()
    for err in errors:
        click.echo(f"skipped {err}", err=True)
    if as_json:
        click.echo(json.dumps([sc.summary() for sc in found], indent=2))
        return
    width = max([len(sc.id) for sc in found] + [2])
    for sc in found:
        click.echo(
            f"{sc.id:<{width}}  {sc.title}  ({len(sc.stages)} stages, "
            f"{format_minutes(sc.total_minutes)})"
        )


@scenarios.command("show")
@click.argument("name", metavar="NAME|PATH")
@click.option("--json", "as_json", is_flag=True, help="Print the scenario as JSON.")
def scenarios_show(name: str, as_json: bool) -> None:
    """Stages, lengths and the assessment mix of one scenario."""
    from mockint.scenario.model import format_minutes

    sc = _load(name)
    if as_json:
        click.echo(json.dumps(sc.summary(), indent=2))
        return
    click.echo(f"{sc.title} ({sc.id}), {format_minutes(sc.total_minutes)}")
    click.echo(f"  {'':<3}{'stage':<20} {'id (for --stages)':<19} {'kind':<15} length")
    for i, st in enumerate(sc.stages, 1):
        click.echo(f"  {i}. {st.title:<20} {st.id:<19} {st.kind:<15} {format_minutes(st.minutes)}")
        for p in st.phases:
            click.echo(f"       - {p.title}: {p.min_minutes:g}-{p.max_minutes:g} min")
    click.echo("Assessment mix:")
    for m in sc.mix:
        click.echo(f"  {m.area}: {m.weight:g}% from {', '.join(m.stages)}")


@scenarios.command("validate")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
def scenarios_validate(paths: tuple[Path, ...]) -> None:
    """Check scenario files; prints one line per file, exit 2 if any is wrong."""
    from mockint.scenario.bank_load import check_stage_banks
    from mockint.scenario.errors import ScenarioError
    from mockint.scenario.load import load_scenario
    from mockint.scenario.model import format_minutes

    bad = False
    for path in paths:
        try:
            sc = load_scenario(path)
            check_stage_banks(sc)
        except ScenarioError as exc:
            click.echo(str(exc), err=True)
            bad = True
            continue
        click.echo(
            f"{path}: ok ({sc.id}, {len(sc.stages)} stages, {format_minutes(sc.total_minutes)})"
        )
    if bad:
        sys.exit(2)


@cli.command(context_settings=CONTEXT)
@click.argument("session_id", type=int)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["md", "json", "html"]),
    default="md",
    show_default=True,
    help="md for people, json for tools, html with the code highlighted.",
)
@click.option("-o", "--output", metavar="FILE", help="Write to FILE instead of standard output.")
@_db_option
def report(session_id: int, fmt: str, output: str | None, db: Path | None) -> None:
    """The report of one session: times, scores and their parts, what was missed, coding
    verdicts and advice, the STAR analysis."""
    from mockint.report.commands import report_command

    sys.exit(report_command(session_id, fmt, output, str(db) if db else None))


@cli.group(context_settings=CONTEXT)
def banks() -> None:
    """Question banks of the talking rounds (bundled, and your data directory's banks/)."""


@banks.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list.")
def banks_list(as_json: bool) -> None:
    """Every bank with its kind and number of questions; broken files on stderr (exit 2)."""
    from mockint.scenario.bank_commands import banks_list as impl

    sys.exit(impl(as_json))


@banks.command("validate")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
def banks_validate(paths: tuple[Path, ...]) -> None:
    """Check bank files (all bundled and user banks when no PATH is given); exit 2 if any is wrong."""
    from mockint.scenario.bank_commands import banks_validate as impl

    sys.exit(impl([str(p) for p in paths]))


@cli.group(context_settings=CONTEXT)
def problems() -> None:
    """Coding problems graded by the local judge."""


@problems.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list.")
def problems_list(as_json: bool) -> None:
    """The coding problems: the bundled ones and your own (problems/<slug>/ in the data directory)."""
    from mockint.grading.commands import problems_list as impl

    sys.exit(impl(as_json))


@cli.command(context_settings=CONTEXT)
@click.argument("file", type=click.Path(path_type=Path), required=False)
@click.option("--problem", "slug", metavar="SLUG", help="Problem to grade against.")
@click.option("--hidden", is_flag=True, help="Run the hidden cases too (a submit).")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.option(
    "--explain-sandbox", is_flag=True, help="Say which sandbox protections work here, and exit."
)
def grade(
    file: Path | None, slug: str | None, hidden: bool, as_json: bool, explain_sandbox: bool
) -> None:
    """Grade FILE with the local judge. Exit 0 accepted, 1 not, 2 usage or problem error."""
    from mockint.grading.commands import explain_sandbox as explain
    from mockint.grading.commands import grade_file

    if explain_sandbox:
        sys.exit(explain(as_json))
    if file is None or slug is None:
        raise click.UsageError("FILE and --problem SLUG are needed (or --explain-sandbox)")
    sys.exit(grade_file(str(file), slug, hidden, as_json))


@cli.command(context_settings=CONTEXT)
@click.option("--check", "check_only", is_flag=True, help="Only check; change nothing.")
@_db_option
def doctor(check_only: bool, db: Path | None) -> None:
    """Check the database. If it is damaged, rebuild it from every row that can still be
    read; the damaged file is kept beside the new one. Exit 0 healthy or recovered, 1 damaged
    (with --check), 2 if it cannot be used at all."""
    from mockint.paths import default_db_path
    from mockint.store.db import StoreError
    from mockint.store.doctor import diagnose, recover

    path = db or default_db_path()
    try:
        found = diagnose(path)
    except StoreError as exc:
        _fail(f"mockint: {exc}")
    if found.healthy:
        click.echo(f"{path}: ok (integrity check passed)")
        return
    shown = "; ".join(found.problems[:3]) + (" ..." if len(found.problems) > 3 else "")
    click.echo(f"{path}: damaged: {shown}")
    if check_only:
        sys.exit(1)
    try:
        done = recover(path)
    except StoreError as exc:
        _fail(f"mockint: {exc}")
    click.echo(f"Recovered {done.copied} rows into a fresh {path}.")
    for t in done.tables:
        if t.unreadable_stretches or t.dropped:
            click.echo(
                f"  {t.name}: {t.copied} rows kept, {t.unreadable_stretches} unreadable "
                f"stretch(es) skipped, {t.dropped} rows dropped (what they belonged to was lost)"
            )
    click.echo(f"The damaged file is kept as {done.kept_as}.")


@cli.command(context_settings=CONTEXT)
def keys() -> None:
    """Every key binding with its id, for your own keymap.toml (its path is printed first)."""
    from mockint.tui.app import MockintApp
    from mockint.tui.keymap import keymap_path, known_bindings

    click.echo(f'Keymap file: {keymap_path()} (each line: "binding.id" = "keys")')
    for binding_id, b in sorted(known_bindings(MockintApp).items()):
        click.echo(f"  {binding_id:<22} {b.key:<14} {b.description}")


cli.add_command(__import__("mockint.pair.commands").pair.commands.serve)
cli.add_command(__import__("mockint.pair.commands").pair.commands.pair)
cli.add_command(__import__("mockint.pair.commands").pair.commands.pair_report_command)
from mockint.scoring.commands import assess_command  # noqa: E402

cli.add_command(assess_command)
from mockint.authoring import validate_command  # noqa: E402

problems.add_command(validate_command)

from mockint.review import commands as _review  # noqa: E402
from mockint.tui import replay_command as _replay  # noqa: E402

cli.add_command(_review.history)
cli.add_command(_replay.replay)
cli.add_command(_review.next_up)
cli.add_command(_review.plan)
cli.add_command(_review.export_cmd)
cli.add_command(_review.import_cmd)


def main() -> None:
    cli(prog_name="mockint")
