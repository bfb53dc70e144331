"""A pair round's talking stage (phone screen, deep dive, hiring manager) on the solo
question screen (mockint/tui/screens/talk.py), over the hub (mockint/pair/remote_session.py),
run as a real interview: the interviewer asks one question at a time from their guide.

The candidate's is the solo screen showing the questions asked so far, the current one on
top, an answer each; the hub never sends the text of a question not yet asked
(mockint.pair.views.candidate_plan), and this process never loads the bank. The
interviewer's is the same screen read-only, following the candidate, beside their panel."""

from __future__ import annotations

import contextlib
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.css.query import NoMatches
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static

from mockint.pair import wire
from mockint.pair.ui.base import KIND_NAMES
from mockint.pair.ui.probe import ScorerProbe
from mockint.pair.ui.questions import InterviewerQuestions, PairQuestions


class CandidateTalkScreen(PairQuestions):
    HELP_TEXT = (
        "The interviewer asks one question at a time: the current one is on top, with your "
        "answer field. Your answers are shared live with the interviewer, read-only. F3 and "
        "F4 go back to a question asked before and forward again. Follow-ups the interviewer "
        "sends appear under the question. The interviewer controls the clock."
    )


class AskDialog(ModalScreen[str | None]):
    """The stage's questions; Enter asks the highlighted one."""

    BINDINGS = [Binding("escape", "close", "Close")]

    def __init__(self, questions: list[dict[str, Any]], asked: list[str]) -> None:
        super().__init__()
        self.questions, self.asked = questions, asked

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static("Ask which question? (Enter asks, Esc closes)", markup=False)
            ol = OptionList(id="ask-list")
            current = self.asked[-1] if self.asked else None
            for n, q in enumerate(self.questions, 1):
                mark = "▶ " if q["id"] == current else "✓ " if q["id"] in self.asked else "  "
                ol.add_option(f"{mark}Q{n}. {q['prompt']}")
            yield ol

    def on_mount(self) -> None:
        ol = self.query_one("#ask-list", OptionList)
        todo = [i for i, q in enumerate(self.questions) if q["id"] not in self.asked]
        ol.highlighted = todo[0] if todo else 0
        ol.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.questions[event.option_index]["id"])

    def action_close(self) -> None:
        self.dismiss(None)


def guide_text(st: dict[str, Any], asked: list[str]) -> str:
    """Every question of the stage with what the interviewer needs to run it: key points,
    what to look for and follow-ups; the asked ones marked, the current one with ▶."""
    priv = st.get("private", {}).get("questions", {})
    current = asked[-1] if asked else None
    lines = ["F5 asks a question · F3 sends the current one's next follow-up"]
    for n, q in enumerate(st["questions"], 1):
        info = priv.get(q["id"], {})
        mark = "▶" if q["id"] == current else "✓" if q["id"] in asked else "·"
        lines += ["", f"{mark} Q{n}. {q['prompt']}"]
        lines += ["  Key points:"] + [f"    · {kp}" for kp in info.get("key_points", [])]
        if info.get("look_for"):
            lines += ["  Look for:"] + [f"    · {x}" for x in info["look_for"]]
        for fu in info.get("follow_ups", []):
            lines.append(f"  {KIND_NAMES.get(fu['kind'], fu['kind'])}: {fu['text']}")
    return "\n".join(lines)


class InterviewerTalkScreen(InterviewerQuestions):
    HELP_TEXT = (
        "F5 asks one of the stage's questions (the candidate sees only the questions you "
        "asked, the current one on top). F3 sends the current question's next follow-up (the "
        "scorer's probe of the answer first), F4 types one. Left: the candidate's screen, "
        "live. Right: your private notes and the guide. F2 starts or pauses the clock, F6 "
        "adds 5 minutes, Ctrl+N ends the stage, F7 opens the rubric."
    )
    BINDINGS = [
        *ScorerProbe.BINDINGS,
        Binding("f5", "ask", "Ask", id="int.ask", priority=True),
    ]

    def on_mount(self) -> None:
        self._show_current()

    def on_asked(self, question: dict[str, Any]) -> None:
        super().on_asked(question)
        self._show_current()

    def _show_current(self) -> None:
        """Mark the asked questions in the guide and scroll it so the current one is on its
        first line: a stage's guide is screens long, and the current question is the one
        the interviewer reads."""
        text = guide_text(self.pair.state["stage"], self.pair.state.get("asked", []))
        with contextlib.suppress(NoMatches):
            self.query_one("#guide", Static).update(text)
        if "\n▶ " in text:
            self.call_after_refresh(self._scroll_guide_to, text.split("\n▶ ", 1)[0])

    def _scroll_guide_to(self, head: str) -> None:
        with contextlib.suppress(NoMatches):
            width = self.query_one("#guide", Static).content_region.width
            if width > 0:  # rows above the current question, wrapped as the guide wraps
                rows = len(Text(head).wrap(self.app.console, width))
                self.query_one("#guide-box", VerticalScroll).scroll_to(y=rows, animate=False)

    def action_ask(self) -> None:
        st = self.pair.state["stage"]

        def chosen(qid: str | None) -> None:
            if qid:
                self.pair.send(wire.Ask(question=qid))

        self.app.push_screen(AskDialog(st["questions"], self.pair.state.get("asked", [])), chosen)

    def action_push_next(self) -> None:
        """The scorer's probe of the current answer, else its next prepared follow-up."""
        asked = self.pair.state.get("asked", [])
        if not asked:
            self.notify("Ask a question first (F5).", severity="warning")
            return
        self._focus_q = asked[-1]
        if not self.push_follow_up(self.follow_ups_of(asked[-1])):
            self.notify("No prepared follow-up left for this question; F4 types one.")
