"""The pair-mode screens: lobby, the candidate's workspace, the interviewer's view of it,
and the end-of-round feedback. They show what the hub sends and send what the user does;
the hub alone decides what each role receives."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from typing import Any, Literal, TypeVar

from textual import events
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.css.query import NoMatches
from textual.screen import ModalScreen, Screen
from textual.widget import Widget
from textual.widgets import (
    Footer,
    Input,
    Markdown,
    OptionList,
    SelectionList,
    Static,
    TextArea,
)

from mockint.engine.timefmt import clock_text, elapsed_text
from mockint.pair import wire
from mockint.pair.detect import detection_lines, question_of, stage_questions, suggestion
from mockint.tui.widgets.code_editor import CodeEditor
from mockint.tui.widgets.marked_selection import MarkedSelectionList
from mockint.tui.widgets.star_check import HINTS
from mockint.tui.widgets.text_sync import place_cursor, set_text

TICK_S = 0.25
SUGGEST_S = 1.0  # the suggested push is worked out again at most this often
KIND_NAMES = {"hint": "Hint", "follow_up": "Follow-up", "curveball": "Curveball"}
T = TypeVar("T")


def contained(what: str, fn: Callable[..., T], *args: Any) -> T | str:
    """`fn(*args)`, or one line saying that it failed. A screen evaluates the other side's
    text (the scratchpad, the STAR check, word counts): whatever that text holds, a failure
    there is shown in place and never ends this participant's session."""
    try:
        return fn(*args)
    except Exception as exc:
        return f"{what} could not be shown here ({type(exc).__name__})"


def _clock_line(app: Any) -> str:
    c = app.clock_now()
    if c is None:
        return "Clock: not started"
    remaining, planned, state = c
    if remaining < 0:
        text = f"OVERTIME +{elapsed_text(-remaining)} (planned {clock_text(planned)})"
    else:
        text = f"{clock_text(remaining)} left of {clock_text(planned)}"
    word = {"not_started": "NOT STARTED", "paused": "PAUSED", "running": "running"}.get(state, "")
    return f"Clock: {text}  {word}"


def _set_clock(screen: Screen) -> None:
    """Redraw the clock line only when its text changes (it is polled four times a second)."""
    text = _clock_line(screen.app)
    if getattr(screen, "_clock_text", None) != text:
        screen._clock_text = text  # type: ignore[attr-defined]
        screen.query_one("#clock-line", Static).update(text)


def _stage_line(app: Any) -> str:
    st = app.state.get("stage")
    if not st:
        return ""
    return f"Stage {st['index'] + 1} of {st['count']} · {st['title']}"


def _push_line(p: dict[str, Any]) -> str:
    return f"{KIND_NAMES.get(p['kind'], p['kind'])} at {elapsed_text(p.get('elapsed', 0))}: {p['text']}"


class PairScreen(Screen):
    state_key: tuple[Any, ...] = ()
    HELP_TEXT = ""

    @property
    def pair(self) -> Any:
        return self.app

    def update_state(self) -> None:
        pass


class WaitScreen(PairScreen):
    def __init__(self, message: str) -> None:
        super().__init__()
        self.message = message

    def compose(self):
        with Vertical(id="wait"):
            yield Static("mockint pair", id="wait-title")
            yield Static(self.message, id="wait-message")
            yield Static("", id="presence")
        yield Footer()

    def on_mount(self) -> None:
        self.on_presence()

    def on_presence(self) -> None:
        p = self.pair.presence
        if p:
            self.query_one("#presence", Static).update(
                "Interviewer: " + ("connected" if p.get("interviewer") else "not connected")
            )


# -- the interviewer's lobby ---------------------------------------------------------------
class LobbyScreen(PairScreen):
    HELP_TEXT = (
        "Send the candidate the ssh command shown. Pick a scenario with Up/Down and Enter, "
        "then choose its stages with Space and press F5 to open the round. Ctrl+O gives "
        "the room a new code (the old one stops working)."
    )
    BINDINGS = [Binding("f5", "open_round", "Open round", id="lobby.open")]

    def compose(self):
        with Vertical(id="lobby"):
            yield Static("", id="room-code")
            yield Static("", id="ssh-line", markup=False)
            yield Static("", id="fingerprint-line", markup=False)
            yield Static("", id="presence")
            yield Static("Scenario (Enter picks it):", classes="label")
            yield OptionList(id="scenarios")
            yield Static("Stages (Space toggles, F5 opens the round):", classes="label")
            yield MarkedSelectionList[str](id="stages")
        yield Footer()

    def on_mount(self) -> None:
        self.on_code()
        self.scenarios = self.pair.state.get("scenarios") or []
        ol = self.query_one("#scenarios", OptionList)
        for sc in self.scenarios:
            ol.add_option(f"{sc['title']} ({sc['id']}, {len(sc['stages'])} stages)")
        self.chosen: dict[str, Any] | None = None
        if self.scenarios:
            self._choose(0)
        ol.focus()
        self.on_presence()

    def on_presence(self) -> None:
        here = self.pair.presence.get("candidate")
        self.query_one("#presence", Static).update(
            "Candidate: connected" if here else "Candidate: not connected yet"
        )

    def on_code(self) -> None:
        self.query_one("#room-code", Static).update(f"Room code: [b]{self.pair.code}[/b]")
        self.query_one("#ssh-line", Static).update(
            f"Candidate joins with: {self.pair.ssh_hint}" if self.pair.ssh_hint else ""
        )
        self.query_one("#fingerprint-line", Static).update(
            f"Host key: {self.pair.fingerprint} (their ssh shows it the first time: it must match)"
            if self.pair.fingerprint
            else ""
        )

    def _choose(self, index: int) -> None:
        self.chosen = self.scenarios[index]
        sl = self.query_one("#stages", SelectionList)
        sl.clear_options()
        for st in self.chosen["stages"]:
            sl.add_option((f"{st['title']} ({st['kind']}, {st['minutes']:g} min)", st["id"], True))
        sl.highlighted = 0

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self._choose(event.option_index)
        self.query_one("#stages", SelectionList).focus()

    def action_open_round(self) -> None:
        if self.chosen is None:
            return
        stages = list(self.query_one("#stages", SelectionList).selected)
        if not stages:
            self.notify("Choose at least one stage.", severity="warning")
            return
        self.pair.send(wire.Setup(scenario=self.chosen["id"], stages=stages))


# -- the candidate -------------------------------------------------------------------------
class CandidateScreen(PairScreen):
    HELP_TEXT = (
        "Your work is shared live with the interviewer, read-only. Tab moves to the next "
        "field. In a coding stage, Ctrl+R runs the visible tests and Ctrl+S submits. "
        "The interviewer controls the clock; hints and follow-ups appear on the left."
    )
    BINDINGS = [
        Binding("ctrl+r", "run(False)", "Run tests", id="cand.run", priority=True),
        Binding("ctrl+s", "run(True)", "Submit", id="cand.submit", priority=True),
    ]

    def compose(self):
        st = self.pair.state["stage"]
        fields = self.pair.state.get("fields", {})
        with Vertical(id="room"):
            with Horizontal(id="room-head"):
                yield Static(_stage_line(self.pair), id="stage-line")
                yield Static("", id="clock-line", markup=False)
            with Horizontal(id="room-main"):
                with Vertical(id="left"):
                    with VerticalScroll(id="prompt-box"):
                        yield Markdown(self._prompt(st), id="prompt")
                    yield from self.side(st)
                yield from self.workspace(st, fields)
            yield Static("", id="pushes", markup=False)
            yield Static("", id="results", markup=False)
        yield Footer()

    def side(self, st: dict[str, Any]) -> Iterator[Widget]:
        """What goes under the prompt (a stage kind's own guide)."""
        yield from ()

    def workspace(self, st: dict[str, Any], fields: dict[str, Any]) -> Iterator[Widget]:
        """The candidate's fields: a labelled area each."""
        with VerticalScroll(id="fields"):
            for f in st["fields"]:
                yield Static(_label(f), classes="field-label", markup=False)
                yield answer_area(f, fields)

    def _prompt(self, st: dict[str, Any]) -> str:
        parts = []
        for p in st["problems"]:
            parts.append(f"## {p['title']} ({p['difficulty']})\n\n{p['statement']}")
        for n, q in enumerate(st["questions"], 1):
            parts.append(f"**Q{n}.** {q['prompt']}")
        if not parts and st.get("expect"):
            parts.append(st["expect"])
        return "\n\n".join(parts)

    def on_mount(self) -> None:
        self.refresh_clock()
        self.set_interval(TICK_S, self.refresh_clock)
        self._show_pushes()
        self._show_results()
        areas = list(self.query(TextArea))
        if areas:
            fields = self.pair.state.get("fields", {})
            for ta in areas:
                cur = fields.get(ta.field_id, {}).get("cursor")  # type: ignore[attr-defined]
                if cur:
                    row = min(int(cur[0]), ta.document.line_count - 1)
                    ta.cursor_location = (row, int(cur[1]))
            self.enter_field(self.pair.state.get("focus") or areas[0].field_id)  # type: ignore[attr-defined]

    def enter_field(self, fid: str) -> None:
        """Put the cursor in a field (a reconnect comes back to the one it was in)."""
        try:
            ta = self.query_one("#" + _wid(fid), TextArea)
        except NoMatches:
            ta = self.query(TextArea).first()
        self.set_focus(ta)  # at once: the next key of a burst lands in it

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        fid = getattr(event.widget, "field_id", None)
        if fid is not None and fid != self.__dict__.get("_focus_sent"):
            self._focus_sent = fid
            self.pair.send(wire.Focus(id=fid))

    def update_state(self) -> None:
        self._show_pushes()
        self._show_results()
        self.refresh_clock()

    def refresh_clock(self) -> None:
        _set_clock(self)

    def _show_pushes(self) -> None:
        pushes = self.pair.state.get("pushes", [])
        st = self.pair.state["stage"]
        lines = [_push_line(p) for p in pushes if p.get("stage") == st["index"]]
        self.query_one("#pushes", Static).update("\n".join(lines))

    def on_push(self, push: dict[str, Any]) -> None:
        self._show_pushes()
        self.notify(
            push["text"], title=KIND_NAMES.get(push["kind"], "Note"), timeout=8, markup=False
        )

    def _show_results(self) -> None:
        self.query_one("#results", Static).update(_results_text(self.pair.state.get("results")))

    def on_result(self, result: dict[str, Any]) -> None:
        self._show_results()

    def _send_field(self, ta: TextArea) -> None:
        fid = getattr(ta, "field_id", None)
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

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "run":  # only a coding stage runs anything (and shows the keys)
            return self.pair.state["stage"]["kind"] == "coding"
        return True

    def action_run(self, submit: bool) -> None:
        st = self.pair.state["stage"]
        if st["kind"] != "coding" or not st["problems"]:
            return
        focused = self.focused
        fid = getattr(focused, "field_id", None) or st["fields"][0]["id"]
        slug = fid.split(":", 1)[1]
        self.pair.send(wire.Run(problem=slug, hidden=submit))


def _results_text(results: dict[str, Any] | None) -> str:
    if not results:
        return ""
    lines = []
    for r in results.values():
        head = f"{'Submit' if r['kind'] == 'submit' else 'Run'} · {r['problem']}: "
        if r["state"] == "running":
            head += f"grading... ({len(r['tests'])} tests so far)"
        else:
            head += r.get("summary", "")
        lines.append(head)
        for t in r["tests"][-6:]:
            mark = "✓" if t["verdict"] == "accepted" else "✗"
            msg = f"  {mark} {t['id']}: {t['verdict'].replace('_', ' ')}"
            if t["message"] and t["verdict"] != "accepted":
                msg += " · " + t["message"].splitlines()[0][:100]
            lines.append(msg)
    return "\n".join(lines)


def _wid(field_id: str) -> str:
    return "f-" + "".join(c if c.isalnum() else "-" for c in field_id)


def _label(f: dict[str, Any]) -> str:
    part = f.get("part")
    return f"{f['label']}  {HINTS[part]}" if f["kind"] == "star" and part in HINTS else f["label"]


def answer_area(f: dict[str, Any], fields: dict[str, Any], classes: str = "answer") -> TextArea:
    """The candidate's editable area for one plan field."""
    text = fields.get(f["id"], {"text": f.get("initial", "")})["text"]
    if f["kind"] == "code":
        ta: TextArea = CodeEditor(text, id=_wid(f["id"]))
    else:
        ta = TextArea(
            text,
            id=_wid(f["id"]),
            soft_wrap=f["kind"] != "scratchpad",
            tab_behavior="focus",
            classes=classes,
        )
    ta.field_id = f["id"]  # type: ignore[attr-defined]
    return ta


class MirrorArea(TextArea):
    """A read-only copy of one of the candidate's fields that draws the candidate's cursor
    where it is, though the area never has the focus (at the end of a line and on an empty
    line too, where a one-character selection would show nothing)."""

    field_id = ""
    label = ""

    @property
    def _draw_cursor(self) -> bool:
        return True

    def show(self, text: str, cursor: list[int]) -> tuple[int, int]:
        """Take the candidate's text and cursor; returns the cursor as placed."""
        set_text(self, text)  # an edit, not a new document: cheap on every key
        place_cursor(self, (int(cursor[0]), int(cursor[1])))
        return self.cursor_location


def mirror_area(f: dict[str, Any], fields: dict[str, Any], classes: str = "mirror") -> MirrorArea:
    text = fields.get(f["id"], {"text": f.get("initial", "")})["text"]
    ta = MirrorArea(
        text,
        id=_wid(f["id"]),
        read_only=True,
        soft_wrap=f["kind"] not in ("code", "scratchpad"),
        show_line_numbers=f["kind"] == "code",
        classes=classes,
    )
    ta.can_focus = False
    ta.field_id = f["id"]
    ta.label = f["label"]
    return ta


# -- the interviewer -----------------------------------------------------------------------
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

    def compose(self):
        st = self.pair.state["stage"]
        fields = self.pair.state.get("fields", {})
        with Vertical(id="room"):
            with Horizontal(id="room-head"):
                yield Static(
                    f"Room {self.pair.code} · " + _stage_line(self.pair),
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
                id="lbl-" + _wid(f["id"]),
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
        _set_clock(self)

    def on_code(self) -> None:
        self.query_one("#stage-line", Static).update(
            f"Room {self.pair.code} · " + _stage_line(self.pair)
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
            ta = self.query_one("#" + _wid(fid), MirrorArea)
        except NoMatches:
            return
        row, col = ta.show(value["text"], value["cursor"])
        with contextlib.suppress(NoMatches):
            label = self.query_one("#lbl-" + _wid(fid), Static)
            # One line whatever it says (pair.tcss): no layout pass on every key.
            label.update(f"Candidate · {ta.label} · line {row + 1}, col {col + 1}", layout=False)

    def on_focus(self, fid: str) -> None:
        """The candidate moved to another field: keep it in view."""
        self._focus_q, self._changed = question_of(fid) or self._focus_q, True
        with contextlib.suppress(NoMatches):
            mirror = self.query_one("#mirror", VerticalScroll)
            # As little as needed: what is already in view (the presence line) stays.
            mirror.scroll_to_widget(self.query_one("#" + _wid(fid)), animate=False)
            mirror.scroll_to_widget(self.query_one("#lbl-" + _wid(fid)), animate=False)

    def _show_pushes(self) -> None:
        st = self.pair.state["stage"]
        lines = [
            "Sent: " + _push_line(p)
            for p in self.pair.state.get("pushes", [])
            if p.get("stage") == st["index"]
        ]
        self.query_one("#pushes", Static).update("\n".join(lines))

    def on_push(self, push: dict[str, Any]) -> None:
        self._show_pushes()

    def _show_results(self) -> None:
        self.query_one("#results", Static).update(_results_text(self.pair.state.get("results")))

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

    def action_clock(self, action: str) -> None:
        c = self.pair.clock_now()
        if action == "pause" and c is not None and c[2] == "not_started":
            action = "start"
        self.pair.send(wire.ClockAction(action=action))  # type: ignore[arg-type]

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


class Ask(ModalScreen[bool]):
    BINDINGS = [
        Binding("y,enter", "answer(True)", "Yes"),
        Binding("n,escape", "answer(False)", "No"),
    ]

    def __init__(self, question: str, detail: str) -> None:
        super().__init__()
        self.question, self.detail = question, detail

    def compose(self):
        with Vertical(id="dialog"):
            yield Static(self.question, markup=False)
            yield Static(self.detail, markup=False)

    def action_answer(self, value: bool) -> None:
        self.dismiss(value)


class TypePush(ModalScreen[str | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel")]
    AUTO_FOCUS = "Input"

    def compose(self):
        with Vertical(id="dialog"):
            yield Static("Hint or follow-up for the candidate (Enter sends, Esc cancels):")
            yield Input(id="push-text", max_length=500)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip() or None)

    def action_cancel(self) -> None:
        self.dismiss(None)


class RubricDialog(ModalScreen[None]):
    """1-4 per dimension and a hire / no-hire call; sent to the hub only (private)."""

    BINDINGS = [Binding("escape", "close", "Close")]
    AUTO_FOCUS = "Input"

    def __init__(
        self, dimensions: list[dict[str, str]], pair: Any, detected: list[str] | None = None
    ) -> None:
        super().__init__()
        self.dimensions = dimensions
        self.pair_app = pair
        self.detected = detected or []

    def compose(self):
        rubric = self.pair_app.state.get("rubric") or {}
        scores = rubric.get("scores") or {}
        with VerticalScroll(id="dialog"):
            yield Static("Rubric (private): 1-4 each, then h (hire) or n (no hire). Enter saves.")
            if self.detected:
                yield Static(
                    "The scorer's detection, per key point (check it):", id="detected-head"
                )
                yield Static("\n".join(self.detected), id="detected", markup=False)
            for d in self.dimensions:
                yield Static(d["label"], markup=False)
                yield Input(
                    str(scores.get(d["id"], "")),
                    id=f"dim-{d['id']}",
                    restrict="[1-4]",
                    max_length=1,
                )
            yield Static("Call: h = hire, n = no hire")
            call = {"hire": "h", "no_hire": "n"}.get(rubric.get("call") or "", "")
            yield Input(call, id="call", restrict="[hnHN]", max_length=1)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        scores = {}
        for d in self.dimensions:
            v = self.query_one(f"#dim-{d['id']}", Input).value
            if v:
                scores[d["id"]] = int(v)
        c = self.query_one("#call", Input).value.lower()
        call: Literal["hire", "no_hire"] | None = (
            "hire" if c == "h" else "no_hire" if c == "n" else None
        )
        self.pair_app.send(wire.RubricSave(scores=scores, call=call))
        self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)


# -- the end of a round --------------------------------------------------------------------
class FeedbackScreen(PairScreen):
    HELP_TEXT = (
        "Rate the other side from 1 to 4 and add a line; each of you sees the other's "
        "feedback once both have sent theirs. F9 asks to swap roles for the next round."
    )
    BINDINGS = [Binding("f9", "swap", "Swap roles", id="fb.swap", priority=True)]

    def compose(self):
        role = self.pair.role
        other = "the interviewer" if role == "candidate" else "the candidate"
        with Vertical(id="feedback"):
            yield Static(f"The round has ended. Your feedback on {other}:", id="fb-title")
            yield Static("Rating (1-4):")
            yield Input(id="fb-rating", restrict="[1-4]", max_length=1)
            yield Static("One line (Enter sends):")
            yield Input(id="fb-text", max_length=500)
            yield Static("", id="fb-status", markup=False)
            yield Static("", id="fb-theirs", markup=False)
            yield Static("", id="fb-swap", markup=False)
            yield Static("", id="fb-export", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#fb-rating", Input).focus()
        self.update_state()

    def update_state(self) -> None:
        s = self.pair.state
        mine, theirs = s.get("feedback_mine"), s.get("feedback_theirs")
        self.query_one("#fb-status", Static).update(
            f"Sent: {mine['rating']}/4 {mine['text']}" if mine else "Not sent yet."
        )
        if theirs:
            text = f"Their feedback: {theirs['rating']}/4 {theirs['text']}"
        elif mine:
            text = "Their feedback appears once they have sent it."
        else:
            text = ""
        self.query_one("#fb-theirs", Static).update(text)
        votes = s.get("swap_votes") or []
        self.query_one("#fb-swap", Static).update(
            f"Swap roles: {', '.join(votes)} agreed (F9)" if votes else "F9: swap roles"
        )
        line = s.get("export")
        self.query_one("#fb-export", Static).update(
            "Take this round home (your view; one use, within 24 hours), then "
            f"`mockint import round.json` on your machine:\n{line}"
            if line
            else ""
        )

    def on_input_submitted(self, event: Input.Submitted) -> None:
        rating = self.query_one("#fb-rating", Input).value
        if not rating:
            self.query_one("#fb-rating", Input).focus()
            return
        text = self.query_one("#fb-text", Input).value
        self.pair.send(wire.FeedbackSend(rating=int(rating), text=text))

    def action_swap(self) -> None:
        self.pair.send(wire.Swap(agree=True))


class PairHelp(ModalScreen[None]):
    BINDINGS = [Binding("escape,f1,q", "close", "Close")]

    def __init__(self, role: str, text: str) -> None:
        super().__init__()
        self.role, self.text = role, text

    def compose(self):
        with Vertical(id="dialog"):
            yield Static(f"Pair practice · you are the {self.role}", markup=False)
            yield Static(self.text, markup=False)
            yield Static("Ctrl+Q leaves the room (come back with the same ssh command).")

    def action_close(self) -> None:
        self.dismiss(None)
