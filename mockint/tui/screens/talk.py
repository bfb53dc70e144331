"""Talking rounds: one question at a time with its time budget, follow-ups that arrive on
time, answers saved as typed, and a review with key-point coverage and a self-rating.

`TalkScreen` is the question flow (phone screen, ML deep dive, hiring manager); the STAR
form and the system-design outline subclass it and change the answer area.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.markup import escape
from textual.widget import Widget
from textual.widgets import Footer, Static, TextArea

from mockint.engine.session import Session
from mockint.engine.timefmt import clock_text, elapsed_text
from mockint.scenario.bank import Question
from mockint.scoring.answer_text import cover_answer, scored_text
from mockint.scoring.coverage import Coverage
from mockint.scoring.self_check import SelfCheck
from mockint.store.answers import AnswerRow
from mockint.tui.port import ClockState, PortUpdate, SessionPort, answer_field
from mockint.tui.screens.base import BaseScreen
from mockint.tui.screens.stage_common import STAGE_BINDINGS, StageClock
from mockint.tui.screens.talk_mirror import apply_update, offer_check, open_self_check, prompt_text
from mockint.tui.widgets.changed_lines import ChangedLinesArea
from mockint.tui.widgets.countdown import Countdown
from mockint.tui.widgets.review import Review, review_text

if TYPE_CHECKING:
    from mockint.tui.app import MockintApp

TICK_S = 0.25
SAVE_S = 0.5  # answers reach the database at most this long after typing


class TalkScreen(StageClock, BaseScreen):
    HELP_TITLE = "question round"
    HELP_TEXT = (
        "Answer each question in the text area as you would say it. Ctrl+J ends the answer "
        "and shows which key points you made, missed or said wrong; rate yourself with 1-5 "
        "to see the model answer, press c to check yourself against it point by point, then "
        "Ctrl+J moves to the next question. Follow-ups arrive when the interviewer would "
        "interrupt, and the interviewer probes the first point you missed or said wrong."
    )
    BINDINGS = [
        Binding("ctrl+j", "done", "Answer done / next", id="talk.done", priority=True),
        Binding("escape", "edit", "Back to answer", id="talk.edit", priority=True),
        *[
            Binding(str(n), f"rate({n})", f"Rate {n}", show=False, priority=True)
            for n in range(1, 6)
        ],
        Binding("c", "self_check", "Self-check", id="talk.check", priority=True),
        Binding("f3", "previous", "Previous question", id="talk.prev", priority=True),
        Binding("f4", "next", "Next question", id="talk.next", priority=True),
        *STAGE_BINDINGS,
    ]
    FIELDS: tuple[str, ...] = ("answer",)
    AUTO_FOCUS = "#field-answer"

    @classmethod
    def for_stage(cls, app: MockintApp, s: Session) -> TalkScreen | None:
        """This stage's screen with its questions from the kind's bank; None (and a notice)
        when there are none to show."""
        from mockint.scenario.bank_load import bank_for_kind
        from mockint.scenario.errors import ScenarioError
        from mockint.tui.local_session import LocalSession

        stage = s.run.stage
        if not stage.questions or app.recorder is None:
            return None
        try:
            bank = bank_for_kind(stage.kind)
        except ScenarioError as exc:
            app.notify(str(exc), severity="error", timeout=10)
            bank = None
        known = {q.id: q for q in bank.questions} if bank else {}
        questions = [known[q] for q in stage.questions if q in known]
        if bank is None or not questions:
            app.notify(
                "No questions found for this stage; showing the notes area.", severity="warning"
            )
            return None
        port = LocalSession(app, s, app.recorder.session_id)
        return cls._build(s, port, bank.kind, questions, app.session_pace())

    @classmethod
    def _build(
        cls, s: Session, port: SessionPort, kind: str, questions: list[Question], pace: float
    ) -> TalkScreen:
        return cls(port, kind, questions, pace)

    def __init__(self, port: SessionPort, kind: str, questions: list[Question], pace: float):
        super().__init__()
        self.port = port
        self.index = port.stage_index
        self.kind = kind  # the bank's kind: how an answer's text is scored
        self.questions = questions  # in a pair round: those asked so far (QuestionsAsked)
        self.asked_now: str | None = None  # the interviewer's current question (pair)
        self.pace = pace
        self.rows: dict[str, AnswerRow] = {}
        self.current = 0
        self.reviewing = False
        self.active_field = self.FIELDS[0]
        self._dirty = False
        self._last_elapsed: float | None = None
        self._last_remaining: float | None = None
        self._question_clock: str | None = None  # the line as last drawn
        self._announced: set[tuple[str, int]] = set()
        self._check_offered: set[str] = set()
        self._replaced: set[tuple[str, int]] = set()  # follow-ups a probe was asked instead of

    # -- state -------------------------------------------------------------------------
    @property
    def question(self) -> Question:
        return self.questions[self.current]

    def stage_clock(self) -> ClockState | None:
        return self.port.clock()

    def toggle_clock(self) -> None:
        self.port.toggle_pause()

    def stage_elapsed(self) -> float | None:
        c = self.port.clock()
        return None if c is None else c.planned - c.remaining

    @property
    def row(self) -> AnswerRow:
        q = self.question
        if q.id not in self.rows:
            self.rows[q.id] = AnswerRow(self.index, q.id, self.current)
        return self.rows[q.id]

    def _load(self) -> None:
        for r in self.port.answers():
            self.rows[r.question_id] = r
        if self.port.asked_live:
            asked = self.port.asked()
            self.questions, self.asked_now = list(asked.questions), asked.current
        ids = [q.id for q in self.questions]
        pending = [i for i, q in enumerate(ids) if not (q in self.rows and self.rows[q].done)]
        self.current = pending[0] if pending else max(0, len(ids) - 1)
        if self.asked_now in ids:
            self.current = ids.index(self.asked_now)
        for q in self.questions:
            row = self.rows.get(q.id)
            seconds = sum(row.seconds.values()) if row else 0.0
            for i, f in enumerate(q.follow_ups):
                if seconds >= f.at_minute * 60 * self.pace:
                    self._announced.add((q.id, i))

    def answer_text(self, row: AnswerRow | None = None) -> str:
        """The text scored for coverage, built exactly as the report builds it."""
        row = row or self.row
        return scored_text(self.kind, row.fields, self.phase_ids())

    def phase_ids(self) -> tuple[str, ...]:
        return ()

    def field_id(self, name: str) -> str:
        """The room's id of one of this question's fields (what a port's edits name)."""
        return answer_field(self.kind, self.question.id, name)

    def field_text(self, name: str) -> str:
        """A field's text in the current question's answer ("" before any is asked)."""
        return self.row.fields.get(name, "") if self.questions else ""

    # -- layout ------------------------------------------------------------------------
    def body(self) -> Iterator[Widget]:
        yield from self.talk_body()
        yield Footer()

    def talk_body(self) -> Iterator[Widget]:
        self._load()  # fields are built with their saved text: no load after keys arrive
        with Vertical(id="talk"):
            with Horizontal(id="talk-head"):
                yield Static("", id="talk-title")
                yield Countdown(id="countdown", classes="compact")
            yield Static("", id="question-clock")
            with VerticalScroll(id="prompt-box"):
                yield Static("", id="prompt", markup=False)
                yield Static("", id="follow-ups", markup=False)
            with Vertical(id="answer-area"):
                yield from self.answer_widgets()
            with VerticalScroll(id="review-box"):
                yield Review("", id="review")

    def answer_widgets(self) -> Iterator[Widget]:
        yield self.field_area("answer", soft_wrap=True, classes="answer-field")

    def field_area(self, name: str, **kw: Any) -> TextArea:
        """The text area of one field (a mirror's is read-only and draws the other's cursor)."""
        return ChangedLinesArea(self.field_text(name), id=f"field-{name}", **kw)

    def on_mount(self) -> None:
        c = self.port.clock()
        self._last_elapsed = self.stage_elapsed()
        self._last_remaining = c.remaining if c is not None else None
        self.query_one(Countdown).say_running = not self.port.local_tools
        self.query_one("#review-box").display = False
        self.show_question(initial=True)
        self.set_interval(TICK_S, self.tick)
        self.set_interval(SAVE_S, self.save)
        self.port.listen(self)
        self.mounted()

    def mounted(self) -> None:
        """The screen is up (a pair screen goes where the candidate was)."""

    def show_question(self, initial: bool = False) -> None:
        count = f" · Question {self.current + 1} of {len(self.questions)}"
        self.query_one("#talk-title", Static).update(
            f"Stage {self.index + 1} of {self.port.stage_count} · "
            f"[b]{escape(self.port.stage_title)}[/b]" + (count if self.questions else "")
        )
        self.query_one("#prompt", Static).update(prompt_text(self))
        self.query_one("#answer-area").display = bool(self.questions)
        for f in self.FIELDS if not initial else ():
            area = self.query_one(f"#field-{f}", TextArea)
            area.load_text(self.field_text(f))
        self.set_reviewing(False)
        self.show_follow_ups()
        self.refresh_clocks()
        if self.questions:
            self.focus_field(self.FIELDS[0] if not self.row.fields else self.active_field)

    def focus_field(self, name: str) -> None:
        self.active_field = name if name in self.FIELDS else self.FIELDS[0]
        if not self.port.read_only:  # a mirror's keys are the interviewer's own
            self.query_one(f"#field-{self.active_field}", TextArea).focus()

    def show_follow_ups(self) -> None:
        lines = self.port.push_lines()
        if not self.questions:
            self.query_one("#follow-ups", Static).update("\n".join(lines))
            return
        q = self.question
        lines += [
            f"{'Curveball' if f.kind == 'curveball' else 'Follow-up'} at {elapsed_text(f.at_minute * 60 * self.pace)}: {f.text}"
            for i, f in enumerate(q.follow_ups)
            if (q.id, i) in self._announced and (q.id, i) not in self._replaced
        ]
        probe = self.probe_text()
        if probe:
            lines.append(
                f"Interviewer's probe: {probe}" + (" (Esc: answer it)" if self.reviewing else "")
            )
        self.query_one("#follow-ups", Static).update("\n".join(lines))

    def probe_text(self) -> str | None:
        """The probe asked on this answer (the key point recorded in `row.probed`)."""
        kp = next((p for p in self.question.key_points if p.id == self.row.probed), None)
        return (kp.probe or kp.text) if kp else None

    def probe_instead(self, index: int) -> bool:
        """When a scheduled follow-up comes due and the answer so far says a key point
        wrong, the interviewer probes that point instead (once per answer)."""
        if self.row.probed is not None or not self.answer_text().strip():
            return False
        wrong = next((p for p in self.coverage().points if p.status == "wrong"), None)
        if wrong is None:
            return False
        self.row.probed = wrong.id
        self._dirty = True
        self._replaced.add((self.question.id, index))
        self.notify(wrong.probe or wrong.text, title="Interviewer: follow-up", timeout=12)
        return True

    # -- time --------------------------------------------------------------------------
    def question_seconds(self) -> float:
        return sum(self.row.seconds.values())

    def tick(self) -> None:
        now = self.stage_elapsed()
        if now is None:
            return
        if (
            self._last_elapsed is not None
            and now > self._last_elapsed
            and not self.reviewing
            and self.questions
        ):
            row = self.row
            row.seconds[self.active_field] = (
                row.seconds.get(self.active_field, 0.0) + now - self._last_elapsed
            )
            self._dirty = True
            self.on_question_time()
        self._last_elapsed = now
        self.refresh_clocks()

    def on_question_time(self) -> None:
        q = self.question
        spent = self.question_seconds()
        for i, f in enumerate(q.follow_ups):
            if (q.id, i) not in self._announced and spent >= f.at_minute * 60 * self.pace:
                self._announced.add((q.id, i))
                if self.probe_instead(i):
                    self.show_follow_ups()
                    continue
                label = "Curveball" if f.kind == "curveball" else "Follow-up"
                self.notify(f.text, title=f"Interviewer: {label.lower()}", timeout=12)
                self.show_follow_ups()

    def refresh_clocks(self) -> None:
        if not self.update_countdown() or not self.questions:
            return
        budget = self.question.minutes * 60 * self.pace
        spent = self.question_seconds()
        over = " (over budget)" if spent > budget else ""
        text = f"This question: {elapsed_text(spent)} of {clock_text(budget)}{over}"
        if text != self._question_clock:  # ticked four times a second, drawn on a change
            self._question_clock = text
            line = self.query_one("#question-clock", Static)
            line.update(text)
            line.set_class(spent > budget, "-over")

    # -- saving ------------------------------------------------------------------------
    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        name = (event.text_area.id or "").removeprefix("field-")
        if name in self.FIELDS and self.questions and not self.port.read_only:
            self.row.fields[name] = event.text_area.text
            self._dirty = True
            self._edited(event.text_area, name)
            self.on_fields_changed()

    def on_text_area_selection_changed(self, event: TextArea.SelectionChanged) -> None:
        name = (event.text_area.id or "").removeprefix("field-")
        if name in self.FIELDS and self.questions and not self.port.read_only:
            self._edited(event.text_area, name)

    def _edited(self, area: TextArea, name: str) -> None:
        # In a pair round each key goes to the interviewer's mirror at once (solo, the
        # answer is saved on the SAVE_S tick).
        if self.port.mirrored:
            self.port.edit(self.field_id(name), area.text, area.cursor_location)

    def on_fields_changed(self) -> None:
        """Subclasses refresh live guidance here."""

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        name = (getattr(event.widget, "id", "") or "").removeprefix("field-")
        if name in self.FIELDS and self.questions:
            self.active_field = name
            self.port.focus(self.field_id(name))

    # -- what the port tells (a pair round: the interviewer, or the candidate's typing) --
    def port_update(self, update: PortUpdate) -> None:
        apply_update(self, update)

    def mirror_moved(self, name: str, cursor: tuple[int, int]) -> None:
        """The candidate's cursor moved in a field (a mirror shows where)."""

    def field_mirrored(self, name: str) -> None:
        """The candidate's text of a field of the question on screen changed (a mirror)."""
        self.on_fields_changed()

    def save(self) -> None:
        if not self._dirty:
            return
        self._dirty = False
        self.port.save_answers(self.rows.values())

    def flush_notes(self) -> None:
        self._dirty = True
        self.save()

    def on_unmount(self) -> None:
        self.flush_notes()

    # -- review and navigation ---------------------------------------------------------
    def set_reviewing(self, on: bool) -> None:
        self.reviewing = on
        self.show_follow_ups()
        self.query_one("#answer-area").display = not on
        self.query_one("#review-box").display = on
        if on:
            self.query_one("#review", Review).update(self.review_content())
            self.query_one("#review-box").focus()
        self.refresh_bindings()

    def coverage(self) -> Coverage:
        return cover_answer(self.kind, self.row.fields, self.question, self.phase_ids())

    def self_check(self) -> SelfCheck:
        return SelfCheck(dict(self.row.self_check), frozenset(self.row.disputed))

    def review_content(self) -> Text:
        coverage = self.coverage()
        target = coverage.follow_up
        # The interviewer probes the first point said wrong or missed: recorded with the
        # answer, and shown beside the prompt (kept in view when going back to answer it).
        if target is not None and self.row.probed is None and self.answer_text().strip():
            self.row.probed = target.id
            self._dirty = True
            self.show_follow_ups()
        return review_text(
            self.question,
            coverage,
            self.row.ratings.get("rubric"),
            self.review_extra(),
            self.self_check(),
        )

    def review_extra(self) -> Text | None:
        """What a subclass adds to the review (before the rating and the model answer)."""
        return None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("done", "rate", "self_check", "edit") and not self.port.local_tools:
            return False  # in a pair round the interviewer judges the answer
        if action in ("previous", "next") and (self.port.read_only or not self.questions):
            return False  # a mirror follows the candidate
        if action == "rate":
            return self.reviewing
        if action == "self_check":
            return self.reviewing and bool(self.row.ratings.get("rubric"))
        if action == "edit":
            return self.reviewing
        if action == "previous":
            return self.current > 0
        if action == "next":
            return self.current < len(self.questions) - 1
        return True

    def action_done(self) -> None:
        if not self.reviewing:
            self.row.done = True
            self._dirty = True
            self.save()
            self.set_reviewing(True)
            return
        if self._offer_check():
            return
        if self.current < len(self.questions) - 1:
            self.go(self.current + 1)
        else:
            self.notify("That was the last question. Ctrl+N ends the stage.", timeout=6)

    def _offer_check(self) -> bool:
        return offer_check(self)

    def action_self_check(self) -> None:
        open_self_check(self)

    def action_edit(self) -> None:
        self.set_reviewing(False)
        self.focus_field(self.active_field)

    def action_rate(self, n: int) -> None:
        self.row.ratings["rubric"] = n
        self._dirty = True
        self.save()
        self.query_one("#review", Review).update(self.review_content())

    def go(self, index: int) -> None:
        self.save()
        self.current = index
        self.show_question()

    def action_previous(self) -> None:
        if self.current > 0:
            self.go(self.current - 1)

    def action_next(self) -> None:
        if self.current < len(self.questions) - 1:
            self.go(self.current + 1)

    def action_toggle_pause(self) -> None:
        super().action_toggle_pause()
        self.refresh_clocks()
