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
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from mockint.engine.clock import Clock, SystemClock
from mockint.engine.session import Session, StageState, TransitionError
from mockint.pair import roomcode, wire
from mockint.pair.codes import fresh_code
from mockint.pair.content import public_plan, rubric_dimensions, stage_plan
from mockint.pair.text import clean_message, clip
from mockint.store.db import StoreError
from mockint.store.sessions import Store

log = logging.getLogger("mockint.pair")

INTERVIEWER, CANDIDATE, ROLES = wire.INTERVIEWER, wire.CANDIDATE, wire.ROLES
FLUSH_S = 1.0  # fields, notes and the clock are written at most this long after a change
MAX_FIELD = wire.MAX_FIELD
MAX_NOTE = 50_000
MAX_SEND_BUFFER = 8 * 1024 * 1024
PLUS_MINUTES = 5.0


class AppConn:
    """One app process's connection, after it presented a valid token."""

    def __init__(self, writer: asyncio.StreamWriter) -> None:
        self.writer = writer
        self.closed = False

    def send(self, obj: dict[str, Any]) -> None:
        if self.closed:
            return
        try:
            self.writer.write(wire.encode(obj))
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
    phase: str = "lobby"  # lobby, live, feedback
    round_no: int = 1
    session: Session | None = None
    session_id: int | None = None
    recorder: Any = None
    plans: list[dict[str, Any]] = field(default_factory=list)
    fields: dict[str, dict[str, Any]] = field(default_factory=dict)
    focus: str = ""  # the field the candidate is in (the mirror follows it)
    dirty_fields: set[str] = field(default_factory=set)
    pushes: list[dict[str, Any]] = field(default_factory=list)
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
        self.admin_token = secrets.token_urlsafe(24)
        self.socket_path: str | None = None
        self._server: asyncio.AbstractServer | None = None
        self._tasks: set[asyncio.Task] = set()
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
                    t.conn.send({"op": "bye", "reason": "The server is shutting down."})
                    t.conn.close()
        if self._server is not None:
            self._server.close()
        for task in list(self._tasks):
            task.cancel()
        if self._judge is not None:
            await asyncio.get_running_loop().run_in_executor(None, self._judge.shutdown)
        self.store.close()

    def _spawn(self, coro) -> None:
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
            ticket.conn.send({"op": "bye", "reason": reason})
        if ticket.on_kick is not None:
            ticket.on_kick(reason)

    # -- the socket --------------------------------------------------------------------
    async def _client(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        conn = AppConn(writer)
        ticket: Ticket | None = None
        try:
            first = await asyncio.wait_for(reader.readline(), 10)
            hello = wire.decode(first)
            if hello is None:
                return
            if hello.get("op") == "host" and secrets.compare_digest(
                str(hello.get("admin", "")), self.admin_token
            ):
                t = self.join("local")
                assert t is not None
                conn.send({"op": "ticket", "token": t.token, "code": t.room.code})
                await writer.drain()
                return
            if hello.get("op") != "hello":
                return
            ticket = self.tickets.get(str(hello.get("token", "")))
            if ticket is None or ticket.revoked or ticket.conn is not None:
                conn.send({"op": "bye", "reason": "This session is no longer valid."})
                return
            ticket.conn = conn
            self._welcome(ticket)
            while not conn.closed:
                line = await reader.readline()
                if not line:
                    break
                msg = wire.decode(line)
                if msg is None or ticket.revoked:
                    continue
                try:
                    # The one place a participant's text enters the hub: from here on no
                    # string holds a control or escape character (pair/text.py).
                    msg = clean_message(msg)
                    self._handle(ticket, msg)
                except StoreError as exc:
                    conn.send({"op": "error", "message": f"Could not save: {exc}"})
                except Exception:  # a bug in one message must not end the participant's session
                    log.exception("hub: message %r failed", msg.get("op"))
                    conn.send({"op": "error", "message": "That did not work (logged)."})
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
        t.conn.send(
            {
                "op": "welcome",
                "role": t.role,
                "code": room.code if t.role == INTERVIEWER else None,
                "ssh": self.ssh_hint(room.code) if t.role == INTERVIEWER else None,
                "fingerprint": self.host_fingerprint if t.role == INTERVIEWER else None,
                "renew": t.role == INTERVIEWER and t.identity == room.owner,
            }
        )
        t.conn.send(self.state_for(room, t))
        if t.identity == room.owner and room.notice:
            t.conn.send({"op": "notice", "message": room.notice})
            room.notice = None
        self._presence(room)

    def _send(self, room: Room, role: str, obj: dict[str, Any]) -> None:
        t = room.seats.get(role)
        if t is not None and t.conn is not None and not t.revoked:
            t.conn.send(obj)

    def _both(self, room: Room, obj: dict[str, Any]) -> None:
        for role in ROLES:
            self._send(room, role, obj)

    def _presence(self, room: Room) -> None:
        here = {
            role: bool((t := room.seats.get(role)) and t.conn is not None and not t.revoked)
            for role in ROLES
        }
        self._both(room, {"op": "presence", **here})

    # -- views -------------------------------------------------------------------------
    def clock_view(self, room: Room) -> dict[str, Any] | None:
        s = room.session
        if s is None:
            return None
        if s.finished:
            return {"finished": True}
        r = s.run
        return {
            "finished": False,
            "stage": s.current,
            "count": len(s.runs),
            "title": r.stage.title,
            "state": r.state.value,
            "planned": r.planned,
            "elapsed": s.elapsed(),
            "mono": time.monotonic(),
        }

    def state_for(self, room: Room, t: Ticket) -> dict[str, Any]:
        interviewer = t.role == INTERVIEWER
        plan = self._plan(room)
        state: dict[str, Any] = {
            "op": "state",
            "role": t.role,
            "phase": room.phase,
            "round": room.round_no,
            "clock": self.clock_view(room),
            "stage": (plan if interviewer else public_plan(plan)) if plan else None,
            "fields": {k: v for k, v in room.fields.items()},
            "focus": room.focus,
            "pushes": room.pushes,
            "results": room.results,
            "feedback_mine": room.feedback.get(t.role),
            "feedback_theirs": self._revealed(room, t.role),
            "swap_votes": sorted(room.swap_votes),
        }
        if interviewer:
            state["scenarios"] = self._scenarios() if room.phase == "lobby" else []
            state["notes"] = room.notes.get(t.identity, "")
            state["rubric"] = room.rubric.get(t.identity, {})
            state["dimensions"] = rubric_dimensions(plan)
        return state

    def _revealed(self, room: Room, role: str) -> dict[str, Any] | None:
        if len(room.feedback) < 2:
            return None
        other = CANDIDATE if role == INTERVIEWER else INTERVIEWER
        return room.feedback.get(other)

    def _plan(self, room: Room) -> dict[str, Any] | None:
        s = room.session
        if s is None or s.finished or not room.plans:
            return None
        return room.plans[s.current]

    def _scenarios(self) -> list[dict[str, Any]]:
        from mockint.scenario.catalog import discover

        scenarios, _errors = discover()
        return [
            {
                "id": sc.id,
                "title": sc.title,
                "stages": [
                    {"id": st.id, "kind": st.kind, "title": st.title, "minutes": st.minutes}
                    for st in sc.stages
                ],
            }
            for sc in scenarios
        ]

    def _broadcast_state(self, room: Room) -> None:
        for role in ROLES:
            t = room.seats.get(role)
            if t is not None and t.conn is not None and not t.revoked:
                t.conn.send(self.state_for(room, t))

    # -- messages ----------------------------------------------------------------------
    def _handle(self, t: Ticket, msg: dict[str, Any]) -> None:
        op = msg.get("op")
        room = t.room
        if op == "ready":
            if t.on_ready is not None:
                t.on_ready()
            return
        if op == "feedback":
            self._feedback(room, t, msg)
            return
        if op == "swap":
            self._swap(room, t, bool(msg.get("agree", True)))
            return
        if t.role == CANDIDATE:
            if op == "field":
                self._field(room, msg)
            elif op == "focus":
                self._focus(room, msg)
            elif op == "run":
                self._run(room, msg)
            return
        # interviewer only
        if op == "setup":
            self._setup(room, t, msg)
        elif op == "clock":
            self._clock(room, str(msg.get("action", "")))
        elif op == "push":
            self._push(room, msg)
        elif op == "notes":
            room.notes[t.identity] = clip(msg.get("text", ""), MAX_NOTE)
            room.dirty_notes.add(t.identity)
        elif op == "rubric":
            self._rubric(room, t, msg)
        elif op == "renew_code":
            roomcode.requested(self, room, t)

    def _error(self, room: Room, role: str, message: str) -> None:
        self._send(room, role, {"op": "error", "message": message})

    def _setup(self, room: Room, t: Ticket, msg: dict[str, Any]) -> None:
        from mockint.recording import resolve_content, start_session
        from mockint.scenario.catalog import find_scenario
        from mockint.scenario.errors import ScenarioError
        from mockint.scenario.serialize import scenario_to_dict
        from mockint.store import pair as records

        if room.phase != "lobby":
            self._error(room, INTERVIEWER, "The round has already started.")
            return
        try:
            sc = find_scenario(str(msg.get("scenario") or ""))
            wanted = [str(s) for s in msg.get("stages") or []]
            if wanted:
                sc = sc.subset(wanted)
            if not sc.stages:
                raise ValueError("no stage chosen")
            sc = resolve_content(sc, self.store)
        except (ScenarioError, ValueError, KeyError) as exc:
            self._error(room, INTERVIEWER, f"Cannot start: {exc}")
            return
        session, recorder = start_session(self.store, sc, self.clock, pace=1.0, mode="pair")
        room.session, room.recorder = session, recorder
        room.session_id = recorder.session_id
        records.add_round(
            self.store,
            recorder.session_id,
            room=room.id,
            round_no=room.round_no,
            interviewer=t.identity,
            candidate=room.role_identity(CANDIDATE),
        )
        self._event(
            room, "pair_setup", {"scenario": scenario_to_dict(sc)["id"], "round": room.round_no}
        )
        room.plans = [stage_plan(st, i, len(sc.stages)) for i, st in enumerate(sc.stages)]
        room.fields = {}
        self._init_fields(room)
        room.phase = "live"
        self._broadcast_state(room)
        if any(st.kind == "coding" for st in sc.stages):
            self.warm_judge()  # its torch import happens while the first stages run

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

    def _clock(self, room: Room, action: str) -> None:
        s = room.session
        if s is None or s.finished:
            return
        try:
            if action == "start":
                if s.run.state is StageState.NOT_STARTED:
                    s.start()
                elif s.run.state is StageState.PAUSED:
                    s.resume()
            elif action == "pause":
                if s.run.state is StageState.RUNNING:
                    s.pause()
                elif s.run.state is StageState.PAUSED:
                    s.resume()
            elif action == "plus5":
                r = s.run
                r.stage = replace(r.stage, minutes=r.stage.minutes + PLUS_MINUTES)
                from mockint.store.pair import add_planned

                sid, idx = room.session_id or 0, s.current
                room.recorder.write(
                    "the clock", lambda: add_planned(self.store, sid, idx, PLUS_MINUTES * 60)
                )
                self._event(room, "time_added", {"seconds": PLUS_MINUTES * 60})
            elif action == "next":
                self._flush(room)
                if s.run.state is StageState.NOT_STARTED:
                    s.skip_stage()
                else:
                    s.finish_stage()
                if s.finished:
                    room.phase = "feedback"
                else:
                    self._init_fields(room)
                room.results = {}
                self._broadcast_state(room)
                return
            else:
                return
        except TransitionError as exc:
            self._error(room, INTERVIEWER, str(exc))
            return
        self._both(room, {"op": "clock", "clock": self.clock_view(room)})

    def _field(self, room: Room, msg: dict[str, Any]) -> None:
        plan = self._plan(room)
        fid = str(msg.get("id", ""))
        if plan is None or fid not in {f["id"] for f in plan["fields"]}:
            return
        text = msg.get("text")
        if not isinstance(text, str):
            return
        cur = msg.get("cursor") or [0, 0]
        try:
            cursor = [int(cur[0]), int(cur[1])]
        except (TypeError, ValueError, IndexError):
            cursor = [0, 0]
        if len(text) > MAX_FIELD:  # refused whole: a cut would lose the end without a word
            self._error(
                room,
                CANDIDATE,
                f"Not shared or saved: this field would hold {len(text):,} characters, more "
                f"than {MAX_FIELD:,}. Remove some text.",
            )
            return
        value = {"text": text, "cursor": cursor}
        room.fields[fid] = value
        room.dirty_fields.add(fid)
        self._send(room, INTERVIEWER, {"op": "field", "id": fid, **value})

    def _focus(self, room: Room, msg: dict[str, Any]) -> None:
        plan = self._plan(room)
        fid = str(msg.get("id", ""))
        if plan is None or fid not in {f["id"] for f in plan["fields"]}:
            return
        room.focus = fid
        self._send(room, INTERVIEWER, {"op": "focus", "id": fid})

    def _push(self, room: Room, msg: dict[str, Any]) -> None:
        s = room.session
        kind = str(msg.get("kind", "hint"))
        if kind not in ("hint", "follow_up", "curveball") or s is None or s.finished:
            return
        plan = self._plan(room)
        text = clip(msg.get("text", ""), 2000).strip()
        source = "typed"
        if not text and plan is not None and msg.get("problem"):
            slug = str(msg["problem"])
            hints = plan["private"]["hints"].get(slug, [])
            given = sum(1 for p in room.pushes if p.get("problem") == slug and p["kind"] == "hint")
            if given >= len(hints):
                self._error(room, INTERVIEWER, "No more hints for this problem.")
                return
            text, source = hints[given], "problem"
        if not text:
            return
        push = {
            "kind": kind,
            "text": text,
            "source": source,
            "stage": s.current,
            "elapsed": round(s.elapsed(), 1),
            "at": self.clock.now(),
        }
        if source == "problem":
            push["problem"] = str(msg["problem"])
        room.pushes.append(push)
        self._event(room, "pair_push", dict(push))
        self._both(room, {"op": "push", "push": push})

    def _rubric(self, room: Room, t: Ticket, msg: dict[str, Any]) -> None:
        from mockint.store import pair as records

        dims = {d["id"] for d in rubric_dimensions(self._plan(room))} | set(
            room.rubric.get(t.identity, {}).get("scores", {})
        )
        scores = {}
        for k, v in dict(msg.get("scores") or {}).items():
            if k in dims and isinstance(v, int) and 1 <= v <= 4:
                scores[k] = v
        call = msg.get("call")
        rubric = {
            "scores": scores,
            "call": call if call in ("hire", "no_hire") else None,
            "labels": {d["id"]: d["label"] for d in rubric_dimensions(self._plan(room))},
        }
        room.rubric[t.identity] = rubric
        if room.session_id is not None and room.recorder is not None:
            sid, ident = room.session_id, t.identity
            room.recorder.write(
                "the rubric",
                lambda: records.save_private(self.store, sid, ident, "rubric", rubric),
                key=("pair-rubric", ident),
            )
        self._send(room, INTERVIEWER, {"op": "rubric", "rubric": rubric})

    def _feedback(self, room: Room, t: Ticket, msg: dict[str, Any]) -> None:
        from mockint.store import pair as records

        if room.phase != "feedback":
            return
        rating = msg.get("rating")
        if not isinstance(rating, int) or not 1 <= rating <= 4:
            self._error(room, t.role, "A rating from 1 to 4, please.")
            return
        body = {"rating": rating, "text": clip(msg.get("text", ""), 2000).strip()}
        room.feedback[t.role] = body
        if room.session_id is not None and room.recorder is not None:
            sid, ident, role = room.session_id, t.identity, t.role
            room.recorder.write(
                "the feedback",
                lambda: records.save_feedback(self.store, sid, ident, role, body),
                key=("pair-feedback", ident),
            )
        self._broadcast_state(room)

    def _swap(self, room: Room, t: Ticket, agree: bool) -> None:
        if room.phase != "feedback":
            self._error(room, t.role, "Roles can be swapped once the round has ended.")
            return
        if agree:
            room.swap_votes.add(t.role)
        else:
            room.swap_votes.discard(t.role)
        if room.swap_votes != set(ROLES):
            self._broadcast_state(room)
            return
        self._flush(room)
        if room.recorder is not None:
            room.recorder.close()
        for ident, role in list(room.persons.items()):
            room.persons[ident] = CANDIDATE if role == INTERVIEWER else INTERVIEWER
        room.round_no += 1
        room.phase = "lobby"
        room.session = room.recorder = room.session_id = None
        room.plans, room.fields, room.pushes, room.results = [], {}, [], {}
        room.focus = ""
        room.feedback, room.swap_votes, room.rubric = {}, set(), {}
        room.dirty_fields.clear()
        # Each app process holds a capability for one role: both are restarted in their role
        # for the new round (the old interviewer's process, with its notes, ends here).
        seats = [room.seats.get(r) for r in ROLES]
        room.seats = dict.fromkeys(ROLES)
        for old in seats:
            if old is None:
                continue
            old.revoked = True
            self.tickets.pop(old.token, None)
            if old.conn is not None:
                old.conn.send({"op": "bye", "reason": "swap", "relaunch": True})

    # -- grading -----------------------------------------------------------------------
    def _run(self, room: Room, msg: dict[str, Any]) -> None:
        s = room.session
        plan = self._plan(room)
        if s is None or plan is None or plan["kind"] != "coding" or room.recorder is None:
            return
        slug = str(msg.get("problem", ""))
        if slug not in {p["slug"] for p in plan["problems"]}:
            return
        if room.running:
            self._error(room, CANDIDATE, "A run is already in progress.")
            return
        hidden = bool(msg.get("hidden"))
        kind = "submit" if hidden else "run"
        code = room.fields.get(f"code:{slug}", {}).get("text", "")
        self._flush(room)
        row = room.recorder.start_run(
            s.current,
            slug,
            kind=kind,
            at=self.clock.now(),
            elapsed=s.elapsed(),
            code=code,
        )
        token = secrets.token_hex(4)
        room.running = {"token": token, "row": row, "problem": slug, "kind": kind}
        view = {"problem": slug, "kind": kind, "state": "running", "tests": [], "summary": ""}
        room.results[slug] = view
        self._both(room, {"op": "run", "result": view})
        loop = asyncio.get_running_loop()

        def forward(event: dict) -> None:
            loop.call_soon_threadsafe(self._grading_event, room, token, event)

        judge = self._ensure_judge()
        judge.submit(code, slug, hidden=hidden, on_event=forward)

    def _ensure_judge(self) -> Any:
        if self._judge is None:
            if self._judge_factory is not None:
                self._judge = self._judge_factory()
            else:
                from mockint.grading.client import GradingClient
                from mockint.paths import user_data_dir

                self._judge = GradingClient(
                    log_path=str(user_data_dir() / "logs" / "grading-worker.log"),
                    secrets=[str(self.store.path)],  # the rooms' database: never visible
                )
        self._judge.start()
        return self._judge

    def warm_judge(self) -> None:
        self._ensure_judge()

    def _grading_event(self, room: Room, token: str, event: dict) -> None:
        run = room.running
        if not run or run.get("token") != token:
            return
        view = room.results.get(run["problem"])
        if view is None:
            return
        kind = event.get("event")
        if kind == "test":
            test = event.get("test") or {}
            view["tests"].append(
                {
                    "id": clip(test.get("id", ""), 200),
                    "visible": bool(test.get("visible")),
                    "verdict": clip(test.get("verdict", ""), 40),
                    "message": clip(test.get("message", ""), 4000),
                }
            )
        elif kind in ("done", "cancelled", "error"):
            result = event.get("result") if kind == "done" else None
            if result is not None:
                verdict = str(result.get("verdict", ""))
                view["summary"] = (
                    f"{verdict.replace('_', ' ')}: {result.get('passed', 0)} of "
                    f"{result.get('total', 0)} tests passed"
                )
                view["verdict"] = verdict
            else:
                verdict = "cancelled" if kind == "cancelled" else "error"
                view["summary"] = clip(event.get("message", verdict), 500)
                view["verdict"] = verdict
            view["state"] = "done"
            room.running = {}
            if room.recorder is not None:
                room.recorder.finish_run(
                    run["row"], at=self.clock.now(), result=result, verdict=verdict
                )
        else:
            return
        self._both(room, {"op": "run", "result": view})

    # -- saving ------------------------------------------------------------------------
    def _flush(self, room: Room) -> None:
        from mockint.pair.saving import flush

        flush(self, room)
