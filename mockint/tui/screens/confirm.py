"""A yes/no question that returns its answer with dismiss()."""

from __future__ import annotations

from collections.abc import Iterator

from textual.binding import Binding
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Footer, Static

from mockint.tui.screens.base import BaseModal


class Confirm(BaseModal[bool]):
    BINDINGS = [
        Binding("y,enter", "answer(True)", "Yes", id="confirm.yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm.no"),
    ]

    def __init__(self, question: str, detail: str = "") -> None:
        super().__init__()
        self.question = question
        self.detail = detail

    def body(self) -> Iterator[Widget]:
        with Vertical(id="dialog"):
            yield Static(self.question, id="question")
            if self.detail:
                yield Static(self.detail, id="detail")
            yield Static("[b]y[/b] / Enter: yes    [b]n[/b] / Esc: no", id="hint")
        yield Footer()

    def action_answer(self, value: bool) -> None:
        self.dismiss(value)
