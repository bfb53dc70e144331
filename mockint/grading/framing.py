"""Messages between the worker and the zygote: length-prefixed JSON, optionally with fds.

`send_msg` writes a 4-byte big-endian length and the JSON body (file descriptors ride along
with the first bytes as SCM_RIGHTS); `recv_msg` reads one message, or None at end of file.
"""

from __future__ import annotations

import json
import socket
import struct
from typing import Any


def send_msg(sock: socket.socket, obj: dict[str, Any], fds: list[int] | None = None) -> None:
    data = json.dumps(obj).encode()
    msg = struct.pack("!I", len(data)) + data
    if fds:
        socket.send_fds(sock, [msg], fds)
    else:
        sock.sendall(msg)


def recv_msg(sock: socket.socket) -> tuple[dict[str, Any] | None, list[int]]:
    head, fds, _, _ = socket.recv_fds(sock, 4, 4)
    if len(head) == 0:
        return None, fds
    while len(head) < 4:
        more = sock.recv(4 - len(head))
        if not more:
            return None, fds
        head += more
    (n,) = struct.unpack("!I", head)
    buf = b""
    while len(buf) < n:
        chunk = sock.recv(n - len(buf))
        if not chunk:
            return None, fds
        buf += chunk
    return json.loads(buf), fds
