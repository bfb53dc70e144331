"""Replay of a coding round: play, pause, speeds, skip idle stretches, a scrubber, and a jump
to each run and submit with its verdict; large pastes are flagged on the timeline. A pair
round adds the interviewer's track (pushes and clock actions; in the interviewer's view,
the private notes as they were)."""

from __future__ import annotations

from collections.abc import Iterator

from textual import events
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Footer, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from mockint.engine.timefmt import clock_text
from mockint.review import replay as rp
from mockint.review.format import safe
from mockint.store.sessions import Store
from mockint.tui.screens.base import BaseScreen
from mockint.tui.widgets.text_sync import place_cursor, set_text

TICK_S = 0.1
HIGHLIGHT_LINES = 400
VERDICTS = {
    "accepted": "accepted",
    "wrong_answer": "wrong answer",
    "time_limit": "time limit",
    "memory_limit": "memory limit",
    "output_limit": "output limit",
    "runtime_error": "runtime error",
    "compile_error": "compile error",
    "too_slow": "too slow",
    "not_vectorized": "not vectorized",
    "cancelled": "cancelled",
    "error": "grading error",
    None: "unfinished",
}


def mark_label(m: rp.Mark) -> str:
    tests = f" {m.passed}/{m.total}" if m.total else ""
    ok = "✓" if m.verdict == "accepted" else "✗"
    return f"{clock_text(m.t)} {m.kind} {ok} {VERDICTS.get(m.verdict, m.verdict)}{tests}"


def cue_label(c: rp.Cue) -> str:
    word = {"hint": "hint", "follow_up": "follow-up", "curveball": "curveball"}.get(c.kind)
    return f"{word}: {c.text}" if word else c.text


class Timeline(Static):
    """The scrubber: one line of the round; a click jumps to that time."""

    def on_click(self, event: events.Click) -> None:
        screen = self.screen
        if isinstance(screen, ReplayScreen) and self.size.width > 0:
            screen.seek(event.x / max(1, self.size.width - 1) * screen.round.duration)


class ReplayScreen(BaseScreen):
    HELP_TITLE = "replay"
    HELP_TEXT = (
        "The coding round as it was typed, on the stage clock. p plays and pauses; f and s "
        "change the speed (1x to 20x); i skips idle stretches; Left/Right move 5 seconds "
        "(Shift: 60); n and b jump to the next or previous run or submit, whose verdict is "
        "marked on the timeline (r/s for runs/submits, capital when accepted, P a large "
        "paste). Click the timeline to jump there. Tab shows the next round. In a pair "
        "round the line below is the interviewer's track (h hint, f follow-up, c curveball, "
        "‖ pause, + time added, · notes typed); the interviewer's view also shows their "
        "private notes as they were at that moment."
    )
    DEFAULT_CSS = """
    #replay-screen { padding: 0 1; }
    #replay-title { height: 1; text-style: bold; }
    #replay-main { height: 1fr; }
    #replay-code { width: 1fr; }
    #replay-side { width: 34; }
    #replay-marks { height: 1fr; border: round $primary; }
    #replay-notes { height: 1fr; border: round $secondary; }
    #replay-timeline { height: 1; color: $accent; }
    #replay-cues { height: 1; color: $secondary; }
    #replay-status { height: 1; color: $text-muted; }
    """
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="replay.back"),
        Binding("p", "play", "Play/pause", id="replay.play"),
        Binding("f", "speed(1)", "Faster", id="replay.faster"),
        Binding("s", "speed(-1)", "Slower", id="replay.slower"),
        Binding("i", "idle", "Skip idle", id="replay.idle"),
        Binding("n", "jump(1)", "Next run", id="replay.next"),
        Binding("b", "jump(-1)", "Prev run", id="replay.prev"),
        Binding("left", "step(-5)", "-5 s", id="replay.back5", show=False, priority=True),
        Binding("right", "step(5)", "+5 s", id="replay.fwd5", show=False, priority=True),
        Binding("shift+left", "step(-60)", "-60 s", id="replay.back60", show=False, priority=True),
        Binding("shift+right", "step(60)", "+60 s", id="replay.fwd60", show=False, priority=True),
        Binding("tab", "next_round", "Next round", id="replay.round", show=False, priority=True),
    ]

    def __init__(
        self,
        session_id: int,
        rounds: list[tuple[int, str]],
        start: int = 0,
        view: str | None = None,
    ) -> None:
        super().__init__()
        self.session_id = session_id
        self.view = view  # a pair round's side; None: the default for the session
        self.rounds = rounds
        self.which = start
        self.t = 0.0
        self.playing = False
        self.speed_i = 0
        self.skip_idle = True
        self._shown: tuple[int | None, int | None, int | None] | None = None

    def body(self) -> Iterator[Widget]:
        with Vertical(id="replay-screen"):
            yield Static("", id="replay-title", markup=False)
            with Horizontal(id="replay-main"):
                yield TextArea.code_editor("", read_only=True, id="replay-code", language="python")
                with Vertical(id="replay-side"):
                    yield OptionList(id="replay-marks")
                    notes = TextArea("", read_only=True, soft_wrap=True, id="replay-notes")
                    notes.border_title = "Your private notes then"
                    notes.display = False
                    yield notes
            yield Timeline("", id="replay-timeline", markup=False)
            yield Static("", id="replay-cues", markup=False)
            yield Static("", id="replay-status", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.load_round()
        self.set_interval(TICK_S, self.tick)

    @property
    def store(self) -> Store:
        return self.mockint.store

    def load_round(self) -> None:
        stage_idx, problem = self.rounds[self.which]
        self.round = rp.load(self.store, self.session_id, stage_idx, problem, self.view)
        self.t = 0.0
        self.playing = False
        self._shown = None
        n = len(self.rounds)
        more = f" · round {self.which + 1} of {n} (Tab: next)" if n > 1 else ""
        pair = self.round.pair
        side = f" · pair round, {pair.view}'s view" if pair is not None else ""
        self.query_one("#replay-title", Static).update(
            f"Replay · session {self.session_id}{side} · stage {stage_idx + 1} · {problem}{more}"
        )
        self.query_one("#replay-cues", Static).display = pair is not None
        self.query_one("#replay-notes", TextArea).display = (
            pair is not None and pair.view == "interviewer"
        )
        marks = self.query_one("#replay-marks", OptionList)
        marks.clear_options()
        entries = [(m.t, 0, mark_label(m), f"mark:{i}") for i, m in enumerate(self.round.marks)]
        entries += [
            (p.t, 1, f"{clock_text(p.t)} PASTE of {p.chars} chars", f"paste:{i}")
            for i, p in enumerate(self.round.pastes)
        ]
        entries += [
            (c.t, 2, f"{clock_text(c.t)} {cue_label(c)}", f"cue:{i}")
            for i, c in enumerate(pair.cues if pair is not None else [])
        ]
        for _, _, label, oid in sorted(entries):
            marks.add_option(Option(label, id=oid))
        self.show()

    # -- drawing ---------------------------------------------------------------------------
    def show(self) -> None:
        rnd = self.round
        f_index = rnd.index_at(self.t)
        mark = next((m for m in rnd.marks if abs(m.t - self.t) < 1e-6), None)
        n_index = rnd.pair.note_index_at(self.t) if rnd.pair is not None else None
        key = (f_index, mark.run_id if mark else None, n_index)
        if key != self._shown:
            frame = rp.frame(self.store, rnd, self.t)
            code = self.query_one("#replay-code", TextArea)
            # Highlighting is redone over the whole text on every change (about 15 ms per 150
            # lines); past HIGHLIGHT_LINES the replay shows plain text to stay quick.
            language = "python" if frame.code.count("\n") <= HIGHLIGHT_LINES else None
            if code.language != language:
                code.language = language
            set_text(code, safe(frame.code))
            place_cursor(code, frame.cursor)
            if frame.notes is not None:
                set_text(self.query_one("#replay-notes", TextArea), safe(frame.notes))
            self._shown = key
        width = max(10, self.query_one("#replay-timeline").size.width or 60)
        self.query_one("#replay-timeline", Static).update(rp.timeline_text(rnd, width, self.t))
        if rnd.pair is not None:
            self.query_one("#replay-cues", Static).update(rp.cue_line_text(rnd, width, self.t))
            cue = next((c for c in rnd.pair.cues if 0 <= self.t - c.t < 3.0), None)
        else:
            cue = None
        state = "playing" if self.playing else "paused"
        speed = rp.SPEEDS[self.speed_i]
        at = f" · {mark_label(mark)}" if mark else ""
        paste = next((p for p in rnd.pastes if abs(p.t - self.t) < 1.0), None)
        if paste is not None:
            at += f" · PASTE of {paste.chars} chars"
        if cue is not None:
            at += f" · interviewer {cue_label(cue)}"
        self.query_one("#replay-status", Static).update(
            f"{clock_text(self.t)} / {clock_text(rnd.duration)} · {state} {speed}x"
            f" · skip idle {'on' if self.skip_idle else 'off'}{at}"
        )

    def seek(self, t: float) -> None:
        self.t = min(max(0.0, t), self.round.duration)
        self.show()

    def tick(self) -> None:
        if not self.playing:
            return
        speed = rp.SPEEDS[self.speed_i]
        self.t = rp.advance(self.round, self.t, TICK_S * speed, skip_idle=self.skip_idle)
        if self.t >= self.round.duration:
            self.playing = False
        self.show()

    # -- keys ------------------------------------------------------------------------------
    def action_play(self) -> None:
        if not self.playing and self.t >= self.round.duration:
            self.t = 0.0
        self.playing = not self.playing
        self.show()

    def action_speed(self, delta: int) -> None:
        self.speed_i = min(len(rp.SPEEDS) - 1, max(0, self.speed_i + delta))
        self.show()

    def action_idle(self) -> None:
        self.skip_idle = not self.skip_idle
        self.show()

    def action_step(self, seconds: float) -> None:
        self.seek(self.t + seconds)

    def action_jump(self, direction: int) -> None:
        m = self.round.mark_near(self.t, direction)
        if m is None:
            self.notify("No more runs or submits that way.", timeout=2)
            return
        self.playing = False
        self.seek(m.t)

    def action_next_round(self) -> None:
        if len(self.rounds) > 1:
            self.which = (self.which + 1) % len(self.rounds)
            self.load_round()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        oid = event.option.id or ""
        self.playing = False
        if oid.startswith("mark:"):
            self.seek(self.round.marks[int(oid[5:])].t)
        elif oid.startswith("paste:"):
            self.seek(self.round.pastes[int(oid[6:])].t)
        elif oid.startswith("cue:") and self.round.pair is not None:
            self.seek(self.round.pair.cues[int(oid[4:])].t)

    def on_resize(self, event: events.Resize) -> None:
        # (BaseScreen's own on_resize runs too: Textual calls each class's handler.)
        if self.is_mounted and hasattr(self, "round"):
            self.call_after_refresh(self.show)
