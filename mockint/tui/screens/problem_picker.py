"""Pick a coding problem for `mockint practice`; returns its slug, or None."""

from __future__ import annotations

from collections.abc import Iterator

from textual.binding import Binding
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from mockint.grading.problems import Problem
from mockint.tui.screens.base import BaseModal


class ProblemPicker(BaseModal[str | None]):
    HELP_TITLE = "pick a problem"
    HELP_TEXT = "Every bundled coding problem, with its difficulty and topics."
    BINDINGS = [Binding("escape", "cancel", "Back", id="problems.back")]

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__()
        self.problems = problems

    def body(self) -> Iterator[Widget]:
        with Vertical(id="dialog"):
            yield Static("[b]Pick a problem to practise[/b]")
            yield OptionList(
                *[
                    Option(
                        f"{p.title}  [dim]{p.difficulty} · {', '.join(p.topics)}[/dim]", id=p.slug
                    )
                    for p in self.problems
                ],
                id="problem-list",
            )
        yield Footer()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
