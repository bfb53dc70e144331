"""A pair round's behavioural stage on the solo STAR screen (mockint/tui/screens/star.py):
the STAR fields with the live STAR check, on the candidate's screen and, computed again from
the mirrored text, on the interviewer's read-only copy beside their panel (the story bank
is the solo session's own: not in a pair round)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from textual.css.query import NoMatches
from textual.widget import Widget
from textual.widgets import Label, Static, TextArea

from mockint.pair.ui.questions import InterviewerQuestions, PairQuestions
from mockint.tui.port import contained
from mockint.tui.screens.star import StarScreen
from mockint.tui.widgets.star_check import summary


class PairStar(PairQuestions, StarScreen):
    pass


class CandidateStarScreen(PairStar):
    HELP_TEXT = (
        "Tell a story in the STAR shape: Situation, Task, Action, Result, and a Reflection. "
        "The panel on the right checks the shape as you type and times each part. Tab moves "
        "to the next part. Your answer is shared live with the interviewer, read-only. The "
        "interviewer controls the clock; their follow-ups appear under the question."
    )


class InterviewerStarScreen(InterviewerQuestions, PairStar):
    def answer_widgets(self) -> Iterator[Widget]:
        # Each part's label says where the candidate's cursor is (no line above them all).
        yield from StarScreen.answer_widgets(self)

    def part_label(self, part: str) -> str:
        return f"Candidate · Q{self.current + 1} {part.capitalize()}"

    def on_fields_changed(self) -> None:
        # The mirror is narrower than the candidate's screen: the same check in a few
        # wrapped lines under the fields (pair.tcss).
        check = contained("The STAR check", summary, self.row.fields)
        self.query_one("#star-guide", Static).update(check)

    def show_mirror_label(self, cursor: tuple[int, int] | None = None) -> None:
        name = self.active_field
        with contextlib.suppress(NoMatches):
            row, col = cursor or self.query_one(f"#field-{name}", TextArea).cursor_location
            text = f"{self.part_label(name)} · line {row + 1}, col {col + 1}"
            self.query_one(f"#label-{name}", Label).update(text)
            for other in self.FIELDS:  # the others without a cursor
                if other != name:
                    self.query_one(f"#label-{other}", Label).update(self.part_label(other))
