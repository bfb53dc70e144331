"""The candidate's fields as widgets: the editable area of each plan field and its read-only
mirror on the interviewer's screen."""

from __future__ import annotations

from typing import Any

from mockint.tui.widgets.changed_lines import ChangedLinesArea
from mockint.tui.widgets.text_sync import place_cursor, set_text


def widget_id(field_id: str) -> str:
    return "f-" + "".join(c if c.isalnum() else "-" for c in field_id)


class AnswerArea(ChangedLinesArea):
    """One of the candidate's text fields, knowing the plan field it edits."""

    field_id = ""


def field_of(widget: object) -> str | None:
    """The plan field a widget edits or mirrors; None for any other widget."""
    if isinstance(widget, (AnswerArea, MirrorArea)):
        return widget.field_id
    return None


def answer_area(f: dict[str, Any], fields: dict[str, Any], classes: str = "answer") -> AnswerArea:
    """The candidate's editable area for one plan field."""
    text = fields.get(f["id"], {"text": f.get("initial", "")})["text"]
    ta = AnswerArea(
        text,
        id=widget_id(f["id"]),
        soft_wrap=f["kind"] != "scratchpad",
        tab_behavior="focus",
        classes=classes,
    )
    ta.field_id = f["id"]
    return ta


class MirrorArea(ChangedLinesArea):
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
        id=widget_id(f["id"]),
        read_only=True,
        soft_wrap=f["kind"] not in ("code", "scratchpad"),
        show_line_numbers=f["kind"] == "code",
        classes=classes,
    )
    ta.can_focus = False
    ta.field_id = f["id"]
    ta.label = f["label"]
    return ta
