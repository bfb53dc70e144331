"""What a question stage's screen (talking, behavioural, design) does with what happened
elsewhere in a pair round (the port's updates, mockint/tui/port.py): on the candidate's, the
questions the interviewer asks and their pushes; on the interviewer's read-only mirror, the
candidate's text, cursor and the question or field they are in. And the self-check that a
solo answer's review offers."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets import TextArea

from mockint.scoring.self_check import SelfCheck
from mockint.store.answers import AnswerRow
from mockint.tui.port import (
    FieldChanged,
    FocusMoved,
    PortUpdate,
    Pushed,
    QuestionsAsked,
    field_question,
)
from mockint.tui.widgets.text_sync import place_cursor, set_text

if TYPE_CHECKING:
    from mockint.tui.screens.talk import TalkScreen


WAITING = "Waiting for the interviewer's first question."


def prompt_text(screen: TalkScreen) -> str:
    """The question; in a pair round the questions asked before it too, the current one (the
    interviewer's last) said to be the one now."""
    if not screen.questions:
        return WAITING
    q = screen.question
    if not screen.port.asked_live:
        return q.prompt
    if q.id != screen.asked_now:
        return f"Q{screen.current + 1}. {q.prompt}"
    before = [(n, p) for n, p in enumerate(screen.questions, 1) if p.id != q.id]
    lines = [f"Now · Q{screen.current + 1}. {q.prompt}"]
    if before:
        lines += ["", "Asked before:"] + [f"Q{n}. {p.prompt}" for n, p in reversed(before)]
    return "\n".join(lines)


def apply_update(screen: TalkScreen, update: PortUpdate) -> None:
    match update:
        case QuestionsAsked():
            questions_asked(screen, update)
        case Pushed():
            screen.show_follow_ups()
            screen.notify(update.text, title=f"Interviewer: {update.kind.lower()}", timeout=12)
        case FieldChanged():
            field_changed(screen, update)
        case FocusMoved():
            where = field_question(update.field)
            ids = [q.id for q in screen.questions]
            if where is not None and where[0] in ids:
                if ids.index(where[0]) != screen.current:
                    screen.go(ids.index(where[0]))
                screen.focus_field(where[1])


def questions_asked(screen: TalkScreen, asked: QuestionsAsked) -> None:
    """The interviewer asked a question: it is the current one, on top."""
    screen.save()
    screen.questions, screen.asked_now = list(asked.questions), asked.current
    ids = [q.id for q in screen.questions]
    if asked.current not in ids:
        return
    screen.current = ids.index(asked.current)
    screen.active_field = screen.FIELDS[0]
    screen.show_question()
    screen.query_one("#prompt-box").scroll_home(animate=False)
    if not screen.port.read_only:
        screen.notify(screen.question.prompt, title="New question", timeout=8, markup=False)


def field_changed(screen: TalkScreen, change: FieldChanged) -> None:
    """The candidate's text of a field (on the interviewer's read-only mirror)."""
    where = field_question(change.field)
    if where is None or where[1] not in screen.FIELDS:
        return
    qid, name = where
    row = screen.rows.get(qid)
    if row is None:
        n = next((i for i, q in enumerate(screen.questions) if q.id == qid), 0)
        row = screen.rows[qid] = AnswerRow(screen.index, qid, n)
    row.fields[name] = change.text
    if screen.questions and qid == screen.question.id:
        area = screen.query_one(f"#field-{name}", TextArea)
        set_text(area, change.text)  # an edit, not a new document: cheap on every key
        place_cursor(area, change.cursor)
        screen.mirror_moved(name, area.cursor_location)
        screen.field_mirrored(name)


# -- the self-check (solo) -------------------------------------------------------------
def offer_check(screen: TalkScreen) -> bool:
    """Once per question, moving on after the model answer opens the self-check."""
    q, row = screen.question, screen.row
    if (
        not row.ratings.get("rubric")
        or not q.key_points
        or not screen.self_check().empty
        or q.id in screen._check_offered
    ):
        return False
    open_self_check(screen)
    return True


def open_self_check(screen: TalkScreen) -> None:
    from mockint.tui.screens.self_check import SelfCheckScreen
    from mockint.tui.widgets.review import Review

    screen._check_offered.add(screen.question.id)
    row = screen.row

    def done(check: SelfCheck | None) -> None:
        if check is None:
            return
        row.self_check = dict(check.marks)
        row.disputed = sorted(check.disputed)
        screen._dirty = True
        screen.save()
        if screen.reviewing and row is screen.row:
            screen.query_one("#review", Review).update(screen.review_content())

    screen.app.push_screen(
        SelfCheckScreen(screen.question.outline, screen.coverage(), screen.self_check()), done
    )
