"""A pair round's question stages (talking, behavioural, design) on the solo question
screens (mockint/tui/screens/talk.py, star.py, design.py), over the hub
(mockint/pair/remote_session.py): the candidate's is the solo screen, the interviewer's the
same screen read-only, following the candidate, beside the interviewer's own panel."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, cast

from textual.containers import Horizontal
from textual.css.query import NoMatches
from textual.widget import Widget
from textual.widgets import Footer, Static, TextArea

from mockint.pair.remote_session import RemoteSession
from mockint.pair.ui.base import SUGGEST_S
from mockint.pair.ui.fields import MirrorArea
from mockint.pair.ui.panel import PANEL_HELP
from mockint.pair.ui.probe import ScorerProbe
from mockint.tui.port import FocusMoved
from mockint.tui.screens.talk import TalkScreen
from mockint.tui.widgets.text_sync import place_cursor

if TYPE_CHECKING:
    from mockint.pair.app import PairApp


class PairQuestions(TalkScreen):
    """The hooks PairApp calls with what the hub sent, handed to the port (a question
    stage's screens in a pair round: talking, behavioural, design)."""

    state_key: tuple[Any, ...] = ()

    def __init__(self, app: PairApp) -> None:
        port = RemoteSession(app)
        kind = str(app.state["stage"]["kind"])
        super().__init__(port, kind, port.plan_questions(), 1.0, **self.screen_args(app))
        self.remote = port

    def screen_args(self, app: PairApp) -> dict[str, Any]:
        """What a stage kind's screen takes besides (a design stage: its phases)."""
        return {}

    @property
    def pair(self) -> PairApp:
        # Every pair screen runs in PairApp; the cast keeps app.py out of these imports.
        return cast("PairApp", self.app)

    def mounted(self) -> None:
        """Back where the candidate was (a reconnect, a mirror joining late): the field
        they were in, and the cursor in each of the question's fields."""
        focus = self.pair.state.get("focus")
        if focus:
            self.port_update(FocusMoved(focus))
        fields = self.pair.state.get("fields") or {}
        for name in self.FIELDS if self.questions else ():
            cur = (fields.get(self.field_id(name)) or {}).get("cursor")
            if cur:
                area = self.query_one(f"#field-{name}", TextArea)
                place_cursor(area, (int(cur[0]), int(cur[1])))
                if name == self.active_field:
                    self.mirror_moved(name, area.cursor_location)

    def update_state(self) -> None:
        self.refresh_clocks()
        self.show_follow_ups()

    def refresh_clock(self) -> None:
        self.refresh_clocks()

    def on_field(self, fid: str) -> None:
        self.remote.field_changed(fid)

    def on_focus(self, fid: str) -> None:
        self.remote.focus_moved(fid)

    def on_push(self, push: dict[str, Any]) -> None:
        self.remote.pushed(push)

    def on_asked(self, question: dict[str, Any]) -> None:
        self.remote.asked_again()


class InterviewerQuestions(PairQuestions, ScorerProbe):
    """The interviewer's side of a question stage: the candidate's screen read-only, with a
    label saying where their cursor is, beside the interviewer's panel."""

    # PairQuestions first: Textual's CSS type names follow the first base (the solo screen's
    # rules apply); the panel's keys are this class's own, so they win over the screen's.
    BINDINGS = ScorerProbe.BINDINGS
    AUTO_FOCUS = "#notes"
    HELP_TEXT = "Left: the candidate's screen, live and read-only. Right: " + PANEL_HELP

    def __init__(self, app: PairApp) -> None:
        super().__init__(app)
        self.AUTO_FOCUS = "#notes"  # type: ignore[misc]  # (a design screen sets its own)

    def body(self) -> Iterator[Widget]:
        with Horizontal(id="pair-talk"):
            yield from self.talk_body()
            yield from self.panel_column()
        yield Footer()

    def answer_widgets(self) -> Iterator[Widget]:
        yield Static("", id="mirror-label", classes="mirror-label", markup=False)
        yield from super().answer_widgets()

    def field_area(self, name: str, **kw: Any) -> TextArea:
        area = MirrorArea(self.field_text(name), id=f"field-{name}", read_only=True, **kw)
        area.can_focus = False
        return area

    def on_mount(self) -> None:  # Textual runs the other classes' on_mount too
        self.set_interval(SUGGEST_S, self._suggest)
        self.show_panel()
        self.show_mirror_label()

    def show_question(self, initial: bool = False) -> None:
        super().show_question(initial)
        if self.is_mounted:
            self.show_mirror_label()

    def mirror_moved(self, name: str, cursor: tuple[int, int]) -> None:
        self.answer_moved()
        self.show_mirror_label(cursor if name == self.active_field else None)

    def mirror_label(self, name: str) -> str:
        return f"Answer {self.current + 1}"

    def show_mirror_label(self, cursor: tuple[int, int] | None = None) -> None:
        with contextlib.suppress(NoMatches):
            label = self.query_one("#mirror-label", Static)
            if not self.questions:
                label.update("Candidate · no question asked yet (F5 asks one)", layout=False)
                return
            name = self.active_field
            row, col = cursor or self.query_one(f"#field-{name}", TextArea).cursor_location
            text = f"Candidate · {self.mirror_label(name)} · line {row + 1}, col {col + 1}"
            label.update(text, layout=False)  # one line whatever it says

    def update_state(self) -> None:
        super().update_state()
        self._show_pushes()

    def on_field(self, fid: str) -> None:
        self.answer_moved()
        super().on_field(fid)

    def on_focus(self, fid: str) -> None:
        self.answer_moved(fid)
        super().on_focus(fid)

    def on_push(self, push: dict[str, Any]) -> None:
        self._show_pushes()
        super().on_push(push)
