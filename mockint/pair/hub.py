"""The room hub: the single owner of every room's state and the only path between the two
app processes of a room.

App processes connect to a Unix socket in a private 0700 directory and present the
capability token they were started with; the token fixes their room and role. The hub then
decides what each role may send (a candidate: its fields, runs, feedback; an interviewer:
set-up, clock, pushes, private notes and rubric) and what each receives (the candidate never
gets the private notes, the rubric, the problem's hints or the bank's key points unless the
interviewer pushes a hint). Everything is written to the store like a solo session.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import secrets
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mockint.engine.clock import Clock, SystemClock
from mockint.engine.session import Session
from mockint.pair import actions, judging, roomcode, views, wire
from mockint.pair.codes import fresh_code
from mockint.pair.text import clean_message, clip
from mockint.pair.wire import CANDIDATE, INTERVIEWER, ROLES
from mockint.store.db import StoreError
from mockint.store.sessions import Store

log = logging.getLogger("mockint.pair")

FLUSH_S = 1.0  # fields, notes and the clock are written at most this long after a change
MAX_FIELD = wire.MAX_FIELD
MAX_NOTE = 50_000
MAX_SEND_BUFFER = 8 * 1024 * 1024


class AppConn:
    """One app process's connection, after it presented a valid token."""

    def __init__(self, writer: asyncio.StreamWriter) -> None:
        self.writer = writer
        self.closed = False

    def send(self, msg: wire.Msg) -> None:
        if self.closed:
            return
        try:
            self.writer.write(wire.encode(msg))
            if self.writer.transport.get_write_buffer_size() > MAX_SEND_BUFFER:
                self.close()  # a peer that stopped reading is dropped, not buffered for
        except (OSError, RuntimeError):
            self.close()

    def close(self) -> None:
        if not self.closed:
            self.closed = True
            with contextlib.suppress(Exception):
                self.writer.close()


@dataclass
class Ticket:
    """A capability: one app process's right to one role in one room."""

    token: str
    room: Room
    role: str
    identity: str
    on_ready: Callable[[], None] | None = None
    on_kick: Callable[[str], None] | None = None
    conn: AppConn | None = None
    revoked: bool = False


@dataclass
class Room:
    id: str
    code: str
    owner: str
    code_created: float
    code_used: bool = False
    guest: str = ""  # the code holder's identity, kept when the code is renewed
    persons: dict[str, str] = field(default_factory=dict)  # identity -> role
    seats: dict[str, Ticket | None] = field(default_factory=lambda: dict.fromkeys(ROLES))
    phase: wire.Phase = "lobby"
    round_no: int = 1
    session: Session | None = None
    session_id: int | None = None
    recorder: Any = None
    plans: list[dict[str, Any]] = field(default_factory=list)
    fields: dict[str, dict[str, Any]] = field(default_factory=dict)
    focus: str = ""  # the field the candidate is in (the mirror follows it)
    dirty_fields: set[str] = field(default_factory=set)
    pushes: list[dict[str, Any]] = field(default_factory=list)
    asked: list[str] = field(default_factory=list)  # talking stage: question ids, in order
    stage_events: list[dict[str, Any]] = field(default_factory=list)  # the candidate's screen's
    exports: dict[str, str] = field(default_factory=dict)  # identity -> take-home line
    results: dict[str, dict[str, Any]] = field(default_factory=dict)  # problem -> last run view
    notes: dict[str, str] = field(default_factory=dict)  # identity -> private notes
    dirty_notes: set[str] = field(default_factory=set)
    rubric: dict[str, dict[str, Any]] = field(default_factory=dict)  # identity -> rubric
    feedback: dict[str, dict[str, Any]] = field(default_factory=dict)  # role -> feedback
    swap_votes: set[str] = field(default_factory=set)
    running: dict[str, Any] = field(default_factory=dict)  # the grading run in progress
    notice: str | None = None  # told to the interviewer when they next connect

    def role_identity(self, role: str) -> str | None:
        for ident, r in self.persons.items():
            if r == role:
                return ident
        return None


class Hub:
    def __init__(
        self,
        store_path: Path | str,
        *,
        code_ttl: float = 1800.0,
        clock: Clock | None = None,
        judge_factory: Callable[[], Any] | None = None,
    ) -> None:
        self.store = Store(store_path)
        self.code_ttl = code_ttl
        self.clock = clock or SystemClock()
        self.rooms: dict[str, Room] = {}
        self.by_code: dict[str, Room] = {}
        self.tickets: dict[str, Ticket] = {}
        self.exports: dict[str, Any] = {}  # take-home token -> takehome.Pass
        self.admin_token = secrets.token_urlsafe(24)
        self.socket_path: str | None = None
        self._server: asyncio.AbstractServer | None = None
        self._tasks: set[asyncio.Task[None]] = set()
        self._judge_factory = judge_factory
        self._judge: Any = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self.ssh_hint: Callable[[str], str] = lambda code: f"ssh {code}@HOST"
        self.host_fingerprint = ""  # the server's host key, for the interviewer to compare

    # -- life --------------------------------------------------------------------------
    async def start(self, socket_dir: str) -> str:
        os.makedirs(socket_dir, mode=0o700, exist_ok=True)
        os.chmod(socket_dir, 0o700)
        path = os.path.join(socket_dir, "hub.sock")
        with contextlib.suppress(FileNotFoundError):
            os.unlink(path)
        self._loop = asyncio.get_running_loop()
        self._server = await asyncio.start_unix_server(self._client, path, limit=wire.MAX_LINE)
        os.chmod(path, 0o600)
        self.socket_path = path
        self._spawn(self._ticker())
        return path

    async def close(self) -> None:
        for room in list(self.rooms.values()):
            self._flush(room)
            if room.recorder is not None:
                room.recorder.close()
            for t in room.seats.values():
                if t is not None and t.conn is not None:
                    t.conn.send(wire.Bye(reason="The server is shutting down."))
                    t.conn.close()
        if self._server is not None:
            self._server.close()
        for task in list(self._tasks):
            task.cancel()
        if self._judge is not None:
            await asyncio.get_running_loop().run_in_executor(None, self._judge.shutdown)
        self.store.close()

    def _spawn(self, coro: Coroutine[Any, Any, None]) -> None:
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _ticker(self) -> None:
        while True:
            await asyncio.sleep(FLUSH_S)
            for room in list(self.rooms.values()):
                self._flush(room)
                roomcode.replace_expired(self, room)

    # -- rooms and seats ---------------------------------------------------------------
    def code_live(self, code: str) -> bool:
        room = self.by_code.get(code.lower())
        if room is None:
            return False
        return not roomcode.expired(self, room)

    def room_of(self, identity: str) -> Room | None:
        for room in self.rooms.values():
            if identity in room.persons:
                return room
        return None

    def new_room(self, owner: str) -> Room:
        code = fresh_code(self.by_code)
        room = Room(
            id=secrets.token_hex(4),
            code=code,
            owner=owner,
            code_created=self.clock.monotonic(),
            guest=f"code:{code}",
        )
        room.persons[owner] = INTERVIEWER
        room.persons[room.guest] = CANDIDATE
        self.rooms[room.id] = room
        self.by_code[code] = room
        from mockint.pair.restore import restore_round

        restore_round(self, room)  # a round its server left unfinished comes back
        return room

    def join(
        self,
        identity: str,
        *,
        on_ready: Callable[[], None] | None = None,
        on_kick: Callable[[str], None] | None = None,
    ) -> Ticket | None:
        """A capability for the role this identity holds (creating an interviewer's room).

        `identity` is `code:<code>` for a candidate, anything else for an interviewer's key.
        A second login for a role replaces the first, which is told. None: no such code.
        """
        if identity.startswith("code:"):
            code = identity[5:].lower()
            if not self.code_live(code):
                return None
            room = self.by_code[code]
            identity = room.guest
            room.code_used = True
        else:
            room = self.room_of(identity) or self.new_room(identity)
        role = room.persons[identity]
        old = room.seats.get(role)
        if old is not None:
            self._kick(old, "You logged in again from another terminal; this one is closed.")
        ticket = Ticket(secrets.token_urlsafe(24), room, role, identity, on_ready, on_kick)
        self.tickets[ticket.token] = ticket
        room.seats[role] = ticket
        return ticket

    def leave(self, ticket: Ticket) -> None:
        """The SSH session (or local terminal) of this ticket is gone."""
        ticket.revoked = True
        self.tickets.pop(ticket.token, None)
        if ticket.conn is not None:
            ticket.conn.close()
        room = ticket.room
        if room.seats.get(ticket.role) is ticket:
            room.seats[ticket.role] = None
            self._presence(room)

    def _kick(self, ticket: Ticket, reason: str) -> None:
        ticket.revoked = True
        self.tickets.pop(ticket.token, None)
        if ticket.conn is not None:
            ticket.conn.send(wire.Bye(reason=reason))
        if ticket.on_kick is not None:
            ticket.on_kick(reason)

    # -- the socket --------------------------------------------------------------------
    async def _client(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        conn = AppConn(writer)
        ticket: Ticket | None = None
        try:
            first = await asyncio.wait_for(reader.readline(), 10)
            hello = wire.decode(first, wire.FromApp, "a new connection")
            if isinstance(hello, wire.Host) and secrets.compare_digest(
                hello.admin, self.admin_token
            ):
                t = self.join("local")
                assert t is not None
                conn.send(wire.Ticket(token=t.token, code=t.room.code))
                await writer.drain()
                return
            if not isinstance(hello, wire.Hello):
                return
            ticket = self.tickets.get(hello.token)
            if ticket is None or ticket.revoked or ticket.conn is not None:
                conn.send(wire.Bye(reason="This session is no longer valid."))
                return
            ticket.conn = conn
            self._welcome(ticket)
            where = f"the {ticket.role}'s app"
            while not conn.closed:
                line = await reader.readline()
                if not line:
                    break
                raw = wire.parse(line, where)
                if raw is None or ticket.revoked:
                    continue
                # The one place a participant's text enters the hub: from here on no
                # string holds a control or escape character (pair/text.py).
                msg = wire.convert(clean_message(raw), wire.FromApp, where)
                if msg is None:
                    continue
                try:
                    dispatch(self, ticket, msg)
                except StoreError as exc:
                    conn.send(wire.Error(message=f"Could not save: {exc}"))
                except Exception:  # a bug in one message must not end the participant's session
                    log.exception("hub: message %r failed", type(msg).__name__)
                    conn.send(wire.Error(message="That did not work (logged)."))
        except (TimeoutError, asyncio.IncompleteReadError, ValueError, ConnectionError):
            pass
        finally:
            conn.close()
            if ticket is not None and ticket.conn is conn:
                ticket.conn = None
                if ticket.room.seats.get(ticket.role) is ticket:
                    self._presence(ticket.room)

    def _welcome(self, t: Ticket) -> None:
        room = t.room
        assert t.conn is not None
        roomcode.replace_expired(self, room)
        interviewer = t.role == INTERVIEWER
        t.conn.send(
            wire.Welcome(
                role=INTERVIEWER if interviewer else CANDIDATE,
                code=room.code if interviewer else None,
                ssh=self.ssh_hint(room.code) if interviewer else None,
                fingerprint=self.host_fingerprint if interviewer else None,
                renew=interviewer and t.identity == room.owner,
            )
        )
        t.conn.send(views.state_for(self, room, t))
        if t.identity == room.owner and room.notice:
            t.conn.send(wire.Notice(message=room.notice))
            room.notice = None
        self._presence(room)

    def _send(self, room: Room, role: str, msg: wire.Msg) -> None:
        t = room.seats.get(role)
        if t is not None and t.conn is not None and not t.revoked:
            t.conn.send(msg)

    def _both(self, room: Room, msg: wire.Msg) -> None:
        for role in ROLES:
            self._send(room, role, msg)

    def _presence(self, room: Room) -> None:
        here = {
            role: bool((t := room.seats.get(role)) and t.conn is not None and not t.revoked)
            for role in ROLES
        }
        self._both(room, wire.Presence(interviewer=here[INTERVIEWER], candidate=here[CANDIDATE]))

    # -- views -------------------------------------------------------------------------
    def _plan(self, room: Room) -> dict[str, Any] | None:
        s = room.session
        if s is None or s.finished or not room.plans:
            return None
        return room.plans[s.current]

    def _broadcast_state(self, room: Room) -> None:
        for role in ROLES:
            t = room.seats.get(role)
            if t is not None and t.conn is not None and not t.revoked:
                t.conn.send(views.state_for(self, room, t))

    # -- messages ----------------------------------------------------------------------
    def _error(self, room: Room, role: str, message: str) -> None:
        self._send(room, role, wire.Error(message=message))

    def _init_fields(self, room: Room) -> None:
        room.focus = ""
        plan = self._plan(room)
        if plan is None:
            return
        for f in plan["fields"]:
            room.fields.setdefault(f["id"], {"text": f.get("initial", ""), "cursor": [0, 0]})

    def _event(self, room: Room, kind: str, data: dict[str, Any]) -> None:
        s = room.session
        if s is None or room.recorder is None:
            return
        stage = None if s.finished else s.current
        room.recorder.event(
            stage,
            kind,
            at=self.clock.now(),
            elapsed=s.elapsed() if stage is not None else None,
            data=data,
        )

    def warm_judge(self) -> None:
        judging.ensure_judge(self)

    def state_for(self, room: Room, t: Ticket) -> wire.State:
        return views.state_for(self, room, t)

    # -- saving ------------------------------------------------------------------------
    def _flush(self, room: Room) -> None:
        from mockint.pair.saving import flush

        flush(self, room)


def dispatch(hub: Hub, t: Ticket, msg: wire.Msg) -> None:
    """One checked message from a participant, applied if that role may send it."""
    room = t.room
    match msg:
        case wire.Ready():
            if t.on_ready is not None:
                t.on_ready()
        case wire.FeedbackSend():
            actions.feedback(hub, room, t, msg)
        case wire.Swap():
            actions.swap(hub, room, t, msg.agree)
        case _ if t.role == CANDIDATE:
            match msg:
                case wire.Field():
                    actions.field(hub, room, msg)
                case wire.Focus():
                    actions.focus(hub, room, msg)
                case wire.Run():
                    judging.run(hub, room, msg)
                case wire.CancelRun():
                    judging.cancel(room)
                case wire.StageEvent():
                    actions.stage_event(hub, room, msg)
        # the interviewer's own
        case wire.Setup():
            actions.setup(hub, room, t, msg)
        case wire.ClockAction():
            actions.clock(hub, room, msg.action)
        case wire.PushRequest():
            actions.push(hub, room, msg)
        case wire.Ask():
            actions.ask(hub, room, msg)
        case wire.Notes():
            room.notes[t.identity] = clip(msg.text, MAX_NOTE)
            room.dirty_notes.add(t.identity)
        case wire.RubricSave():
            actions.rubric(hub, room, t, msg)
        case wire.RenewCode():
            roomcode.requested(hub, room, t)
