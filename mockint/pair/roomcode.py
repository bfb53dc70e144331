"""A room's code over its life: a code nobody used within its time is replaced by a fresh
one, and the room's host may replace it at any time; either way the host's screen shows the
new code with a line saying why, and the old code admits nobody from then on.

The guest keeps one identity in the room whatever code they join with (`Room.guest`), so
their role, feedback and, after a swap, their private notes stay theirs across new codes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mockint.pair import wire
from mockint.pair.codes import fresh_code

if TYPE_CHECKING:
    from mockint.pair.hub import Hub, Room, Ticket


def expired(hub: Hub, room: Room) -> bool:
    return not room.code_used and hub.clock.monotonic() - room.code_created >= hub.code_ttl


def replace_expired(hub: Hub, room: Room) -> None:
    if expired(hub, room):
        minutes = hub.code_ttl / 60
        took = (
            f"{minutes:g} minute{'' if minutes == 1 else 's'}"
            if minutes >= 1
            else f"{hub.code_ttl:g} seconds"
        )
        renew(hub, room, f"The room code {room.code} expired unused after {took}.")


def requested(hub: Hub, room: Room, t: Ticket) -> None:
    """The interviewer asked for a new code: only the room's host may (after a swap of
    roles the guest interviews, and the code is theirs to log in with)."""
    if t.identity != room.owner:
        hub._error(room, t.role, "Only the room's host can renew its code.")
        return
    renew(hub, room, f"The room code {room.code} no longer works.")


def renew(hub: Hub, room: Room, why: str) -> None:
    hub.by_code.pop(room.code, None)
    room.code = fresh_code(hub.by_code)
    hub.by_code[room.code] = room
    room.code_created, room.code_used = hub.clock.monotonic(), False
    ssh = hub.ssh_hint(room.code)
    message = f"{why} New room code: {room.code}. The candidate joins with: {ssh}"
    host = next((t for t in room.seats.values() if t and t.identity == room.owner), None)
    if host is not None and host.conn is not None and not host.revoked:
        host.conn.send(wire.Code(code=room.code, ssh=ssh, message=message))
    else:  # told when the host next connects (their screen shows the new code anyway)
        room.notice = f"{room.notice} {message}" if room.notice else message
