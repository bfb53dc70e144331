"""The interviewer's screen: the candidate's work mirrored read-only, the private notes,
rubric line, pushes and guide, and the suggested push from the scorer's probe."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.css.query import NoMatches
from textual.widget import Widget
from textual.widgets import Footer, Static, TextArea

from mockint.pair import wire
from mockint.pair.detect import detection_lines, question_of, stage_questions, suggestion
from mockint.pair.ui.base import SUGGEST_S, TICK_S, PairScreen, set_clock, stage_line
from mockint.pair.ui.fields import MirrorArea, mirror_area, widget_id
from mockint.pair.ui.panel import PANEL_HELP, InterviewerPanel


class InterviewerScreen(InterviewerPanel, PairScreen):
    HELP_TEXT = "Left: the candidate's work, live and read-only. Right: " + PANEL_HELP

    def compose(self) -> ComposeResult:
        st = self.pair.state["stage"]
        fields = self.pair.state.get("fields", {})
        with Vertical(id="room"):
            with Horizontal(id="room-head"):
                yield Static(
                    f"Room {self.pair.code} · " + stage_line(self.pair),
                    id="stage-line",
                    markup=False,
                )
                yield Static("", id="clock-line", markup=False)
            with Horizontal(id="room-main"):
                with VerticalScroll(id="mirror"):
                    yield Static("", id="presence")
                    yield from self.mirror(st, fields)
                yield from self.private_column(st)
        yield Footer()

    def mirror(self, st: dict[str, Any], fields: dict[str, Any]) -> Iterator[Widget]:
        """The candidate's fields, read-only: a labelled mirror each."""
        for f in st["fields"]:
            yield Static(
                f"Candidate · {f['label']}",
                id="lbl-" + widget_id(f["id"]),
                classes="field-label mirror-label",
            )
            yield mirror_area(f, fields)

    def on_mount(self) -> None:
        self.refresh_clock()
        self.set_interval(TICK_S, self.refresh_clock)
        self.set_interval(SUGGEST_S, self._suggest)
        self.query_one("#notes", TextArea).focus()
        self.show_panel()
        for fid in self.pair.state.get("fields", {}):
            self.on_field(fid)

    def update_state(self) -> None:
        self._show_pushes()
        self.refresh_clock()

    def refresh_clock(self) -> None:
        set_clock(self)

    def on_code(self) -> None:
        self.query_one("#stage-line", Static).update(
            f"Room {self.pair.code} · " + stage_line(self.pair)
        )

    # -- the scorer's probe as the suggested push (mockint.pair.detect) -------------------
    _probe: tuple[str, str] | None = None
    _focus_q: str | None = None
    _changed = True
    _bank: tuple[int, dict[str, Any]] | None = None

    def questions(self) -> dict[str, Any]:
        st = self.pair.state["stage"]
        if self._bank is None or self._bank[0] != st["index"]:
            self._bank = (st["index"], stage_questions(st) if st["questions"] else {})
        return self._bank[1]

    def _suggest(self) -> None:
        if not self._changed:
            return
        self._changed = False
        fields = self.pair.state.get("fields", {})
        st = self.pair.state["stage"]
        self._probe = suggestion(st, self.questions(), fields, self._focus_q)
        text = f"Suggested push (F3): {self._probe[0]}  [{self._probe[1]}]" if self._probe else ""
        suggest = self.query_one("#suggest", Static)
        suggest.update(text)
        suggest.display = bool(text)

    def on_field(self, fid: str) -> None:
        self._changed = True
        value = self.pair.state.get("fields", {}).get(fid)
        if value is None:
            return
        try:
            ta = self.query_one("#" + widget_id(fid), MirrorArea)
        except NoMatches:
            return
        row, col = ta.show(value["text"], value["cursor"])
        with contextlib.suppress(NoMatches):
            label = self.query_one("#lbl-" + widget_id(fid), Static)
            # One line whatever it says (pair.tcss): no layout pass on every key.
            label.update(f"Candidate · {ta.label} · line {row + 1}, col {col + 1}", layout=False)

    def on_focus(self, fid: str) -> None:
        """The candidate moved to another field: keep it in view."""
        self._focus_q, self._changed = question_of(fid) or self._focus_q, True
        with contextlib.suppress(NoMatches):
            mirror = self.query_one("#mirror", VerticalScroll)
            # As little as needed: what is already in view (the presence line) stays.
            mirror.scroll_to_widget(self.query_one("#" + widget_id(fid)), animate=False)
            mirror.scroll_to_widget(self.query_one("#lbl-" + widget_id(fid)), animate=False)

    def on_push(self, push: dict[str, Any]) -> None:
        self._show_pushes()

    def action_push_next(self) -> None:
        st = self.pair.state["stage"]
        if st["problems"]:
            super().action_push_next()
            return
        sent = {p["text"] for p in self.pair.state.get("pushes", [])}
        self._changed = True
        self._suggest()  # the scorer's probe first: the point missed or said wrong now
        if self._probe and self._probe[0] not in sent:
            self.pair.send(wire.PushRequest(kind="follow_up", text=self._probe[0]))
            return
        for q in st["questions"]:
            for fu in (
                st.get("private", {}).get("questions", {}).get(q["id"], {}).get("follow_ups", [])
            ):
                if fu["text"] not in sent:
                    self.pair.send(wire.PushRequest(kind=fu["kind"], text=fu["text"]))
                    return
        self.notify("No prepared follow-up left; F4 types one.", severity="warning")

    def rubric_found(self) -> list[str]:
        st, fields = self.pair.state["stage"], self.pair.state.get("fields", {})
        return detection_lines(st, self.questions(), fields) if st["questions"] else []
