"""A pair round's system design stage on the solo design screen
(mockint/tui/screens/design.py): the phases with their timers, notes per phase and the
capacity scratchpad evaluated as it is typed. The candidate's is the solo screen (Tab moves
to the next phase); the interviewer's is the same screen read-only, showing the phase the
candidate is in (F8 looks at another until the candidate moves), beside their panel."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.binding import Binding

from mockint.pair.ui.probe import ScorerProbe
from mockint.pair.ui.questions import InterviewerQuestions, PairQuestions
from mockint.tui.screens.design import DesignScreen

if TYPE_CHECKING:
    from mockint.pair.app import PairApp


class PairDesign(PairQuestions, DesignScreen):
    def screen_args(self, app: PairApp) -> dict[str, Any]:
        phases = app.state["stage"].get("phases") or []
        return {
            "phases": [
                (p["id"], p["title"], float(p["min_minutes"]), float(p["max_minutes"]))
                for p in phases
            ]
        }

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "show" and parameters == ("components",):
            return False  # no checklist in a pair round: the interviewer listens for parts
        return super().check_action(action, parameters)

    def sections(self) -> list[str]:
        return [p[0] for p in self.phases] + ["scratchpad"]


class CandidateDesignScreen(PairDesign):
    HELP_TEXT = (
        "Work through the phases in order; each has its own timer. Tab or F4 moves to the "
        "next phase, Shift+Tab or F3 to the previous, F5 opens the capacity scratchpad "
        "(lines like `qps = 100M * 20 / day` are evaluated as you type). Your notes are "
        "shared live with the interviewer, read-only. The interviewer controls the clock; "
        "their follow-ups appear under the question."
    )

    def move_field(self, forward: bool) -> bool:
        """Tab (PairApp): the next section, at once (the next key of a burst lands there)."""
        ids = self.sections()
        i = ids.index(self.active_field) if self.active_field in ids else 0
        self.action_show(ids[max(0, min(len(ids) - 1, i + (1 if forward else -1)))])
        return True


class InterviewerDesignScreen(InterviewerQuestions, PairDesign):
    HELP_TEXT = InterviewerQuestions.HELP_TEXT + (
        " The mirror shows the phase the candidate is in, with the words written in each "
        "phase; F8 shows the next one instead, until the candidate moves to another phase."
    )
    BINDINGS = [
        *ScorerProbe.BINDINGS,
        Binding("f8", "browse", "Next phase", id="int.design.browse", priority=True),
    ]
    browsing = False

    def focus_field(self, name: str) -> None:
        """The mirror shows the section the candidate is in."""
        self.browsing = False
        super().focus_field(name)
        self.show_mirror_label()

    def action_browse(self) -> None:
        ids = self.sections()
        i = ids.index(self.active_field) if self.active_field in ids else -1
        self.action_show(ids[(i + 1) % len(ids)])
        self.browsing = True
        self.show_mirror_label()

    def mirror_label(self, name: str) -> str:
        title = next((p[1] for p in self.phases if p[0] == name), "Capacity scratchpad")
        return title + (" · you are browsing (F8)" if self.browsing else "")

    def field_mirrored(self, name: str) -> None:
        super().field_mirrored(name)
        self.answer_moved()
