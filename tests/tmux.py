"""A small driver for the real terminal: tmux send-keys and capture-pane."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import time
import uuid

import pytest


def require_tmux() -> None:
    if shutil.which("tmux") is None:
        pytest.fail("tmux is not installed (.ci/run installs it)")


class Tmux:
    def __init__(self, width: int = 80, height: int = 24):
        require_tmux()
        self.socket = f"mockint-test-{uuid.uuid4().hex[:8]}"
        self.width = width
        self.height = height
        self.session = "t"

    def _tmux(self, *args: str, check: bool = True) -> str:
        res = subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, timeout=20
        )
        if check and res.returncode != 0:
            raise RuntimeError(f"tmux {' '.join(args)}: {res.stderr.strip()}")
        return res.stdout

    def start(self, *mockint_args: str) -> None:
        """`exec python -m mockint ARGS` in a fresh pane, so the pane's pid is mockint's."""
        cmd = "exec " + shlex.join([sys.executable, "-m", "mockint", *mockint_args])
        if self._alive():
            self._tmux("kill-session", "-t", self.session)
        self._tmux(
            "new-session",
            "-d",
            "-s",
            self.session,
            "-x",
            str(self.width),
            "-y",
            str(self.height),
            "-e",
            f"MOCKINT_DB={os.environ['MOCKINT_DB']}",
            "-e",
            f"XDG_DATA_HOME={os.environ.get('XDG_DATA_HOME', '')}",
            *(["-e", f"EDITOR={os.environ['EDITOR']}"] if "EDITOR" in os.environ else []),
            cmd,
        )
        self._tmux("set-option", "-t", self.session, "remain-on-exit", "on")
        # -x/-y alone are not always honoured for a detached session (seen under pytest).
        self._tmux(
            "resize-window", "-t", self.session, "-x", str(self.width), "-y", str(self.height)
        )

    def _alive(self) -> bool:
        return (
            subprocess.run(
                ["tmux", "-L", self.socket, "has-session", "-t", self.session], capture_output=True
            ).returncode
            == 0
        )

    def pid(self) -> int:
        return int(self._tmux("display-message", "-p", "-t", self.session, "#{pane_pid}").strip())

    # Short pauses after each send, as a person's typing has: a burst of a whole sentence and
    # a Tab in one read is not how terminals deliver typing, and Textual may merge it.
    def send(self, *keys: str) -> None:
        self._tmux("send-keys", "-t", self.session, *keys)
        time.sleep(0.1)

    def type(self, text: str) -> None:
        for start in range(0, len(text), 8):
            self._tmux("send-keys", "-t", self.session, "-l", text[start : start + 8])
            time.sleep(0.02)
        time.sleep(0.1)

    def screen(self) -> str:
        return self._tmux("capture-pane", "-p", "-t", self.session)

    def wait_for(self, pattern: str, timeout: float = 20.0) -> re.Match:
        end = time.monotonic() + timeout
        while True:
            text = self.screen()
            m = re.search(pattern, text)
            if m:
                return m
            if time.monotonic() > end:
                raise AssertionError(f"{pattern!r} never appeared; screen was:\n{text}")
            time.sleep(0.1)

    def close(self) -> None:
        self._tmux("kill-server", check=False)
