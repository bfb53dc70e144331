"""`mockint serve` limits: the warning for a non-loopback address, the login timeout (a
client that never authenticates is dropped) and the idle timeout (a session without input
is closed with a message), with the real `ssh` client where a terminal is involved."""

from __future__ import annotations

import socket
import subprocess
import sys
import time

import pytest

from mockint.pair.commands import exposure_warning
from tests.pair.sshterm import Server, open_room

# An address from TEST-NET-1 (RFC 5737): assigned to no machine, so binding it fails and
# the test never listens beyond this machine, yet `serve` sees a non-loopback address.
UNASSIGNED = "192.0.2.1"


def test_the_warning_is_for_addresses_beyond_this_machine():
    for host in ("127.0.0.1", "127.0.0.2", "::1", "localhost"):
        assert exposure_warning(host) is None, host
    for host in ("0.0.0.0", "::", "192.168.1.20", "10.0.0.5", "example.org"):
        line = exposure_warning(host)
        assert line is not None and "WARNING" in line and host in line, host


@pytest.mark.slow
def test_serve_prints_the_warning_for_a_non_loopback_address(tmp_path):
    res = subprocess.run(
        [sys.executable, "-m", "mockint", "serve", "--host", UNASSIGNED, "--port", "0"],
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )
    warnings = [line for line in res.stderr.splitlines() if "WARNING" in line]
    assert len(warnings) == 1 and f"listening on {UNASSIGNED}" in warnings[0], res.stderr
    # The address is not this machine's: one clear line, no traceback, nothing listening.
    assert res.returncode != 0
    assert f"cannot listen on {UNASSIGNED}" in res.stderr and "Traceback" not in res.stderr


@pytest.mark.slow
def test_loopback_prints_no_warning(server):
    out = server.log.read_text()
    assert "listening on 127.0.0.1:" in out
    assert "WARNING" not in out


def _banner(port: int) -> socket.socket:
    s = socket.create_connection(("127.0.0.1", port), timeout=10)
    assert s.recv(256).startswith(b"SSH-2.0-")
    return s


@pytest.mark.slow
def test_a_client_that_never_logs_in_is_dropped_after_the_login_timeout(tmp_path):
    server = Server(tmp_path, "--login-timeout", "2").start()
    try:
        s = _banner(server.port)
        s.settimeout(1)
        start = time.monotonic()
        closed = False
        while time.monotonic() - start < 25:  # the default timeout (30 s) would fail this
            try:
                data = s.recv(4096)
            except TimeoutError:
                continue
            except ConnectionResetError:
                closed = True
                break
            if not data:
                closed = True
                break
        s.close()
        assert closed, "the connection was still open after 25 s"
        assert time.monotonic() - start >= 1  # the timeout, not an immediate refusal
    finally:
        server.stop()


@pytest.mark.slow
def test_the_login_timeout_comes_from_the_environment_too(tmp_path, monkeypatch):
    monkeypatch.setenv("MOCKINT_SERVE_LOGIN_TIMEOUT", "2")
    server = Server(tmp_path).start()
    try:
        s = _banner(server.port)
        s.settimeout(25)
        try:
            data = s.recv(4096)
        except ConnectionResetError:
            data = b""
        s.close()
        assert data == b""
    finally:
        server.stop()


@pytest.mark.tmux
@pytest.mark.slow
def test_an_idle_session_is_closed_with_a_message(tmp_path, panes):
    server = Server(tmp_path, "--idle-timeout", "5")
    key = server.add_interviewer("alice")
    server.start()
    try:
        code = open_room(server, panes, key, stages=(0,))
        panes.open("cand", server.ssh_args(code), width=100, height=30)
        # The interviewer keeps typing (their own session stays open); the candidate does not.
        end = time.monotonic() + 30
        while "Stage 1 of" not in panes.screen("cand") and time.monotonic() < end:
            panes.type("int", "n")
            time.sleep(0.3)
        while not panes.dead("cand") and time.monotonic() < end:
            panes.type("int", "n")
            time.sleep(0.5)
        assert panes.dead("cand"), panes.screen("cand")
        panes.wait_for("cand", r"Closed after 5 seconds without input")
        assert not panes.dead("int")
        panes.type("int", "n")
        panes.wait_for("int", r"Candidate not connected", timeout=4)
    finally:
        server.stop()
