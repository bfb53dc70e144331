"""Pair-mode test harness: `mockint serve` on 127.0.0.1 and a random port, throwaway keys,
and real `ssh` clients driven in tmux panes. Everything started here is stopped here."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

SSH_OPTS = [
    "-F",
    "/dev/null",
    "-o",
    "StrictHostKeyChecking=no",
    "-o",
    "UserKnownHostsFile=/dev/null",
    "-o",
    "BatchMode=yes",
]


def require_tools() -> None:
    for tool in ("ssh", "ssh-keygen", "tmux"):
        if shutil.which(tool) is None:
            pytest.fail(f"{tool} is not installed (.ci/run installs openssh-client and tmux)")


def make_key(folder: Path, name: str) -> Path:
    path = folder / name
    subprocess.run(
        ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", str(path)],
        check=True,
        timeout=30,
    )
    return path


class Server:
    def __init__(self, tmp: Path, *extra: str) -> None:
        require_tools()
        self.tmp = tmp
        self.keys_dir = tmp / "keys"
        self.keys_dir.mkdir(exist_ok=True)
        self.authorized = tmp / "authorized_keys"
        self.authorized.touch()
        self.log = tmp / "serve.out"
        self.extra = extra
        self.proc: subprocess.Popen | None = None
        self.port = 0
        self.alice: Path | None = None

    def add_interviewer(self, name: str) -> Path:
        key = make_key(self.keys_dir, name)
        with self.authorized.open("a") as f:
            f.write((key.parent / (key.name + ".pub")).read_text())
        return key

    @classmethod
    def with_alice(cls, tmp: Path, *extra: str) -> Server:
        """A started server with one interviewer, whose key is `server.alice`."""
        server = cls(tmp, *extra)
        server.alice = server.add_interviewer("alice")
        return server.start()

    def start(self) -> Server:
        with self.log.open("wb") as out:
            self.proc = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "mockint",
                    "serve",
                    "--port",
                    "0",
                    "--authorized-keys",
                    str(self.authorized),
                    *self.extra,
                ],
                stdout=out,
                stderr=subprocess.STDOUT,
                env=os.environ.copy(),
            )
        end = time.monotonic() + 60
        while time.monotonic() < end:
            m = re.search(r"listening on 127\.0\.0\.1:(\d+)", self.log.read_text())
            if m:
                self.port = int(m.group(1))
                return self
            if self.proc.poll() is not None:
                break
            time.sleep(0.1)
        raise AssertionError(f"server did not start:\n{self.log.read_text()}")

    def ssh_args(self, user: str, key: Path | None = None, *extra: str) -> list[str]:
        args = ["ssh", "-p", str(self.port), *SSH_OPTS]
        if key is not None:
            args += ["-i", str(key), "-o", "IdentitiesOnly=yes"]
        else:
            args += ["-o", "PubkeyAuthentication=no"]
        return [*args, *extra, f"{user}@127.0.0.1"]

    def run_ssh(
        self, user: str, key: Path | None = None, *extra: str, command: str | None = None
    ) -> subprocess.CompletedProcess:
        return subprocess.run(
            self.ssh_args(user, key, *extra) + ([command] if command else []),
            capture_output=True,
            text=True,
            timeout=30,
            stdin=subprocess.DEVNULL,
        )

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


class Panes:
    """One tmux server; one session per ssh client."""

    def __init__(self) -> None:
        require_tools()
        self.socket = f"mockint-pair-{uuid.uuid4().hex[:8]}"

    def _tmux(self, *args: str, check: bool = True) -> str:
        res = subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, timeout=20
        )
        if check and res.returncode != 0:
            raise RuntimeError(f"tmux {' '.join(args)}: {res.stderr.strip()}")
        return res.stdout

    def open(self, name: str, argv: list[str], width: int = 120, height: int = 40) -> None:
        if name in self._tmux("list-sessions", "-F", "#{session_name}", check=False).split():
            self._tmux("kill-session", "-t", name)
        self._tmux(
            "new-session", "-d", "-s", name, "-x", str(width), "-y", str(height), "-e",
            "LANG=C.UTF-8", "sleep 600",
        )  # fmt: skip
        self._tmux("set-option", "-t", name, "remain-on-exit", "on")
        self._tmux("set-option", "-t", name, "status", "off")
        self._tmux("resize-window", "-t", name, "-x", str(width), "-y", str(height))
        self._tmux("respawn-pane", "-k", "-t", name, "exec " + shlex.join(argv))

    def resize(self, name: str, width: int, height: int) -> None:
        self._tmux("resize-window", "-t", name, "-x", str(width), "-y", str(height))

    def pipe(self, name: str, path: Path) -> None:
        """Every byte the pane receives from now on is appended to `path`."""
        self._tmux("pipe-pane", "-t", name, "-o", f"cat >> {shlex.quote(str(path))}")

    def send(self, name: str, *keys: str) -> None:
        self._tmux("send-keys", "-t", name, *keys)
        time.sleep(0.15)

    def type(self, name: str, text: str, burst: bool = False) -> None:
        """Literal text; `burst` sends it in one write (one packet on the wire)."""
        if burst:
            self._tmux("send-keys", "-t", name, "-l", text)
        else:
            for start in range(0, len(text), 6):
                self._tmux("send-keys", "-t", name, "-l", text[start : start + 6])
                time.sleep(0.03)
        time.sleep(0.15)

    def screen(self, name: str) -> str:
        return self._tmux("capture-pane", "-p", "-t", name)

    def dead(self, name: str) -> bool:
        return self._tmux("display-message", "-p", "-t", name, "#{pane_dead}").strip() == "1"

    def pane_pid(self, name: str) -> int:
        return int(self._tmux("display-message", "-p", "-t", name, "#{pane_pid}").strip())

    def wait_for(self, name: str, pattern: str, timeout: float = 30.0) -> re.Match:
        end = time.monotonic() + timeout
        while True:
            text = self.screen(name)
            m = re.search(pattern, text)
            if m:
                return m
            if time.monotonic() > end:
                raise AssertionError(f"{pattern!r} never appeared in {name}; screen was:\n{text}")
            time.sleep(0.1)

    def close(self) -> None:
        self._tmux("kill-server", check=False)


def open_room(
    server: Server, panes: Panes, key: Path, name: str = "int", stages: tuple[int, ...] = ()
) -> str:
    """The interviewer logs in and opens a round with the chosen stages (their positions in
    the default loop; all when empty); returns the room code."""
    panes.open(name, server.ssh_args("interviewer", key))
    code = panes.wait_for(name, r"Room code: ([a-z2-9]{4}-[a-z2-9]{4})").group(1)
    panes.wait_for(name, r"Phone screen \(phone_screen")
    if stages:
        panes.send(name, "Tab")  # to the stages list
        panes.send(name, "Home")  # its first stage
        for i in range(6):
            if i not in stages:
                panes.send(name, "Space")
            panes.send(name, "Down")
    panes.send(name, "F5")
    panes.wait_for(name, r"Room .* Stage 1 of")
    return code


def ask_next(panes: Panes, n: int, name: str = "int", cand: str | None = "cand") -> None:
    """In a talking stage the interviewer asks the next question (F5, Enter); returns once
    the candidate's screen shows it as question `n` (without a candidate: once asked)."""
    panes.send(name, "F5")
    panes.wait_for(name, r"Ask which question")
    panes.send(name, "Enter")
    if cand is None:
        panes.wait_for(name, r"▶ Q\d+\.")
    else:
        panes.wait_for(cand, rf"Now · Q{n}\.")
