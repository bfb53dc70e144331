"""Who an SSH connection is: decided here, at authentication, and nowhere later.

A public key listed in the authorized-keys file makes an interviewer; a live room code used
as the user name (`ssh CODE@host`) makes that room's candidate. Failed logins are counted
per address as they happen (pair/ratelimit.py):

- each wrong or expired room code is one failure, at once, whichever connection it came on;
- a connection that tried to log in otherwise (keys not listed, no method at all) and ends
  without getting in is one failure;
- a connection that never tried to log in (an idle TCP connect) counts nothing;
- one connection is closed after `PER_CONNECTION` failures (or `KEYS_PER_CONNECTION` keys
  refused), so guessing on a single connection meets the same limit as guessing on many;
- while an address is blocked nothing it sends is checked: its attempts close connections
  as above but do not lengthen the block.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING

import asyncssh

from mockint.pair.codes import looks_like_code
from mockint.pair.takehome import live, looks_like_token

if TYPE_CHECKING:
    from mockint.pair.server import PairServer

PER_CONNECTION = 3  # failures after which a connection is closed
KEYS_PER_CONNECTION = 6  # refused keys after which a connection is closed (as OpenSSH)


def read_keys(path: Path | None) -> dict[bytes, str]:
    """Public keys by their wire form (options and comments ignored), with fingerprints."""
    keys: dict[bytes, str] = {}
    if path is None or not path.is_file():
        return keys
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        parts = line.strip().split()
        if not parts or parts[0].startswith("#"):
            continue
        for i in range(len(parts) - 1):  # skip any leading options
            if parts[i].startswith(("ssh-", "ecdsa-", "sk-")):
                with contextlib.suppress(Exception):
                    key = asyncssh.import_public_key(f"{parts[i]} {parts[i + 1]}")
                    keys[key.public_data] = key.get_fingerprint()
                break
    return keys


class Front(asyncssh.SSHServer):
    """One SSH connection: who it is, decided here and only here."""

    def __init__(self, server: PairServer) -> None:
        self.server = server
        self.conn: asyncssh.SSHServerConnection | None = None
        self.address = "?"
        self.identity: str | None = None
        self.authenticated = False
        self.tried = False  # the client asked to log in at least once
        self.failures = 0  # failures on this connection
        self.refused_keys = 0
        self._keys: dict[bytes, str] = {}

    def connection_made(self, conn: asyncssh.SSHServerConnection) -> None:
        self.conn = conn
        peer = conn.get_extra_info("peername")
        self.address = str(peer[0]) if peer else "?"

    def connection_lost(self, exc: Exception | None) -> None:
        if self.tried and not self.authenticated and not self.failures:
            self.server.limiter.failed(self.address)

    def _failed(self, banner: str, count: bool = True) -> None:
        """One failure, counted now; the connection ends at the per-connection limit."""
        assert self.conn is not None
        self.failures += 1
        if count:
            self.server.limiter.failed(self.address)
        self.conn.send_auth_banner(banner)
        self.identity = None
        if self.failures >= PER_CONNECTION:
            raise asyncssh.PermissionDenied(
                f"mockint: {self.failures} failed logins on one connection; closed."
            )

    def begin_auth(self, username: str) -> bool:
        self.tried = True
        wait = self.server.limiter.blocked_for(self.address)
        if wait > 0:
            self._failed(
                f"mockint: too many failed logins from {self.address}; "
                f"try again in {int(wait) + 1} s.\r\n",
                count=False,
            )
            return True  # nothing will validate
        if looks_like_token(username):  # a take-home export (pair/takehome.py)
            if live(self.server.hub, username):
                self.identity = f"export:{username}"
                return False
            self._failed("mockint: unknown, used or expired export name.\r\n")
            return True
        if looks_like_code(username):
            if self.server.hub.code_live(username):
                self.identity = f"code:{username.lower()}"
                return False  # the live code is the credential
            self._failed(
                "mockint: unknown or expired room code. Ask the interviewer for the code on "
                "their screen.\r\n"
            )
            return True
        self._keys = read_keys(self.server.config.authorized_keys)
        self.identity = "key"
        return True

    def auth_completed(self) -> None:
        self.authenticated = True

    def public_key_auth_supported(self) -> bool:
        return True

    def validate_public_key(self, username: str, key: asyncssh.SSHKey) -> bool:
        if self.identity != "key" and not (self.identity or "").startswith("key:"):
            return False
        fp = self._keys.get(key.public_data)
        if fp is None:
            self.refused_keys += 1
            if self.refused_keys >= KEYS_PER_CONNECTION:
                raise asyncssh.PermissionDenied(
                    f"mockint: {self.refused_keys} keys refused on one connection; closed."
                )
            return False
        self.identity = f"key:{fp}"
        return True

    def password_auth_supported(self) -> bool:
        return False

    def kbdint_auth_supported(self) -> bool:
        return False

    def session_requested(self) -> asyncssh.SSHServerSession[bytes]:
        return self.server.new_session(self.identity or "")
