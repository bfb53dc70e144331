"""The candidate's screen of a stage with neither problems nor questions: what the stage
expects, its notes field and the pushes; every change goes to the hub, which mirrors it. A
stage with problems or questions runs on its solo screen (live.py)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.css.query import NoMatches
from textual.widget import Widget
from textual.widgets import Footer, Markdown, Static, TextArea

from mockint.pair import wire
from mockint.pair.ui.base import KIND_NAMES, TICK_S, PairScreen, push_line, set_clock, stage_line
from mockint.pair.ui.fields import answer_area, field_of, widget_id


class CandidateScreen(PairScreen):
    HELP_TEXT = (
        "Your work is shared live with the interviewer, read-only. Tab moves to the next "
        "field. The interviewer controls the clock; follow-ups appear below."
    )

    def compose(self) -> ComposeResult:
        st = self.pair.state["stage"]
        fields = self.pair.state.get("fields", {})
        with Vertical(id="room"):
            with Horizontal(id="room-head"):
                yield Static(stage_line(self.pair), id="stage-line")
                yield Static("", id="clock-line", markup=False)
            with Horizontal(id="room-main"):
                with Vertical(id="left"):
                    with VerticalScroll(id="prompt-box"):
                        yield Markdown(self._prompt(st), id="prompt")
                    yield from self.side(st)
                yield from self.workspace(st, fields)
            yield Static("", id="pushes", markup=False)
        yield Footer()

    def side(self, st: dict[str, Any]) -> Iterator[Widget]:
        """What goes under the prompt (a stage kind's own guide)."""
        yield from ()

    def workspace(self, st: dict[str, Any], fields: dict[str, Any]) -> Iterator[Widget]:
        """The candidate's fields: a labelled area each."""
        with VerticalScroll(id="fields"):
            for f in st["fields"]:
                yield Static(f["label"], classes="field-label", markup=False)
                yield answer_area(f, fields)

    def _prompt(self, st: dict[str, Any]) -> str:
        return str(st.get("expect") or "")

    def on_mount(self) -> None:
        self.refresh_clock()
        self.set_interval(TICK_S, self.refresh_clock)
        self._show_pushes()
        areas = [(ta, fid) for ta in self.query(TextArea) if (fid := field_of(ta)) is not None]
        if areas:
            fields = self.pair.state.get("fields", {})
            for ta, fid in areas:
                cur = fields.get(fid, {}).get("cursor")
                if cur:
                    row = min(int(cur[0]), ta.document.line_count - 1)
                    ta.cursor_location = (row, int(cur[1]))
            self.enter_field(self.pair.state.get("focus") or areas[0][1])

    def enter_field(self, fid: str) -> None:
        """Put the cursor in a field (a reconnect comes back to the one it was in)."""
        try:
            ta = self.query_one("#" + widget_id(fid), TextArea)
        except NoMatches:
            ta = self.query(TextArea).first()
        self.set_focus(ta)  # at once: the next key of a burst lands in it

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        fid = field_of(event.widget)
        if fid is not None and fid != self.__dict__.get("_focus_sent"):
            self._focus_sent = fid
            self.pair.send(wire.Focus(id=fid))

    def update_state(self) -> None:
        self._show_pushes()
        self.refresh_clock()

    def refresh_clock(self) -> None:
        set_clock(self)

    def _show_pushes(self) -> None:
        pushes = self.pair.state.get("pushes", [])
        st = self.pair.state["stage"]
        lines = [push_line(p) for p in pushes if p.get("stage") == st["index"]]
        self.query_one("#pushes", Static).update("\n".join(lines))

    def on_push(self, push: dict[str, Any]) -> None:
        self._show_pushes()
        self.notify(
            push["text"], title=KIND_NAMES.get(push["kind"], "Note"), timeout=8, markup=False
        )

    def _send_field(self, ta: TextArea) -> None:
        fid = field_of(ta)
        if fid is None:
            return
        row, col = ta.cursor_location
        text = ta.text
        # A key gives both a Changed and a SelectionChanged: the state is sent once.
        sent: dict[str, tuple[str, int, int]] = self.__dict__.setdefault("_sent", {})
        if sent.get(fid) == (text, row, col):
            return
        sent[fid] = (text, row, col)
        self.pair.send(wire.Field(id=fid, text=text, cursor=(row, col)))

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        self._send_field(event.text_area)

    def on_text_area_selection_changed(self, event: TextArea.SelectionChanged) -> None:
        self._send_field(event.text_area)
