"""`mockint serve`: the SSH front door (asyncssh), the warm launcher and the room hub.

Authentication decides the role and nothing later can change it (pair/login.py: keys make
interviewers, a live room code as the user name makes a candidate; failed logins are
limited per address). Each SSH session with a terminal gets its own app process in a real
pty, forked from the warm launcher; what is typed reaches it whole (pair/ptyinput.py).
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import json
import os
import signal
import socket
import struct
import tempfile
import termios
import tty
from collections.abc import Coroutine
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import asyncssh

from mockint.pair.hub import Hub, Ticket
from mockint.pair.launch_client import Launcher
from mockint.pair.login import Front
from mockint.pair.ptyinput import PtyInput
from mockint.pair.ratelimit import FailureLimiter
from mockint.paths import private_dir

MIN_COLS, MIN_ROWS = 20, 8
MAX_COLS, MAX_ROWS = 500, 200
DEFAULT_SIZE = (80, 24)
KICK_GRACE_S = 3.0
ENV_WHITELIST = ("TERM", "COLORTERM", "LANG")
NO_PTY_MESSAGE = (
    "mockint: pair practice needs a terminal. Connect without -T "
    "(or with -t), e.g. ssh -p PORT CODE@HOST\r\n"
)


def clamp_size(cols: int, rows: int) -> tuple[int, int]:
    """A client may claim 0x0 or 65535x65535: keep the size within what a screen can be."""
    if cols <= 0 or rows <= 0:
        cols, rows = DEFAULT_SIZE
    return max(MIN_COLS, min(MAX_COLS, cols)), max(MIN_ROWS, min(MAX_ROWS, rows))


def child_env(term: str | None, client_env: dict[str, str]) -> dict[str, str]:
    """The app process's environment: three client variables, checked, and a UTF-8 locale."""
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": os.environ.get("HOME", "/"),
        "PYTHONUTF8": "1",
        "PYTHONIOENCODING": "utf-8",
    }
    t = term or client_env.get("TERM") or "xterm-256color"
    if not t.replace("-", "").replace(".", "").replace("+", "").isalnum() or len(t) > 64:
        t = "xterm-256color"  # TERM is a hint, never trusted as a path or a command
    env["TERM"] = t
    colorterm = client_env.get("COLORTERM", "")
    if colorterm in ("truecolor", "24bit"):
        env["COLORTERM"] = colorterm
    lang = client_env.get("LANG", "")
    ok = lang.replace("_", "").replace(".", "").replace("-", "").replace("@", "").isalnum()
    env["LANG"] = lang if ok and lang.lower().endswith(("utf-8", "utf8")) else "C.UTF-8"
    env["LC_ALL"] = env["LANG"] if env["LANG"] != "C.UTF-8" else "C.UTF-8"
    return env


def set_winsize(fd: int, cols: int, rows: int) -> None:
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))


# -- the SSH side -----------------------------------------------------------------------
@dataclass
class ServeConfig:
    host: str = "127.0.0.1"
    port: int = 2222
    authorized_keys: Path | None = None
    data_dir: Path | None = None
    db_path: Path | None = None
    login_timeout: float = 30.0
    idle_timeout: float = 3600.0
    code_ttl: float = 1800.0
    max_failures: int = 5
    failure_window: float = 60.0
    block_seconds: float = 60.0


class PtySession(asyncssh.SSHServerSession[bytes]):
    """One SSH session: a pty and the app process in it, bridged to the channel."""

    def __init__(self, server: PairServer, identity: str) -> None:
        self.server = server
        self.identity = identity
        self.chan: asyncssh.SSHServerChannel[bytes] | None = None
        self.term: str | None = None
        self.size = DEFAULT_SIZE
        self.master: int | None = None
        self.pid: int | None = None
        self.ticket: Ticket | None = None
        self.ready = False
        self.input = PtyInput(self._pause_input, self._resume_input)
        self.closing = False
        self.kick_reason: str | None = None
        self._idle: asyncio.TimerHandle | None = None
        self.idle_closed = False
        self._paused = False

    # asyncssh callbacks
    def connection_made(self, chan: asyncssh.SSHServerChannel[bytes]) -> None:
        self.chan = chan

    def pty_requested(
        self, term_type: str, term_size: tuple[int, int, int, int], term_modes: Any
    ) -> bool:
        self.term = term_type
        self.size = clamp_size(term_size[0], term_size[1])
        return True

    def shell_requested(self) -> bool:
        return True

    def exec_requested(self, command: str) -> bool:
        return True  # answered in session_started: pair practice has no commands

    def subsystem_requested(self, subsystem: str) -> bool:
        return False

    def session_started(self) -> None:
        assert self.chan is not None
        if self.identity.startswith("export:"):
            self._export(self.identity[7:])
            return
        if self.term is None:
            self.chan.write(NO_PTY_MESSAGE.encode())
            self.chan.exit(1)
            return
        if self.chan.get_command():
            self.chan.write(b"mockint: no commands here; connect without one.\r\n")
            self.chan.exit(1)
            return
        self.server.spawn_task(self._launch())

    def _export(self, token: str) -> None:
        """A take-home token: the `export` command prints that side's round, once; the
        name is good for nothing else (pair/takehome.py)."""
        from mockint.pair import takehome

        assert self.chan is not None
        if self.chan.get_command() != takehome.COMMAND:
            self.chan.write_stderr(
                b"mockint: this name only exports a round: add `export > round.json`.\r\n"
            )
            self.chan.exit(1)
            return
        doc = takehome.take(self.server.hub, token)
        if doc is None:
            self.chan.write_stderr(b"mockint: this export was already used or has expired.\n")
            self.chan.exit(1)
            return
        self.chan.write(doc)
        self.chan.exit(0)

    async def _launch(self) -> None:
        assert self.chan is not None
        ticket = self.server.hub.join(self.identity, on_ready=self._on_ready, on_kick=self._kick)
        if ticket is None:
            self.chan.write(b"mockint: this room code is no longer valid.\r\n")
            self.chan.exit(1)
            return
        self.ticket = ticket
        self.ready = False
        master, slave = os.openpty()
        tty.setraw(slave)  # before the app starts: nothing typed early is echoed as garbage
        set_winsize(master, *self.size)
        os.set_blocking(master, False)
        self.master = master
        self.input.attach(master)
        env = child_env(self.term, dict(self.chan.get_environment()))
        try:
            pid = await self.server.launcher.spawn(
                slave, env, self.server.hub.socket_path or "", ticket.token
            )
        except (RuntimeError, TimeoutError, OSError) as exc:
            os.close(slave)
            self.chan.write(f"mockint: could not start the app: {exc}\r\n".encode())
            self._close_master()
            self.chan.exit(1)
            return
        finally:
            with contextlib.suppress(OSError):
                os.close(slave)
        self.pid = pid
        self.server.launcher.on_exit[pid] = self._app_exited
        asyncio.get_running_loop().add_reader(master, self._pty_readable)
        self._touch()

    def _on_ready(self) -> None:
        if self.ready or self.master is None:
            return
        self.ready = True
        self.input.release()  # what was typed meanwhile goes to the first screen

    def _kick(self, reason: str) -> None:
        # The hub has told the app to leave (it restores the terminal and says why); one
        # that has not gone after a grace period is ended.
        self.kick_reason = reason
        asyncio.get_running_loop().call_later(KICK_GRACE_S, self._terminate_app)

    def data_received(self, data: bytes, datatype: Any) -> None:
        self._touch()
        self.input.write(data)  # whole, whatever its size (pair/ptyinput.py)

    def _pause_input(self) -> None:
        if self.chan is not None:
            self.chan.pause_reading()

    def _resume_input(self) -> None:
        if self.chan is not None:
            self.chan.resume_reading()

    def terminal_size_changed(self, width: int, height: int, pixwidth: int, pixheight: int) -> None:
        self.size = clamp_size(width, height)
        if self.master is not None:
            with contextlib.suppress(OSError):
                set_winsize(self.master, *self.size)
            if self.pid is not None:
                with contextlib.suppress(ProcessLookupError, PermissionError):
                    os.killpg(self.pid, signal.SIGWINCH)

    def _pty_readable(self) -> None:
        if self.master is None or self.chan is None:
            return
        try:
            data = os.read(self.master, 65536)
        except BlockingIOError:
            return
        except OSError:
            data = b""
        if not data:
            self._close_master()
            return
        self.chan.write(data)
        if self.chan.get_write_buffer_size() > 1024 * 1024 and not self._paused:
            self._paused = True
            asyncio.get_running_loop().remove_reader(self.master)

    def pause_writing(self) -> None:
        if self.master is not None and not self._paused:
            self._paused = True
            asyncio.get_running_loop().remove_reader(self.master)

    def resume_writing(self) -> None:
        if self.master is not None and self._paused:
            self._paused = False
            asyncio.get_running_loop().add_reader(self.master, self._pty_readable)

    def _close_master(self) -> None:
        self.input.detach()
        if self.master is not None:
            with contextlib.suppress(Exception):
                asyncio.get_running_loop().remove_reader(self.master)
            with contextlib.suppress(OSError):
                os.close(self.master)
            self.master = None
            self._paused = False

    def _app_exited(self, status: int | None) -> None:
        self.pid = None
        self._close_master()
        if self.closing or self.chan is None:
            return
        # After a swap of roles, the same terminal gets a fresh app in its new role.
        if status == RELAUNCH_STATUS and self.kick_reason is None:
            self.server.spawn_task(self._launch())
            return
        if self.ticket is not None:
            self.server.hub.leave(self.ticket)
        # A kicked app says why itself and exits 0; one ended here (idle, or stuck) cannot.
        if self.kick_reason and (status != 0 or self.idle_closed):
            self.chan.write(f"\r\nmockint: {self.kick_reason}\r\n".encode())
        self.chan.exit(0)

    def _terminate_app(self) -> None:
        if self.pid is not None:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(self.pid, signal.SIGHUP)

    def _touch(self) -> None:
        if self._idle is not None:
            self._idle.cancel()
        self._idle = asyncio.get_running_loop().call_later(
            self.server.config.idle_timeout, self._idle_out
        )

    def _idle_out(self) -> None:
        secs = self.server.config.idle_timeout
        took = f"{secs / 60:g} minutes" if secs >= 60 else f"{secs:g} seconds"
        self.kick_reason = f"Closed after {took} without input. Connect again to come back."
        self.idle_closed = True
        self._terminate_app()
        if self.pid is None and self.chan is not None:
            self.chan.exit(0)

    def eof_received(self) -> bool:
        return False

    def connection_lost(self, exc: Exception | None) -> None:
        self.closing = True
        if self._idle is not None:
            self._idle.cancel()
        if self.ticket is not None:
            self.server.hub.leave(self.ticket)
        self._terminate_app()
        self._close_master()


RELAUNCH_STATUS = 75  # an app process that ends with this asks for a fresh one (swap roles)


class PairServer:
    def __init__(self, config: ServeConfig) -> None:
        self.config = config
        data_dir = config.data_dir or _default_data_dir()
        self.pair_dir = data_dir / "pair"
        private_dir(self.pair_dir)
        if config.authorized_keys is None:
            config.authorized_keys = self.pair_dir / "authorized_keys"
        self.limiter = FailureLimiter(
            config.max_failures, config.failure_window, config.block_seconds
        )
        from mockint.paths import default_db_path

        self.hub = Hub(config.db_path or default_db_path(), code_ttl=config.code_ttl)
        self.launcher = Launcher(str(self.pair_dir / "launcher.log"))
        self.socket_dir: str | None = None
        self._ssh: asyncssh.SSHAcceptor | None = None
        self._tasks: set[asyncio.Task[None]] = set()
        self.host_key: asyncssh.SSHKey | None = None
        self.port = config.port
        self.state_path = self.pair_dir / "serve.json"

    def new_session(self, identity: str) -> PtySession:
        return PtySession(self, identity)

    def spawn_task(self, coro: Coroutine[Any, Any, None]) -> None:
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def load_host_key(self) -> asyncssh.SSHKey:
        path = self.pair_dir / "ssh_host_ed25519_key"
        if not path.exists():
            key = asyncssh.generate_private_key("ssh-ed25519", comment="mockint host key")
            old = os.umask(0o077)
            try:
                key.write_private_key(str(path))
            finally:
                os.umask(old)
            os.chmod(path, 0o600)
        return asyncssh.read_private_key(str(path))

    async def start(self) -> None:
        self.host_key = self.load_host_key()
        self.socket_dir = tempfile.mkdtemp(prefix="mockint-hub-")  # mode 0700
        await self.hub.start(self.socket_dir)
        await self.launcher.start()
        self._ssh = await asyncssh.create_server(
            lambda: Front(self),
            self.config.host,
            self.config.port,
            server_host_keys=[self.host_key],
            encoding=None,
            line_editor=False,
            allow_pty=True,
            x11_forwarding=False,
            agent_forwarding=False,
            login_timeout=self.config.login_timeout,
            keepalive_interval=30,
            keepalive_count_max=4,
            allow_scp=False,
        )
        sockets = self._ssh.sockets if hasattr(self._ssh, "sockets") else []
        if sockets:
            self.port = sockets[0].getsockname()[1]
        host = self.config.host
        self.hub.ssh_hint = lambda code: ssh_command(code, host, self.port)
        self.hub.host_fingerprint = self.host_key.get_fingerprint()
        self._write_state()

    def _write_state(self) -> None:
        state = {
            "pid": os.getpid(),
            "host": self.config.host,
            "port": self.port,
            "socket": self.hub.socket_path,
            "admin": self.hub.admin_token,
            "fingerprint": self.host_key.get_fingerprint() if self.host_key else "",
        }
        tmp = self.state_path.with_suffix(".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as f:
            json.dump(state, f)
        os.replace(tmp, self.state_path)

    async def stop(self) -> None:
        if self._ssh is not None:
            self._ssh.close()
        with contextlib.suppress(FileNotFoundError):
            self.state_path.unlink()
        await self.hub.close()
        self.launcher.stop()
        if self.socket_dir:
            with contextlib.suppress(OSError):
                for name in os.listdir(self.socket_dir):
                    os.unlink(os.path.join(self.socket_dir, name))
                os.rmdir(self.socket_dir)


def ssh_command(code: str, host: str, port: int) -> str:
    shown = host if host not in ("0.0.0.0", "::", "") else socket.getfqdn()
    port_part = "" if port == 22 else f"-p {port} "
    return f"ssh {port_part}{code}@{shown}"


def _default_data_dir() -> Path:
    from mockint.paths import user_data_dir

    return user_data_dir()
