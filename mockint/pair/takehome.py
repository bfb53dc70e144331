"""Take a round home: when a round ends, each side gets a one-time line to copy,

    ssh -p PORT TOKEN@HOST export > round.json

which prints that side's view of the round as a `mockint-export` document, for
`mockint import round.json` on their own machine (history, report, replay, review queue).

A token is random (about 100 bits), its own for each side, never the room code, valid for
24 hours while the server runs and for one export. The server takes a token as a user name
for the `export` command alone (pair/server.py). The candidate's document never holds the
interviewer's private notes (nor their history), the rubric or the hire call, and the
interviewer's feedback only once both sides gave theirs, as on the screen.
"""

from __future__ import annotations

import json
import re
import secrets
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from mockint.pair.codes import ALPHABET
from mockint.pair.wire import INTERVIEWER

if TYPE_CHECKING:
    from mockint.pair.hub import Hub, Room

TTL_S = 24 * 3600.0
PATTERN = re.compile(r"^rt-[a-z2-9]{20}$")
COMMAND = "export"
LOCAL = "local"  # the identity of whoever interviews from the machine that imports


@dataclass
class Pass:
    session_id: int
    role: str
    identity: str
    expires: float


def looks_like_token(name: str) -> bool:
    return bool(PATTERN.match(name))


def new_token() -> str:
    return "rt-" + "".join(secrets.choice(ALPHABET) for _ in range(20))


def issue(hub: Hub, room: Room) -> None:
    """A token and its line for each side of a round that has just ended."""
    if room.session_id is None:
        return
    expires = hub.clock.now() + TTL_S
    for identity, role in room.persons.items():
        token = new_token()
        hub.exports[token] = Pass(room.session_id, role, identity, expires)
        room.exports[identity] = f"{hub.ssh_hint(token)} {COMMAND} > round.json"


def live(hub: Hub, token: str) -> bool:
    p = hub.exports.get(token)
    return p is not None and hub.clock.now() < p.expires


def take(hub: Hub, token: str) -> bytes | None:
    """The document for a live token, which is used up; None if there is none."""
    if not live(hub, token):
        return None
    p = hub.exports.pop(token)
    for room in hub.rooms.values():
        if room.session_id == p.session_id:
            hub._flush(room)  # the last second of changes too
    doc = document(hub, p)
    return (json.dumps(doc, ensure_ascii=False, indent=1) + "\n").encode()


def document(hub: Hub, p: Pass) -> dict[str, Any]:
    from mockint.review.transfer import export_data

    doc = export_data(hub.store, only=p.session_id)
    for s in doc["sessions"]:
        pair = s.get("pair")
        if pair is not None:
            s["pair"] = side_view(pair, p.role, p.identity)
    return doc


def side_view(pair: dict[str, Any], role: str, identity: str) -> dict[str, Any]:
    """One side's copy of a round's pair part, with identities as that person's machine
    reads them: whoever exports as interviewer becomes `local` there (their own notes),
    and a candidate's copy never names anyone `local` (no notes are theirs to see)."""
    pair = dict(pair)
    if role == INTERVIEWER:

        def mine(author: str) -> str:
            return LOCAL if author == identity else f"other:{author}"

        pair["interviewer"] = mine(pair["interviewer"])
        for key in ("private", "note_history"):
            pair[key] = [
                r | {"author": LOCAL} for r in pair.get(key, []) if r["author"] == identity
            ]
        pair["feedback"] = [r | {"author": mine(r["author"])} for r in pair.get("feedback", [])]
        return pair
    pair["private"], pair["note_history"] = [], []
    if pair["interviewer"] == LOCAL:
        pair["interviewer"] = "host"
    feedback = pair.get("feedback", [])
    both = len({r["role"] for r in feedback}) >= 2
    pair["feedback"] = [r for r in feedback if r["role"] == role or both]
    return pair
