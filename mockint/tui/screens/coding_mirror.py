"""What the coding screen does with what happened elsewhere in a pair round (the port's
updates, mockint/tui/port.py): on the interviewer's read-only mirror the candidate's code,
cursor, problem, claim, runs and discussion; on the candidate's, the interviewer's pushes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets import Input

from mockint.tui.port import FieldChanged, PortUpdate, Pushed, Revealing, RunBegun, ScreenEvent
from mockint.tui.widgets.results import Results
from mockint.tui.widgets.text_sync import place_cursor, set_text

if TYPE_CHECKING:
    from mockint.tui.screens.coding import CodingScreen


def apply_update(screen: CodingScreen, update: PortUpdate) -> None:
    match update:
        case FieldChanged():
            mirror_field(screen, update)
        case ScreenEvent(kind="problem_opened"):
            index = int(update.data.get("index", 0))
            if 0 <= index < len(screen.problems) and index != screen.current:
                screen.shown[screen.problem.slug] = screen.query_one(Results).shown()
                screen.current = index
                screen._show_problem()
        case ScreenEvent(kind="complexity_claimed"):
            slug = str(update.data.get("problem", ""))
            claim = (str(update.data.get("time", "")), str(update.data.get("space", "")))
            screen.claims[slug] = screen._claims_logged[slug] = claim
            if slug == screen.problem.slug:
                screen.query_one("#claim-time", Input).value = claim[0]
                screen.query_one("#claim-space", Input).value = claim[1]
                screen.mirror_moved(screen.editor.cursor_location)
        case ScreenEvent(kind="solution_viewed"):
            if update.data.get("problem") == screen.problem.slug:
                screen.reveal(bool(update.data.get("before_solving")))
        case RunBegun():
            screen.follow_run(update.handle)
        case Pushed():
            screen._show_hints()
            # The new line in view, once it is laid out: scrolled at once, the box sometimes
            # stopped at its old end with the hint out of sight (2 runs in 7 of a pair test).
            box = screen.query_one("#statement-box")
            screen.call_after_refresh(box.scroll_end, animate=False)
            if not screen.port.read_only:
                screen.notify(update.text, title=update.kind, timeout=8, markup=False)
        case Revealing():
            screen._show_discussion()


def mirror_field(screen: CodingScreen, update: FieldChanged) -> None:
    """The candidate's code as they type it, with their cursor where it is."""
    kind, _, slug = update.field.partition(":")
    if kind != "code" or not screen.port.read_only:
        return
    screen.codes[slug] = update.text
    screen.cursors[slug] = update.cursor
    if slug != screen.problem.slug:
        return
    editor = screen.editor
    set_text(editor, update.text)  # an edit, not a new document: cheap on every key
    place_cursor(editor, update.cursor)
    screen.mirror_moved(editor.cursor_location)
