"""The pair screens' dialogs: a yes/no question, a typed push, the private rubric and the
help."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from mockint.pair import wire

if TYPE_CHECKING:
    from mockint.pair.app import PairApp


class Ask(ModalScreen[bool]):
    BINDINGS = [
        Binding("y,enter", "answer(True)", "Yes"),
        Binding("n,escape", "answer(False)", "No"),
    ]

    def __init__(self, question: str, detail: str) -> None:
        super().__init__()
        self.question, self.detail = question, detail

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(self.question, markup=False)
            yield Static(self.detail, markup=False)

    def action_answer(self, value: bool) -> None:
        self.dismiss(value)


class TypePush(ModalScreen[str | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel")]
    AUTO_FOCUS = "Input"

    def compose(self) -> ComposeResult:
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
        self, dimensions: list[dict[str, str]], pair: PairApp, detected: list[str] | None = None
    ) -> None:
        super().__init__()
        self.dimensions = dimensions
        self.pair_app = pair
        self.detected = detected or []

    def compose(self) -> ComposeResult:
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


class PairHelp(ModalScreen[None]):
    BINDINGS = [Binding("escape,f1,q", "close", "Close")]

    def __init__(self, role: str, text: str) -> None:
        super().__init__()
        self.role, self.text = role, text

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(f"Pair practice · you are the {self.role}", markup=False)
            yield Static(self.text, markup=False)
            yield Static("Ctrl+Q leaves the room (come back with the same ssh command).")

    def action_close(self) -> None:
        self.dismiss(None)
