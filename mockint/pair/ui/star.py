"""The behavioural stage in pair mode: the STAR fields with the live STAR check of the
question being answered, on the candidate's screen (under the question) and computed again
on the interviewer's mirror from the mirrored text (mockint.scoring.star does the work)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from rich.text import Text
from textual.widget import Widget
from textual.widgets import Static, TextArea

from mockint.pair.ui.base import PairScreen, contained
from mockint.pair.ui.candidate import CandidateScreen
from mockint.pair.ui.fields import field_of
from mockint.pair.ui.interviewer import InterviewerScreen
from mockint.tui.widgets.star_check import guidance, summary


class _Star(PairScreen):
    question = ""  # the question whose check is shown: the one the candidate is in

    def star_fields(self, qid: str) -> dict[str, str]:
        values = self.pair.state.get("fields", {})
        return {
            f["part"]: values.get(f["id"], {}).get("text", "")
            for f in self.pair.state["stage"]["fields"]
            if f.get("question") == qid and f.get("part")
        }

    def follow(self, fid: str) -> None:
        st = self.pair.state["stage"]
        f = next((f for f in st["fields"] if f["id"] == fid), None)
        if f is not None and f.get("question"):
            self.question = f["question"]
        elif not self.question and st["questions"]:
            self.question = st["questions"][0]["id"]
        self.update_check()

    def prefix(self) -> str:
        ids = [q["id"] for q in self.pair.state["stage"]["questions"]]
        return f"Q{ids.index(self.question) + 1} " if len(ids) > 1 and self.question in ids else ""

    def check(self) -> Text:
        return guidance(self.star_fields(self.question), title=self.prefix())

    def update_check(self) -> None:
        self.query_one("#star-check", Static).update(contained("The STAR check", self.check))


class CandidateStarScreen(_Star, CandidateScreen):
    def side(self, st: dict[str, Any]) -> Iterator[Widget]:
        yield Static("", id="star-check")

    def on_mount(self) -> None:
        super().on_mount()
        self.follow(self.pair.state.get("focus", ""))

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        super().on_text_area_changed(event)
        fid = field_of(event.text_area) or ""
        fields = self.pair.state.setdefault("fields", {})
        fields[fid] = {
            "text": event.text_area.text,
            "cursor": list(event.text_area.cursor_location),
        }
        self.follow(fid)

    def enter_field(self, fid: str) -> None:
        super().enter_field(fid)
        self.follow(fid)


class InterviewerStarScreen(_Star, InterviewerScreen):
    def mirror(self, st: dict[str, Any], fields: dict[str, Any]) -> Iterator[Widget]:
        yield Static("", id="star-check", classes="mirror-check")
        yield from super().mirror(st, fields)

    def check(self) -> Text:
        # The mirror is narrower than the candidate's side panel: the same check, wrapped.
        return summary(self.star_fields(self.question), title=self.prefix())

    def on_mount(self) -> None:
        super().on_mount()
        self.question = ""
        self.follow(self.pair.state.get("focus", ""))

    def on_field(self, fid: str) -> None:
        super().on_field(fid)
        self.follow(fid)

    def on_focus(self, fid: str) -> None:
        super().on_focus(fid)
        self.follow(fid)
