"""The end of a round: feedback on the other side, the vote to swap roles and the line that
takes the round home."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Footer, Input, Static

from mockint.pair import wire
from mockint.pair.ui.base import PairScreen


class FeedbackScreen(PairScreen):
    HELP_TEXT = (
        "Rate the other side from 1 to 4 and add a line; each of you sees the other's "
        "feedback once both have sent theirs. F9 asks to swap roles for the next round."
    )
    BINDINGS = [Binding("f9", "swap", "Swap roles", id="fb.swap", priority=True)]

    def compose(self) -> ComposeResult:
        role = self.pair.role
        other = "the interviewer" if role == "candidate" else "the candidate"
        with Vertical(id="feedback"):
            yield Static(f"The round has ended. Your feedback on {other}:", id="fb-title")
            yield Static("Rating (1-4):")
            yield Input(id="fb-rating", restrict="[1-4]", max_length=1)
            yield Static("One line (Enter sends):")
            yield Input(id="fb-text", max_length=500)
            yield Static("", id="fb-status", markup=False)
            yield Static("", id="fb-theirs", markup=False)
            yield Static("", id="fb-swap", markup=False)
            yield Static("", id="fb-export", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#fb-rating", Input).focus()
        self.update_state()

    def update_state(self) -> None:
        s = self.pair.state
        mine, theirs = s.get("feedback_mine"), s.get("feedback_theirs")
        self.query_one("#fb-status", Static).update(
            f"Sent: {mine['rating']}/4 {mine['text']}" if mine else "Not sent yet."
        )
        if theirs:
            text = f"Their feedback: {theirs['rating']}/4 {theirs['text']}"
        elif mine:
            text = "Their feedback appears once they have sent it."
        else:
            text = ""
        self.query_one("#fb-theirs", Static).update(text)
        votes = s.get("swap_votes") or []
        self.query_one("#fb-swap", Static).update(
            f"Swap roles: {', '.join(votes)} agreed (F9)" if votes else "F9: swap roles"
        )
        line = s.get("export")
        self.query_one("#fb-export", Static).update(
            "Take this round home (your view; one use, within 24 hours), then "
            f"`mockint import round.json` on your machine:\n{line}"
            if line
            else ""
        )

    def on_input_submitted(self, event: Input.Submitted) -> None:
        rating = self.query_one("#fb-rating", Input).value
        if not rating:
            self.query_one("#fb-rating", Input).focus()
            return
        text = self.query_one("#fb-text", Input).value
        self.pair.send(wire.FeedbackSend(rating=int(rating), text=text))

    def action_swap(self) -> None:
        self.pair.send(wire.Swap(agree=True))
