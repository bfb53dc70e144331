"""The SSH front door with the real `ssh` client: who gets in, who does not, and the pty."""

from __future__ import annotations

import time

import pytest

from mockint.pair.server import child_env, clamp_size
from tests.pair.sshterm import Server, make_key, open_room

pytestmark = [pytest.mark.tmux, pytest.mark.slow]


def start(tmp_path, *extra: str) -> Server:
    return Server(tmp_path, *extra).start()


def test_unknown_key_and_no_pty_are_refused(tmp_path, panes):
    server = Server(tmp_path)
    key = server.add_interviewer("alice")
    server.start()
    try:
        stranger = make_key(tmp_path, "stranger")
        res = server.run_ssh("interviewer", stranger, "-tt")
        assert res.returncode == 255
        assert "Permission denied" in res.stderr
        # A known key but no terminal: told why, in one line, and let go.
        res = server.run_ssh("interviewer", key, "-T")
        assert res.returncode == 1
        assert "needs a terminal" in res.stdout + res.stderr
        # A command instead of the app: refused too.
        res = server.run_ssh("interviewer", key, "-tt", command="ls")
        assert res.returncode == 1
        assert "no commands" in res.stdout + res.stderr
    finally:
        server.stop()
    out = server.log.read_text()
    assert "Host key fingerprint: SHA256:" in out
    assert (tmp_path / "xdg-data" / "mockint" / "pair" / "ssh_host_ed25519_key").is_file()


def test_wrong_code_is_refused_and_failures_are_rate_limited(tmp_path, panes):
    server = Server(tmp_path, "--max-failures", "3", "--block-seconds", "120")
    key = server.add_interviewer("alice")
    server.start()
    try:
        code = open_room(server, panes, key, stages=(0,))
        for _ in range(3):
            res = server.run_ssh("zzzz-zzzz", None, "-tt")
            assert res.returncode == 255
            assert "unknown or expired room code" in res.stderr
        # Now even the right code is refused from this address, with the reason.
        res = server.run_ssh(code, None, "-tt")
        assert res.returncode == 255
        assert "too many failed logins" in res.stderr
    finally:
        server.stop()


def test_candidate_screen_follows_a_resize(tmp_path, panes):
    server = Server(tmp_path)
    key = server.add_interviewer("alice")
    server.start()
    try:
        code = open_room(server, panes, key, stages=(0,))
        panes.open("cand", server.ssh_args(code), width=100, height=30)
        panes.wait_for("cand", r"Stage 1 of 1 · Phone screen(.|\n)*Leave")
        lines = panes.screen("cand").splitlines()
        assert len(lines) == 30 and "Leave" in lines[29], "\n".join(lines)
        panes.resize("cand", 72, 20)
        end = time.monotonic() + 20
        while time.monotonic() < end:
            lines = panes.screen("cand").splitlines()
            # The whole redraw, not only its first lines: the header ends with the state.
            if (
                len(lines) == 20
                and "Leave" in lines[19]
                and lines[0].rstrip().endswith("NOT STARTED")
            ):
                break
            time.sleep(0.2)
        assert len(lines) == 20 and "Leave" in lines[19], "\n".join(lines)
        assert lines[0].rstrip().endswith("NOT STARTED")
    finally:
        server.stop()


def test_sizes_are_clamped_and_env_is_whitelisted():
    assert clamp_size(0, 0) == (80, 24)
    assert clamp_size(65535, 65535) == (500, 200)
    assert clamp_size(5, 3) == (20, 8)
    env = child_env(
        "xterm-256color",
        {"LANG": "en_US.UTF-8", "COLORTERM": "truecolor", "COLUMNS": "10", "LD_PRELOAD": "x"},
    )
    assert env["TERM"] == "xterm-256color" and env["COLORTERM"] == "truecolor"
    assert "COLUMNS" not in env and "LINES" not in env and "LD_PRELOAD" not in env
    assert env["LANG"] == "en_US.UTF-8"
    assert child_env("bad;term $(x)", {"LANG": "C"})["TERM"] == "xterm-256color"
    assert child_env(None, {"LANG": "fr_FR.ISO-8859-1"})["LANG"] == "C.UTF-8"
