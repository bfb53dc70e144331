"""A talking stage in pair mode (phone screen, deep dive, hiring manager), run as a real
interview: the interviewer asks one question at a time from their guide and the candidate
sees only the questions asked, the current one on top, with an answer field each.

The hub decides what the candidate's process receives: a question not yet asked is never in
its messages (mockint.pair.views.candidate_plan), so these screens only show what came.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.css.query import NoMatches
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Markdown, OptionList, Static, TextArea

from mockint.pair import wire
from mockint.pair.ui.base import KIND_NAMES
from mockint.pair.ui.candidate import CandidateScreen
from mockint.pair.ui.fields import answer_area, field_label, widget_id
from mockint.pair.ui.interviewer import InterviewerScreen

WAITING = "Waiting for the interviewer's first question."


def asked_prompt(st: dict[str, Any]) -> str:
    """The questions asked so far as the candidate sees them, the current one first."""
    qs = st["questions"]
    if not qs:
        return WAITING
    now, *before = qs
    parts = [f"**Now · Q{now['n']}.** {now['prompt']}"]
    if before:
        parts.append("Asked before:")
        parts += [f"**Q{q['n']}.** {q['prompt']}" for q in before]
    return "\n\n".join(parts)


class CandidateTalkScreen(CandidateScreen):
    HELP_TEXT = (
        "The interviewer asks one question at a time: the current one is on top, with its "
        "answer field. Your answers are shared live with the interviewer, read-only. Tab "
        "moves between fields. Follow-ups the interviewer sends appear below."
    )

    def _prompt(self, st: dict[str, Any]) -> str:
        return asked_prompt(st)

    def workspace(self, st: dict[str, Any], fields: dict[str, Any]) -> Iterator[Widget]:
        from textual.containers import VerticalScroll

        with VerticalScroll(id="fields"):
            for f in st["fields"]:
                yield Static(
                    field_label(f),
                    id="lbl-" + widget_id(f["id"]),
                    classes="field-label",
                    markup=False,
                )
                yield answer_area(f, fields)

    def on_asked(self, question: dict[str, Any]) -> None:
        st = self.pair.state["stage"]
        self.query_one("#prompt", Markdown).update(self._prompt(st))
        f = st["fields"][0]
        box = self.query_one("#fields")
        try:
            area = self.query_one("#" + widget_id(f["id"]), TextArea)
            label = self.query_one("#lbl-" + widget_id(f["id"]), Static)
            box.move_child(label, before=0)
            box.move_child(area, after=label)
        except NoMatches:
            area = answer_area(f, self.pair.state.get("fields", {}))
            label = Static(
                field_label(f), id="lbl-" + widget_id(f["id"]), classes="field-label", markup=False
            )
            box.mount(label, area, before=0)
        self.call_after_refresh(self.set_focus, area)
        box.scroll_home(animate=False)
        self.notify(question["prompt"], title="New question", timeout=8, markup=False)


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


class InterviewerTalkScreen(InterviewerScreen):
    HELP_TEXT = (
        "F5 asks one of the stage's questions (the candidate sees only the questions you "
        "asked, the current one on top). F3 sends the current question's next follow-up, F4 "
        "types one. Left: the candidate's answers, live. Right: your private notes and the "
        "guide. F2 starts or pauses the clock, F6 adds 5 minutes, Ctrl+N ends the stage, F7 "
        "opens the rubric."
    )
    BINDINGS = [Binding("f5", "ask", "Ask", id="int.ask", priority=True)]

    def _guide(self, st: dict[str, Any]) -> str:
        return guide_text(st, self.pair.state.get("asked", []))

    def on_mount(self) -> None:  # Textual runs InterviewerScreen.on_mount too
        self._show_current()

    def on_asked(self, question: dict[str, Any]) -> None:
        self._show_current()

    def _show_current(self) -> None:
        """Mark the asked questions in the guide and scroll it so the current one is on its
        first line: a stage's guide is screens long, and the current question is the one
        the interviewer reads."""
        text = self._guide(self.pair.state["stage"])
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
        """The current question's next follow-up not sent yet."""
        st = self.pair.state["stage"]
        asked = self.pair.state.get("asked", [])
        if not asked:
            self.notify("Ask a question first (F5).", severity="warning")
            return
        sent = {p["text"] for p in self.pair.state.get("pushes", [])}
        # The scorer's probe of the current answer first (a point missed or said wrong).
        self._focus_q, self._changed = asked[-1], True
        self._suggest()
        if self._probe and self._probe[0] not in sent:
            self.pair.send(wire.PushRequest(kind="follow_up", text=self._probe[0]))
            return
        info = st.get("private", {}).get("questions", {}).get(asked[-1], {})
        for fu in info.get("follow_ups", []):
            if fu["text"] not in sent:
                self.pair.send(wire.PushRequest(kind=fu["kind"], text=fu["text"]))
                return
        self.notify("No prepared follow-up left for this question; F4 types one.")
