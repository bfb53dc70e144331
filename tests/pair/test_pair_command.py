"""`mockint pair`: one command on the host starts the server and opens the interviewer's
screen with the room code and the exact ssh command, which a candidate can paste as is."""

from __future__ import annotations

import json
import os
import shlex
import signal
import sys
import time
from pathlib import Path

import pytest

from tests.pair.sshterm import SSH_OPTS, Panes

pytestmark = [pytest.mark.tmux, pytest.mark.slow]


def test_pair_starts_a_server_and_shows_the_ssh_command(isolated_data):
    panes = Panes()
    state = Path(isolated_data) / "mockint" / "pair" / "serve.json"
    try:
        panes.open("host", [sys.executable, "-m", "mockint", "pair", "--port", "0"])
        m = panes.wait_for("host", r"Candidate joins with: (ssh -p \d+ [a-z2-9-]+@127\.0\.0\.1)")
        command = shlex.split(m.group(1))
        assert state.is_file() and oct(state.stat().st_mode & 0o777) == "0o600"
        # The host key's fingerprint, to compare with what the candidate's ssh shows.
        fingerprint = panes.wait_for("host", r"Host key: (SHA256:\S+)").group(1)
        assert fingerprint == json.loads(state.read_text())["fingerprint"]
        # The candidate pastes the command as shown (the options only skip host-key prompts).
        panes.open("cand", [command[0], *SSH_OPTS, *command[1:]])
        panes.wait_for("cand", r"Waiting for the interviewer")
        panes.wait_for("host", r"Candidate: connected")
        panes.send("host", "Tab")
        panes.send("host", "Home")
        for _ in range(5):
            panes.send("host", "Down")
            panes.send("host", "Space")
        panes.send("host", "F5")  # only the first stage stays chosen
        panes.wait_for("cand", r"Stage 1 of 1 · Phone screen")
        panes.send("host", "C-q")
        panes.wait_for("host", r"The server keeps running")
        # mockint pair's first lines, under the app's screen while it ran, say it too.
        first = panes.screen("host").splitlines()
        assert first[0].startswith("mockint pair: server on 127.0.0.1:")
        assert first[1].startswith(f"Host key fingerprint: {fingerprint} ")
    finally:
        panes.close()
        if state.is_file():
            pid = json.loads(state.read_text())["pid"]
            os.kill(pid, signal.SIGTERM)
            end = time.monotonic() + 15
            while time.monotonic() < end:
                try:
                    os.kill(pid, 0)
                except ProcessLookupError:
                    break
                time.sleep(0.1)
