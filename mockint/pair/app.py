"""The app process of one participant: a Textual app that talks only to the hub.

It holds a capability for one role, given at start; what it shows comes from the hub's
messages, and what it sends is checked by the hub against that role. It never opens the
database and never imports numpy or torch.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from typing import Any

from textual import events
from textual.app import App
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import TextArea

from mockint.pair import wire
from mockint.tui.key_order import KeysInOrder
from mockint.tui.styles_cache_leak import mend

mend()  # a Textual memory leak (see styles_cache_leak)

RELAUNCH_STATUS = 75  # same number as server.RELAUNCH_STATUS (kept import-free here)


class PairApp(KeysInOrder, App[int]):
    CSS_PATH = "ui/pair.tcss"
    TITLE = "mockint pair"
    ENABLE_COMMAND_PALETTE = False  # candidates get no system commands
    BINDINGS = [
        Binding("ctrl+q", "leave", "Leave", id="pair.leave", priority=True),
        # Tab is handled by the app itself, before any later key of the same burst is given
        # to a widget: "abc<Tab>def" arriving in one packet still lands in two fields.
        Binding("tab", "next_field", "Next field", show=False, priority=True),
        Binding("shift+tab", "previous_field", "Previous field", show=False, priority=True),
        Binding("f1", "help", "Help", id="pair.help"),
        # The room's host, interviewing, may replace the candidate's code at any time.
        Binding("ctrl+o", "renew_code", "New code", id="pair.renew", priority=True),
    ]

    def __init__(self, socket_path: str, token: str) -> None:
        super().__init__()
        self.socket_path = socket_path
        self.token = token
        self.role: str | None = None
        self.code: str | None = None
        self.ssh_hint: str | None = None
        self.fingerprint: str | None = None  # the server's host key, as ssh shows it
        self.can_renew = False
        self.state: dict[str, Any] = {}
        self.presence: dict[str, bool] = {}
        self._writer: asyncio.StreamWriter | None = None
        self._ready_sent = False
        self.bye_reason: str | None = None
        self.clock: dict[str, Any] | None = None
        self.clock_received = time.monotonic()

    # -- set-up ------------------------------------------------------------------------
    def get_default_screen(self) -> Screen[None]:
        from mockint.pair.ui.lobby import WaitScreen

        return WaitScreen("Connecting to the room...")

    def on_mount(self) -> None:
        if self.socket_path:  # empty in the launcher's rehearsal (pair/rehearsal.py)
            self.run_worker(self._connect(), exclusive=True, name="hub")

    async def _connect(self) -> None:
        try:
            reader, writer = await asyncio.open_unix_connection(
                self.socket_path, limit=wire.MAX_LINE
            )
        except OSError as exc:
            self.bye_reason = f"Cannot reach the room: {exc}"
            self.exit(return_code=1)
            return
        self._writer = writer
        self.send(wire.Hello(token=self.token))
        while True:
            try:
                line = await reader.readline()
            except (ValueError, ConnectionError):
                break
            if not line:
                break
            msg = wire.decode(line, wire.ToApp, "the hub")
            if msg is not None:
                self.receive(msg)
        if self.bye_reason is None:
            self.bye_reason = "The room closed."
            self.exit(return_code=1)

    def receive(self, msg: wire.Msg) -> None:
        """One message from the hub. Whatever the other side's text in it makes a screen do,
        a failure is shown as a line and this session goes on."""
        try:
            self._dispatch(msg)
        except Exception as exc:
            self.notify(
                f"Could not show a change from the room ({type(exc).__name__}); "
                "the session goes on.",
                severity="error",
                timeout=8,
                markup=False,
            )

    def send(self, msg: wire.Msg) -> None:
        if self._writer is not None and not self._writer.is_closing():
            self._writer.write(wire.encode(msg))

    def _dispatch(self, msg: wire.Msg) -> None:
        match msg:
            case wire.Welcome():
                self.role, self.code, self.ssh_hint = msg.role, msg.code, msg.ssh
                self.fingerprint = msg.fingerprint or None
                self.can_renew = msg.renew
                self.refresh_bindings()
            case wire.Code():
                self.code, self.ssh_hint = msg.code, msg.ssh
                self._screen_call("on_code")
                self.notify(msg.message, timeout=30, markup=False)
            case wire.State():
                self.state = wire.to_builtins(msg)
                self._set_clock(msg.clock)
                self._show_state()
            case wire.Presence():
                self.presence = {"interviewer": msg.interviewer, "candidate": msg.candidate}
                self._screen_call("on_presence")
            case wire.Clock():
                self._set_clock(msg.clock)
                self._screen_call("refresh_clock")
            case wire.Field():
                fields = self.state.setdefault("fields", {})
                fields[msg.id] = {"text": msg.text, "cursor": list(msg.cursor)}
                self._screen_call("on_field", msg.id)
            case wire.Focus():
                self.state["focus"] = msg.id
                self._screen_call("on_focus", msg.id)
            case wire.Pushed():
                self.state.setdefault("pushes", []).append(msg.push)
                self._screen_call("on_push", msg.push)
            case wire.Asked():
                self.state["asked"] = msg.asked
                st = self.state.get("stage")
                if msg.field is not None and st is not None:  # the candidate's own copy
                    qid = msg.question["id"]
                    st["questions"] = [msg.question] + [
                        q for q in st["questions"] if q["id"] != qid
                    ]
                    st["fields"] = [msg.field] + [
                        f for f in st["fields"] if f["id"] != msg.field["id"]
                    ]
                self._screen_call("on_asked", msg.question)
            case wire.RunResult():
                if msg.result.get("id") != "":  # "": a run refused, for this screen alone
                    self.state.setdefault("results", {})[msg.result["problem"]] = msg.result
                self._screen_call("on_result", msg.result)
            case wire.StageEvent():
                self.state.setdefault("events", []).append(
                    {"kind": msg.kind, "data": dict(msg.data)}
                )
                self._screen_call("on_stage_event", msg.kind, dict(msg.data))
            case wire.Rubric():
                self.state["rubric"] = msg.rubric
                self._screen_call("on_rubric")
            case wire.Error():
                self.notify(msg.message, severity="error", timeout=6, markup=False)
            case wire.Notice():
                self.notify(msg.message, timeout=12, markup=False)
            case wire.Bye():
                if msg.relaunch:
                    self.exit(return_code=RELAUNCH_STATUS)
                    return
                self.bye_reason = msg.reason
                self.exit(0)

    def _set_clock(self, clock: dict[str, Any] | None) -> None:
        self.clock = clock
        self.clock_received = time.monotonic()

    def clock_now(self) -> tuple[float, float, str] | None:
        """(remaining, planned, state) of the stage clock as of now, or None."""
        c = self.clock
        if not c or c.get("finished"):
            return None
        elapsed = float(c["elapsed"])
        if c["state"] == "running":
            elapsed += time.monotonic() - float(c.get("mono", self.clock_received))
        return float(c["planned"]) - elapsed, float(c["planned"]), str(c["state"])

    def _screen_call(self, name: str, *args: Any) -> None:
        from textual.css.query import NoMatches

        fn = getattr(self.screen, name, None)
        if fn is not None and self.screen.is_mounted:
            # A screen still being built reads the app's latest state when it mounts.
            with contextlib.suppress(NoMatches):
                fn(*args)

    def _show_state(self) -> None:
        from mockint.pair.ui.feedback import FeedbackScreen
        from mockint.pair.ui.lobby import LobbyScreen, WaitScreen

        s = self.state
        phase = s.get("phase")
        stage = s.get("stage")
        key: tuple[Any, ...]
        if phase == "lobby":
            key = ("lobby", self.role, s.get("round"))
        elif phase == "live" and stage is not None:
            key = ("live", self.role, s.get("round"), stage["index"])
        else:
            key = ("feedback", self.role, s.get("round"))
        current = getattr(self.screen, "state_key", None)
        if current == key:
            self._screen_call("update_state")
            return
        screen: Screen[None]
        if key[0] == "lobby":
            screen = (
                LobbyScreen()
                if self.role == "interviewer"
                else WaitScreen("Waiting for the interviewer to pick the interview...")
            )
        elif key[0] == "live":
            from mockint.pair.ui.live import live_screen

            screen = live_screen(self, self.role, stage or {})
        else:
            screen = FeedbackScreen()
        setattr(screen, "state_key", key)  # noqa: B010 (each kind of screen declares it)
        if len(self.screen_stack) > 1:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)
        if not self._ready_sent and self.socket_path:
            self._ready_sent = True
            # Keys typed meanwhile are held by the server until the fields exist.
            self.call_after_refresh(lambda: self.send(wire.Ready()))

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Paste) and not event.is_forwarded and self._too_long(event):
            return
        await super().on_event(event)

    def _too_long(self, paste: events.Paste) -> bool:
        """A paste that would make its field longer than the hub takes is refused whole,
        with a line: never cut, and the field keeps what it had."""
        focused = self.focused
        if not isinstance(focused, TextArea) or focused.read_only:
            return False
        size = len(focused.text) + len(paste.text)
        if size <= wire.MAX_FIELD:
            return False
        self.notify(
            f"Paste refused: {len(paste.text):,} characters would make this field "
            f"{size:,} long, more than {wire.MAX_FIELD:,}. Nothing was pasted.",
            severity="error",
            timeout=10,
        )
        return True

    # -- actions -----------------------------------------------------------------------
    def action_next_field(self) -> None:
        self._move_focus(forward=True)

    def action_previous_field(self) -> None:
        self._move_focus(forward=False)

    def _move_focus(self, forward: bool) -> None:
        focused = self.focused
        if (
            forward
            and isinstance(focused, TextArea)
            and focused.tab_behavior == "indent"
            and not focused.read_only
        ):
            col = focused.cursor_location[1]
            focused.insert(" " * (4 - col % 4))
            return
        move = getattr(self.screen, "move_field", None)
        if move is not None and move(forward):
            return
        if forward:
            self.screen.focus_next()
        else:
            self.screen.focus_previous()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "renew_code":
            return self.can_renew
        if action == "next_stage":  # the stage screens' Ctrl+N: the interviewer's to press
            return self.role == wire.INTERVIEWER
        return True

    def action_renew_code(self) -> None:
        self.send(wire.RenewCode())

    def action_help(self) -> None:
        from mockint.pair.ui.dialogs import PairHelp

        if not isinstance(self.screen, PairHelp):
            self.push_screen(PairHelp(self.role or "", getattr(self.screen, "HELP_TEXT", "")))

    def action_leave(self) -> None:
        self.bye_reason = "You left the room. Connect again to come back; nothing is lost."
        self.exit(0)

    async def on_unmount(self) -> None:
        if self._writer is not None:
            with contextlib.suppress(Exception):
                self._writer.close()


def run_app_process(socket_path: str, token: str) -> int:
    """Run the app in this (forked) process; returns the exit status for the server."""
    app = PairApp(socket_path, token)
    app.run()
    if app.return_code == RELAUNCH_STATUS:
        return RELAUNCH_STATUS
    if app.bye_reason:
        import sys

        with contextlib.suppress(Exception):
            sys.stderr.write(f"mockint: {app.bye_reason}\r\n")
            sys.stderr.flush()
    return app.return_code or 0
