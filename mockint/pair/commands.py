"""`mockint serve` and `mockint pair`: click commands, registered in cli.py."""

from __future__ import annotations

import ipaddress
import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import click

from mockint.pair import wire

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def exposure_warning(host: str) -> str | None:
    """The line `mockint serve` prints when it listens beyond this machine, else None."""
    if _is_loopback(host):
        return None
    return (
        f"mockint serve: WARNING: listening on {host}, not only on this machine. Anyone who "
        "can reach it may try room codes; candidates' code runs on this machine."
    )


def _check_db(db: Path | None) -> None:
    """A --db that cannot be a database (a directory, a device) ends the command in the
    one-line form every mockint command uses."""
    from mockint.store.db import StoreError, check_path

    if db is None:
        return
    try:
        check_path(Path(db).expanduser())
    except StoreError as exc:
        click.echo(f"mockint: {exc}", err=True)
        sys.exit(2)


@click.command(context_settings=CONTEXT)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=2222, show_default=True, type=click.IntRange(0, 65535))
@click.option(
    "--authorized-keys",
    "authorized_keys",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Public keys of interviewers (default: pair/authorized_keys in the data directory).",
)
@click.option(
    "--db",
    "db",
    type=click.Path(path_type=Path),  # checked by _check_db, one line like every command
    envvar="MOCKINT_DB",
    help="SQLite database the rooms are written to.",
)
@click.option("--code-ttl", default=1800.0, hidden=True, type=float)
@click.option(
    "--idle-timeout",
    default=3600.0,
    show_default=True,
    type=click.FloatRange(min=1),
    envvar="MOCKINT_SERVE_IDLE_TIMEOUT",
    help="Seconds without a key from a session before it is closed, with a message "
    "[env MOCKINT_SERVE_IDLE_TIMEOUT].",
)
@click.option(
    "--login-timeout",
    default=30.0,
    show_default=True,
    type=click.FloatRange(min=1),
    envvar="MOCKINT_SERVE_LOGIN_TIMEOUT",
    help="Seconds a connection may take to log in before it is dropped "
    "[env MOCKINT_SERVE_LOGIN_TIMEOUT].",
)
@click.option("--max-failures", default=5, hidden=True, type=int)
@click.option("--block-seconds", default=60.0, hidden=True, type=float)
def serve(
    host: str,
    port: int,
    authorized_keys: Path | None,
    db: Path | None,
    code_ttl: float,
    idle_timeout: float,
    login_timeout: float,
    max_failures: int,
    block_seconds: float,
) -> None:
    """Serve pair practice over SSH: interviewers log in with a key, candidates with a
    room code as the user name (ssh -p PORT CODE@HOST)."""
    import asyncio

    _check_db(db)

    from mockint.pair.server import PairServer, ServeConfig

    config = ServeConfig(
        host=host,
        port=port,
        authorized_keys=authorized_keys,
        db_path=db,
        code_ttl=code_ttl,
        idle_timeout=idle_timeout,
        login_timeout=login_timeout,
        max_failures=max_failures,
        block_seconds=block_seconds,
    )
    warning = exposure_warning(host)
    if warning:
        click.echo(warning, err=True)

    async def main() -> None:
        server = PairServer(config)
        try:
            await server.start()
        except OSError as exc:
            await server.stop()
            raise click.ClickException(f"cannot listen on {host}:{port}: {exc}") from None
        keys = config.authorized_keys
        assert keys is not None and server.host_key is not None
        count = 0
        if keys.is_file():
            count = sum(
                1
                for line in keys.read_text(encoding="utf-8", errors="replace").splitlines()
                if line.strip() and not line.lstrip().startswith("#")
            )
        click.echo(f"mockint serve: listening on {host}:{server.port}")
        click.echo(f"Host key fingerprint: {server.host_key.get_fingerprint()}")
        click.echo(f"Interviewer keys: {keys} ({count} key{'s' if count != 1 else ''})")
        click.echo("Stop with Ctrl+C.", nl=True)
        sys.stdout.flush()
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stop.set)
        try:
            await stop.wait()
        finally:
            await server.stop()

    asyncio.run(main())


def _state_path() -> Path:
    from mockint.paths import user_data_dir

    return user_data_dir() / "pair" / "serve.json"


def _running_server() -> dict[str, Any] | None:
    path = _state_path()
    try:
        state = json.loads(path.read_text())
        if not isinstance(state, dict):
            return None
        os.kill(int(state["pid"]), 0)
        with socket.socket(socket.AF_UNIX) as s:
            s.settimeout(2)
            s.connect(state["socket"])
        return state
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _ticket(state: dict[str, Any]) -> wire.Ticket:
    with socket.socket(socket.AF_UNIX) as s:
        s.settimeout(10)
        s.connect(state["socket"])
        s.sendall(wire.encode(wire.Host(admin=state["admin"])))
        buf = b""
        while not buf.endswith(b"\n"):
            chunk = s.recv(65536)
            if not chunk:
                break
            buf += chunk
    msg = wire.decode(buf, wire.ToApp, "the running server")
    if not isinstance(msg, wire.Ticket):
        raise click.ClickException("the running server refused the host's session")
    return msg


@click.command(context_settings=CONTEXT)
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address for a server this command starts (another machine's candidate needs one "
    "they can reach, e.g. 0.0.0.0).",
)
@click.option("--port", default=2222, show_default=True, type=click.IntRange(0, 65535))
@click.option(
    "--db",
    "db",
    type=click.Path(path_type=Path),  # checked by _check_db, one line like every command
    envvar="MOCKINT_DB",
    help="SQLite database the rooms are written to.",
)
def pair(host: str, port: int, db: Path | None) -> None:
    """Be the interviewer from this terminal: starts `mockint serve` on 127.0.0.1 if none is
    running, then opens your screen with the room code and the ssh command for the candidate."""
    _check_db(db)
    state = _running_server()
    if state is None:
        from mockint.paths import private_dir, user_data_dir

        log_dir = user_data_dir() / "pair"
        private_dir(log_dir)
        args = [sys.executable, "-m", "mockint", "serve", "--host", host, "--port", str(port)]
        if not _is_loopback(host):
            click.echo(f"mockint pair: starting a server on {host}, reachable from other machines.")
        if db is not None:
            args += ["--db", str(db)]
        with open(log_dir / "serve.log", "ab") as log:
            subprocess.Popen(
                args,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=log,
                start_new_session=True,
            )
        deadline = time.monotonic() + 30
        while state is None and time.monotonic() < deadline:
            time.sleep(0.1)
            state = _running_server()
        if state is None:
            raise click.ClickException(f"the server did not start; see {log_dir / 'serve.log'}")
    from mockint.pair.app import RELAUNCH_STATUS, PairApp

    # Before the app takes the screen (and there after it): what the candidate's ssh will
    # show the first time, to be compared before they accept it.
    where = f"{state.get('host', host)}:{state.get('port')}"
    click.echo(f"mockint pair: server on {where} (pid {state.get('pid')})")
    if state.get("fingerprint"):
        click.echo(
            f"Host key fingerprint: {state['fingerprint']} (the candidate's ssh shows it the "
            "first time: it must match)"
        )
    while True:
        ticket = _ticket(state)
        app = PairApp(state["socket"], ticket.token)
        app.run()
        if app.return_code != RELAUNCH_STATUS:
            break
    if app.bye_reason:
        click.echo(f"mockint: {app.bye_reason}")
    code = ticket.code
    if code:
        click.echo(
            f"The server keeps running (room {code}); `mockint pair` comes back to it. "
            f"Stop it with: kill {state['pid']}"
        )


@click.command("pair-report", context_settings=CONTEXT)
@click.argument("session_id", type=int)
@click.option(
    "--as",
    "view",
    type=click.Choice(["candidate", "interviewer"]),
    default="candidate",
    show_default=True,
    help="Whose copy: the candidate's has no private notes and no rubric.",
)
@click.option("--format", "fmt", type=click.Choice(["md", "json"]), default="md", show_default=True)
@click.option(
    "--db",
    "db",
    type=click.Path(path_type=Path),  # checked by _check_db, one line like every command
    envvar="MOCKINT_DB",
    help="SQLite database to read.",
)
def pair_report_command(session_id: int, view: str, fmt: str, db: Path | None) -> None:
    """The report of a pair round for one side."""
    from mockint.paths import default_db_path
    from mockint.report.document import pair_report
    from mockint.store.db import StoreError
    from mockint.store.sessions import Store

    _check_db(db)
    path = db or default_db_path()
    if not path.exists():
        raise click.ClickException(f"no session {session_id} in {path}")
    try:
        store = Store(path)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None
    try:
        click.echo(pair_report(store, session_id, view, fmt), nl=False)
    except (StoreError, ValueError) as exc:
        raise click.ClickException(str(exc)) from None
    finally:
        store.close()
