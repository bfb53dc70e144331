"""The interviewer's screen of a stage with neither problems nor questions (its notes
field): the candidate's work mirrored read-only beside the private notes, rubric line,
pushes and guide. A stage with problems or questions runs on its solo screen (live.py)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.css.query import NoMatches
from textual.widget import Widget
from textual.widgets import Footer, Static, TextArea

from mockint.pair.ui.base import TICK_S, PairScreen, set_clock, stage_line
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

    def on_field(self, fid: str) -> None:
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
        with contextlib.suppress(NoMatches):
            mirror = self.query_one("#mirror", VerticalScroll)
            # As little as needed: what is already in view (the presence line) stays.
            mirror.scroll_to_widget(self.query_one("#" + widget_id(fid)), animate=False)
            mirror.scroll_to_widget(self.query_one("#lbl-" + widget_id(fid)), animate=False)

    def on_push(self, push: dict[str, Any]) -> None:
        self._show_pushes()

    def action_push_next(self) -> None:
        self.notify("Nothing prepared to push in this stage; F4 types one.", severity="warning")
