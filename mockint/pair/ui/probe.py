"""The scorer on the interviewer's side of a question stage (mockint.pair.detect): the probe
of the candidate's live answer as the suggested push that F3 sends first, and the detection
per key point that the rubric dialog shows."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from textual.widgets import Static

from mockint.pair import wire
from mockint.pair.detect import detection_lines, question_of, stage_questions, suggestion
from mockint.pair.ui.panel import InterviewerPanel
from mockint.scenario.bank import Question


class ScorerProbe(InterviewerPanel):
    """A mixin for the interviewer's screens of a question stage; `_suggest` runs on a timer
    (SUGGEST_S) and does its work only when the candidate's text or place changed."""

    _probe: tuple[str, str] | None = None
    _focus_q: str | None = None
    _changed = True
    _bank: tuple[int, dict[str, Question]] | None = None

    def bank_questions(self) -> dict[str, Question]:
        st = self.pair.state["stage"]
        if self._bank is None or self._bank[0] != st["index"]:
            self._bank = (st["index"], stage_questions(st) if st["questions"] else {})
        return self._bank[1]

    def answer_moved(self, fid: str | None = None) -> None:
        """The candidate typed, or went to another field (`fid`): the probe is due again."""
        self._changed = True
        if fid is not None:
            self._focus_q = question_of(fid) or self._focus_q

    def _suggest(self) -> None:
        st = self.pair.state.get("stage")
        # The timer can fire after a state without a stage (the round ended) arrived and
        # before this screen is replaced: nothing to probe then.
        if not self._changed or st is None:
            return
        self._changed = False
        fields = self.pair.state.get("fields", {})
        self._probe = suggestion(st, self.bank_questions(), fields, self._focus_q)
        text = f"Suggested push (F3): {self._probe[0]}  [{self._probe[1]}]" if self._probe else ""
        suggest = self.query_one("#suggest", Static)
        suggest.update(text)
        suggest.display = bool(text)

    def push_follow_up(self, follow_ups: Iterable[dict[str, Any]]) -> bool:
        """F3 in a question stage: the scorer's probe of the answer now (a point missed or
        said wrong), else the first of `follow_ups` not sent yet; False if none is left."""
        sent = {p["text"] for p in self.pair.state.get("pushes", [])}
        self._changed = True
        self._suggest()
        if self._probe and self._probe[0] not in sent:
            self.pair.send(wire.PushRequest(kind="follow_up", text=self._probe[0]))
            return True
        for fu in follow_ups:
            if fu["text"] not in sent:
                self.pair.send(wire.PushRequest(kind=fu["kind"], text=fu["text"]))
                return True
        return False

    def follow_ups_of(self, qid: str) -> list[dict[str, Any]]:
        st = self.pair.state.get("stage") or {}
        info = st.get("private", {}).get("questions", {}).get(qid, {})
        return list(info.get("follow_ups", []))

    def rubric_found(self) -> list[str]:
        st, fields = self.pair.state.get("stage"), self.pair.state.get("fields", {})
        return detection_lines(st, self.bank_questions(), fields) if st and st["questions"] else []
