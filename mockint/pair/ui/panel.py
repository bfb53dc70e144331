"""The interviewer's own panel beside whatever stage screen they watch: private notes (never
sent to the candidate), the rubric line, the suggested push, the pushes sent and the guide,
with the interviewer's keys (clock, next stage, pushes, rubric)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, cast

from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.css.query import NoMatches
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Static, TextArea

from mockint.pair import wire
from mockint.pair.ui.base import KIND_NAMES, push_line, stage_line
from mockint.pair.ui.dialogs import Ask, RubricDialog, TypePush
from mockint.tui.widgets.changed_lines import ChangedLinesArea

if TYPE_CHECKING:
    from mockint.pair.app import PairApp

PANEL_HELP = (
    "Your private notes are never sent to the candidate. F2 starts or pauses the clock, "
    "F6 adds 5 minutes, Ctrl+N ends the stage. F3 pushes the next hint (coding) or "
    "follow-up; F4 types one. F7 opens the rubric. Ctrl+O (for the room's host) gives the "
    "candidate a new room code."
)


def guide_text(st: dict[str, Any]) -> str:
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


class InterviewerPanel(Screen[None]):
    """A mixin for the interviewer's screens: a screen that has other keys on F2-F7 takes
    these as its own BINDINGS."""

    BINDINGS = [
        Binding("f2", "clock('pause')", "Clock", id="int.pause", priority=True),
        Binding("f6", "clock('plus5')", "+5 min", id="int.plus5", priority=True),
        Binding("ctrl+n", "next_stage", "Next stage", id="int.next", priority=True),
        Binding("f3", "push_next", "Push hint", id="int.hint", priority=True),
        Binding("f4", "push_typed", "Type push", id="int.type", priority=True),
        Binding("f7", "rubric", "Rubric", id="int.rubric", priority=True),
    ]

    @property
    def pair(self) -> PairApp:
        return cast("PairApp", self.app)

    def private_column(self, st: dict[str, Any]) -> Iterator[Widget]:
        with Vertical(id="private"):
            yield Static("Private notes (only you see them)", classes="field-label")
            yield ChangedLinesArea(
                self.pair.state.get("notes", ""), id="notes", soft_wrap=True, tab_behavior="focus"
            )
            yield Static("", id="rubric-line", markup=False)
            yield Static("", id="suggest", markup=False)
            yield Static("", id="pushes", markup=False)
            with VerticalScroll(id="guide-box"):
                yield Static(guide_text(st), id="guide", markup=False)

    def panel_column(self) -> Iterator[Widget]:
        """The panel beside a solo stage screen: the room line, the candidate's presence and
        the private column."""
        with Vertical(id="pair-panel"):
            yield Static(self.room_line(), id="room-line", markup=False)
            yield Static("", id="presence")
            yield from self.private_column(self.pair.state["stage"])

    def room_line(self) -> str:
        return f"Room {self.pair.code} · " + stage_line(self.pair)

    def on_code(self) -> None:
        self.query_one("#room-line", Static).update(self.room_line())

    def show_panel(self) -> None:
        """Fill the panel's lines from the room's state (on mount and on a new state)."""
        self._show_pushes()
        self.on_rubric()
        self.on_presence()

    # -- what the hub tells ------------------------------------------------------------
    def on_presence(self) -> None:
        here = self.pair.presence.get("candidate")
        try:
            line = self.query_one("#presence", Static)
        except NoMatches:
            return
        line.update("Candidate connected" if here else "[b]Candidate not connected[/b]")

    def _show_pushes(self) -> None:
        st = self.pair.state["stage"]
        lines = [
            "Sent: " + push_line(p)
            for p in self.pair.state.get("pushes", [])
            if p.get("stage") == st["index"]
        ]
        self.query_one("#pushes", Static).update("\n".join(lines))

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

    # -- the interviewer's keys --------------------------------------------------------
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
        """F3: the stage's next prepared push (a hint of the problem on screen here)."""
        st = self.pair.state["stage"]
        if st["problems"]:
            slug = self.pushed_problem() or st["problems"][0]["slug"]
            self.pair.send(wire.PushRequest(kind="hint", problem=slug))

    def pushed_problem(self) -> str | None:
        """The problem whose next hint F3 pushes (the one the candidate is on)."""
        return None

    def action_push_typed(self) -> None:
        def typed(text: str | None) -> None:
            if text:
                coding = bool(self.pair.state["stage"]["problems"])
                self.pair.send(wire.PushRequest(kind="hint" if coding else "follow_up", text=text))

        self.app.push_screen(TypePush(), typed)

    def rubric_found(self) -> list[str]:
        """The scorer's detection lines the rubric dialog shows (talking stages)."""
        return []

    def action_rubric(self) -> None:
        self.app.push_screen(
            RubricDialog(self.pair.state.get("dimensions", []), self.pair, self.rubric_found())
        )
