"""The interviewer's screen: the candidate's work mirrored read-only, the private notes,
rubric line, pushes and guide, and the suggested push from the scorer's probe."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.css.query import NoMatches
from textual.widget import Widget
from textual.widgets import Footer, Static, TextArea

from mockint.pair import wire
from mockint.pair.detect import detection_lines, question_of, stage_questions, suggestion
from mockint.pair.ui.base import (
    KIND_NAMES,
    SUGGEST_S,
    TICK_S,
    PairScreen,
    push_line,
    set_clock,
    stage_line,
)
from mockint.pair.ui.dialogs import Ask, RubricDialog, TypePush
from mockint.pair.ui.fields import MirrorArea, mirror_area, results_text, widget_id


class InterviewerScreen(PairScreen):
    HELP_TEXT = (
        "Left: the candidate's work, live and read-only. Right: your private notes (never "
        "sent to the candidate). F2 starts or pauses the clock, F6 adds 5 minutes, Ctrl+N "
        "ends the stage. F3 pushes the next hint (coding) or follow-up; F4 types one. "
        "F7 opens the rubric. Ctrl+O (for the room's host) gives the candidate a new room code."
    )
    BINDINGS = [
        Binding("f2", "clock('pause')", "Clock", id="int.pause", priority=True),
        Binding("f6", "clock('plus5')", "+5 min", id="int.plus5", priority=True),
        Binding("ctrl+n", "next_stage", "Next stage", id="int.next", priority=True),
        Binding("f3", "push_next", "Push hint", id="int.hint", priority=True),
        Binding("f4", "push_typed", "Type push", id="int.type", priority=True),
        Binding("f7", "rubric", "Rubric", id="int.rubric", priority=True),
    ]

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
                with Vertical(id="private"):
                    yield Static("Private notes (only you see them)", classes="field-label")
                    yield TextArea(
                        self.pair.state.get("notes", ""),
                        id="notes",
                        soft_wrap=True,
                        tab_behavior="focus",
                    )
                    yield Static("", id="rubric-line", markup=False)
                    yield Static("", id="suggest", markup=False)
                    yield Static("", id="pushes", markup=False)
                    with VerticalScroll(id="guide-box"):
                        yield Static(self._guide(st), id="guide", markup=False)
            yield Static("", id="results", markup=False)
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

    def _guide(self, st: dict[str, Any]) -> str:
        lines = []
        priv = st.get("private", {})
        for p in st["problems"]:
            hints = priv.get("hints", {}).get(p["slug"], [])
            lines.append(f"{p['title']}: {len(hints)} hints (F3 pushes the next)")
        for n, q in enumerate(st["questions"], 1):
            info = priv.get("questions", {}).get(q["id"], {})
            lines.append(f"Q{n}. {q['prompt']}")
            for kp in info.get("key_points", []):
                lines.append(f"  · {kp}")
            for fu in info.get("follow_ups", []):
                lines.append(f"  {KIND_NAMES.get(fu['kind'], fu['kind'])}: {fu['text']}")
        return "\n".join(lines)

    def on_mount(self) -> None:
        self.refresh_clock()
        self.set_interval(TICK_S, self.refresh_clock)
        self.set_interval(SUGGEST_S, self._suggest)
        self.query_one("#notes", TextArea).focus()
        self._show_pushes()
        self._show_results()
        self.on_presence()
        self.on_rubric()
        for fid in self.pair.state.get("fields", {}):
            self.on_field(fid)

    def update_state(self) -> None:
        self._show_pushes()
        self._show_results()
        self.refresh_clock()

    def on_presence(self) -> None:
        here = self.pair.presence.get("candidate")
        self.query_one("#presence", Static).update(
            "Candidate connected" if here else "[b]Candidate not connected[/b]"
        )

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

    def _show_pushes(self) -> None:
        st = self.pair.state["stage"]
        lines = [
            "Sent: " + push_line(p)
            for p in self.pair.state.get("pushes", [])
            if p.get("stage") == st["index"]
        ]
        self.query_one("#pushes", Static).update("\n".join(lines))

    def on_push(self, push: dict[str, Any]) -> None:
        self._show_pushes()

    def _show_results(self) -> None:
        self.query_one("#results", Static).update(results_text(self.pair.state.get("results")))

    def on_result(self, result: dict[str, Any]) -> None:
        self._show_results()

    def on_rubric(self) -> None:
        r = self.pair.state.get("rubric") or {}
        scores = r.get("scores") or {}
        if not scores and not r.get("call"):
            text = "Rubric: not filled in (F7)"
        else:
            text = "Rubric: " + ", ".join(f"{k} {v}" for k, v in scores.items())
            if r.get("call"):
                text += f" · {r['call'].replace('_', '-')}"
        self.query_one("#rubric-line", Static).update(text)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        if event.text_area.id == "notes":
            self.pair.send(wire.Notes(text=event.text_area.text))

    def action_clock(self, action: wire.ClockVerb) -> None:
        c = self.pair.clock_now()
        if action == "pause" and c is not None and c[2] == "not_started":
            action = "start"
        self.pair.send(wire.ClockAction(action=action))

    def action_next_stage(self) -> None:
        def answered(yes: bool | None) -> None:
            if yes:
                self.pair.send(wire.ClockAction(action="next"))

        self.app.push_screen(
            Ask("End this stage and move on?", "y / Enter: yes   n / Esc: no"), answered
        )

    def action_push_next(self) -> None:
        st = self.pair.state["stage"]
        if st["problems"]:
            slug = st["problems"][0]["slug"]
            self.pair.send(wire.PushRequest(kind="hint", problem=slug))
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

    def action_push_typed(self) -> None:
        def typed(text: str | None) -> None:
            if text:
                coding = bool(self.pair.state["stage"]["problems"])
                self.pair.send(wire.PushRequest(kind="hint" if coding else "follow_up", text=text))

        self.app.push_screen(TypePush(), typed)

    def action_rubric(self) -> None:
        st, fields = self.pair.state["stage"], self.pair.state.get("fields", {})
        found = detection_lines(st, self.questions(), fields) if st["questions"] else []
        self.app.push_screen(RubricDialog(self.pair.state.get("dimensions", []), self.pair, found))
