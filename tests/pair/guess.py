"""A room-code guesser on one SSH connection, as an attacker writes it with asyncssh: the
OpenSSH client sends one user name per connection, but the protocol lets a client send a
new user name with every authentication request, so each key offered here goes under the
next guess."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable

import asyncssh


class Guesser(asyncssh.SSHClient):
    def __init__(self, guesses: Iterable[str]) -> None:
        self._next = iter(guesses)
        self._key = asyncssh.generate_private_key("ssh-ed25519")
        self.conn: asyncssh.SSHClientConnection | None = None
        self.sent: list[str] = []  # the user names sent, in order (the first with "none")
        self.banners: list[str] = []
        self.logged_in = False

    def connection_made(self, conn: asyncssh.SSHClientConnection) -> None:
        self.conn = conn

    def auth_banner_received(self, msg: str, lang: str) -> None:
        self.banners.append(msg)

    def public_key_auth_requested(self) -> asyncssh.SSHKey | None:
        name = next(self._next, None)
        if name is None or self.conn is None:
            return None
        self.conn._username = name  # the next request carries this user name
        self.sent.append(name)
        return self._key


async def guess_on_one_connection(port: int, first: str, more: list[str]) -> Guesser:
    """Try `first`, then each of `more`, on a single connection; returns the guesser with
    what was sent, the banners received and whether it logged in."""
    guesser = Guesser(more)
    guesser.sent.append(first)
    try:
        conn, _ = await asyncio.wait_for(
            asyncssh.create_connection(
                lambda: guesser,
                "127.0.0.1",
                port,
                username=first,
                known_hosts=None,
                client_keys=None,
                agent_path=None,
                password=None,
                kbdint_auth=False,
                config=[],
            ),
            30,
        )
        guesser.logged_in = True
        conn.close()
    except (asyncssh.PermissionDenied, asyncssh.DisconnectError, ConnectionError):
        pass
    return guesser
