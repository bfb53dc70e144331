"""The system design stage in pair mode: the phase outline, notes per phase and the capacity
scratchpad evaluated as it is typed, on the candidate's screen and, read-only and following
the candidate, on the interviewer's mirror. The phases and the evaluation are the solo
design screen's (mockint.scenario.phases, mockint.scratchpad)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

from rich.text import Text
from textual.binding import Binding
from textual.containers import Horizontal
from textual.css.query import NoMatches
from textual.widget import Widget
from textual.widgets import ContentSwitcher, Static, TextArea

from mockint.pair.ui.base import PairScreen, contained
from mockint.pair.ui.candidate import CandidateScreen
from mockint.pair.ui.fields import answer_area, field_of, mirror_area, widget_id
from mockint.pair.ui.interviewer import InterviewerScreen
from mockint.scoring.text import count_words
from mockint.scratchpad import pad_results

PAD_EMPTY = "Results appear here."


def _minutes(p: dict[str, Any]) -> str:
    lo, hi = p["min_minutes"], p["max_minutes"]
    if not hi:
        return ""
    return f"{lo:g}m" if lo == hi else f"{lo:g}-{hi:g}m"


def outline(st: dict[str, Any], fields: dict[str, Any], current: str, mirror: bool = False) -> Text:
    """Every section of the stage, one line each, the current one marked: with its planned
    minutes for the candidate, with its words on the mirror (the interviewer has the clock)."""
    phases = {p["id"]: p for p in st.get("phases", [])}
    t = Text()
    for f in st["fields"]:
        here = f["id"] == current
        t.append(("▶ " if here else "  ") + f["label"], style="bold" if here else "")
        if mirror:
            words = count_words(fields.get(f["id"], {}).get("text", ""))
            t.append(f" {words}w" if words else "", style="dim")
        elif f.get("phase") in phases:
            t.append(f" {_minutes(phases[f['phase']])}", style="dim")
        t.append("\n")
    t.rstrip()
    return t


def switch_box(f: dict[str, Any], area: TextArea) -> Iterator[Widget]:
    """One section in the switcher: a notes area, or the scratchpad beside its results."""
    if f["kind"] == "scratchpad":
        with Horizontal(id="box-" + widget_id(f["id"]), classes="pad-box"):
            yield area
            yield Static(
                PAD_EMPTY, id="res-" + widget_id(f["id"]), classes="pad-results", markup=False
            )
    else:
        yield area


def box_id(f: dict[str, Any]) -> str:
    return ("box-" if f["kind"] == "scratchpad" else "") + widget_id(f["id"])


class _Sections(PairScreen):
    """What both roles share: the sections in order, the one shown, its results."""

    current = ""
    MIRROR = False

    def sections(self) -> list[dict[str, Any]]:
        fields: list[dict[str, Any]] = self.pair.state["stage"]["fields"]
        return fields

    def show_section(self, fid: str) -> None:
        f = next((f for f in self.sections() if f["id"] == fid), None)
        if f is None:
            return
        self.current = fid
        self.query_one("#design-switch", ContentSwitcher).current = box_id(f)
        self.update_outline()

    def update_outline(self) -> None:
        st = self.pair.state["stage"]
        fields = self.pair.state.get("fields", {})
        self.query_one("#phase-outline", Static).update(
            contained("The outline", outline, st, fields, self.current, self.MIRROR)
        )

    def update_pad(self, fid: str, text: str) -> None:
        with contextlib.suppress(NoMatches):
            results = contained("The scratchpad's results", pad_results, text)
            self.query_one("#res-" + widget_id(fid), Static).update(results or PAD_EMPTY)


class CandidateDesignScreen(_Sections, CandidateScreen):
    HELP_TEXT = (
        "Work through the phases in order; your notes and scratchpad are shared live with the "
        "interviewer. Tab or F4 goes to the next phase, Shift+Tab or F3 to the previous one, "
        "F5 to the capacity scratchpad (lines like `qps = 100M * 20 / day` are evaluated as "
        "you type). The interviewer controls the clock."
    )
    BINDINGS = [
        Binding("f3", "section(-1)", "Previous phase", id="cand.design.prev", priority=True),
        Binding("f4", "section(1)", "Next phase", id="cand.design.next", priority=True),
        Binding("f5", "scratchpad", "Scratchpad", id="cand.design.pad", priority=True),
    ]

    def side(self, st: dict[str, Any]) -> Iterator[Widget]:
        yield Static("", id="phase-outline")

    def workspace(self, st: dict[str, Any], fields: dict[str, Any]) -> Iterator[Widget]:
        first = st["fields"][0]
        with ContentSwitcher(initial=box_id(first), id="design-switch"):
            for f in st["fields"]:
                yield from switch_box(f, answer_area(f, fields, classes="section"))

    def on_mount(self) -> None:
        super().on_mount()
        fields = self.pair.state.get("fields", {})
        for f in self.sections():
            if f["kind"] == "scratchpad":
                self.update_pad(f["id"], fields.get(f["id"], {}).get("text", ""))

    def enter_field(self, fid: str) -> None:
        self.show_section(fid if fid in {f["id"] for f in self.sections()} else "")
        if not self.current:
            self.show_section(self.sections()[0]["id"])
        super().enter_field(self.current)

    def move_field(self, forward: bool) -> bool:
        """Tab and Shift+Tab move between the sections (the app asks before moving focus)."""
        self.action_section(1 if forward else -1)
        return True

    def action_section(self, step: int) -> None:
        ids = [f["id"] for f in self.sections()]
        i = ids.index(self.current) if self.current in ids else 0
        self.enter_field(ids[max(0, min(len(ids) - 1, i + step))])

    def action_scratchpad(self) -> None:
        # The scratchpad of the question being worked on (a stage has one in most plans).
        q = next((f.get("question") for f in self.sections() if f["id"] == self.current), None)
        for f in self.sections():
            if f["kind"] == "scratchpad" and f.get("question") == q:
                self.enter_field(f["id"])
                return

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        super().on_text_area_changed(event)
        fid = field_of(event.text_area) or ""
        fields = self.pair.state.setdefault("fields", {})
        fields[fid] = {
            "text": event.text_area.text,
            "cursor": list(event.text_area.cursor_location),
        }
        if fid.endswith(":scratchpad"):
            self.update_pad(fid, event.text_area.text)
        self.update_outline()


class InterviewerDesignScreen(_Sections, InterviewerScreen):
    MIRROR = True
    HELP_TEXT = InterviewerScreen.HELP_TEXT + (
        " The mirror shows the phase the candidate is in; F8 shows the next one instead, until "
        "the candidate moves to another phase."
    )
    BINDINGS = [
        Binding("f8", "browse", "Next phase", id="int.design.browse", priority=True),
    ]
    browsing = False

    def mirror(self, st: dict[str, Any], fields: dict[str, Any]) -> Iterator[Widget]:
        yield Static("", id="phase-outline", classes="mirror-outline")
        first = st["fields"][0]
        yield Static(
            first["label"], id="mirror-label", classes="field-label mirror-label", markup=False
        )
        with ContentSwitcher(initial=box_id(first), id="design-switch"):
            for f in st["fields"]:
                yield from switch_box(f, mirror_area(f, fields, classes="section"))

    def on_mount(self) -> None:
        super().on_mount()
        self.on_focus(self.pair.state.get("focus") or self.sections()[0]["id"])

    def on_field(self, fid: str) -> None:
        super().on_field(fid)
        value = self.pair.state.get("fields", {}).get(fid)
        if value is not None and fid.endswith(":scratchpad"):
            self.update_pad(fid, value["text"])
        if fid == self.current:
            self._label()
        self.update_outline()

    def on_focus(self, fid: str) -> None:
        """The mirror shows the section the candidate is in."""
        self.browsing = False
        self.show_section(fid)
        self._label()

    def action_browse(self) -> None:
        ids = [f["id"] for f in self.sections()]
        i = ids.index(self.current) if self.current in ids else -1
        self.browsing = True
        self.show_section(ids[(i + 1) % len(ids)])
        self._label()

    def _label(self) -> None:
        f = next((f for f in self.sections() if f["id"] == self.current), None)
        if f is None:
            return
        text = f["label"]
        value = self.pair.state.get("fields", {}).get(f["id"])
        if value:
            row, col = value["cursor"]
            text += f" · line {int(row) + 1}, col {int(col) + 1}"
        if self.browsing:
            text += " · you are browsing (F8)"
        self.query_one("#mirror-label", Static).update(text, layout=False)  # one line
