"""A pair round's coding stage on the solo coding screen (mockint/tui/screens/coding.py),
over the hub (mockint/pair/remote_session.py): the candidate's is the solo screen with its
features (runs with per-test detail, F6 complexity claim, reset, the discussion after an
accepted submit); the interviewer's is the same screen read-only, mirroring the candidate's,
beside the interviewer's own panel."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, cast

from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Footer, Static

from mockint.pair.remote_session import RemoteSession
from mockint.pair.ui.panel import PANEL_HELP, InterviewerPanel
from mockint.tui.screens.coding import CodingScreen
from mockint.tui.widgets.code_editor import CodeEditor
from mockint.tui.widgets.results import Results

if TYPE_CHECKING:
    from mockint.pair.app import PairApp


class PairCoding(CodingScreen):
    """The hooks PairApp calls with what the hub sent, handed to the port."""

    state_key: tuple[Any, ...] = ()

    def __init__(self, app: PairApp) -> None:
        port = RemoteSession(app)
        super().__init__(port, list(port.problems()))
        self.remote = port

    @property
    def pair(self) -> PairApp:
        # Every pair screen runs in PairApp; the cast keeps app.py out of these imports.
        return cast("PairApp", self.app)

    def mounted(self) -> None:
        # Each problem's last finished run, as the room has it (a reconnect shows it again).
        for slug, view in (self.pair.state.get("results") or {}).items():
            if view.get("state") == "done" and "headline" in view:
                self.shown[slug] = (view["headline"], list(view["tests"]), view.get("advice", ""))
        results = self.shown.get(self.problem.slug)
        if results is not None:
            self.query_one(Results).show(results)
        # What changed while the screen was being built (the text it was built with is older).
        for fid in self.pair.state.get("fields") or {}:
            self.on_field(fid)

    def update_state(self) -> None:
        self.refresh_clock()
        self._show_hints()

    def on_field(self, fid: str) -> None:
        self.remote.field_changed(fid)

    def on_push(self, push: dict[str, Any]) -> None:
        self.remote.pushed(push)

    def on_result(self, view: dict[str, Any]) -> None:
        self.remote.result(view)

    def on_stage_event(self, kind: str, data: dict[str, Any]) -> None:
        self.remote.stage_event(kind, data)


class CandidateCodingScreen(PairCoding):
    HELP_TEXT = (
        "Your code is shared live with the interviewer, read-only. Ctrl+R runs the visible "
        "tests and Ctrl+S submits; the tests' rows show each input, expected and got. F6 "
        "states the time and space complexity; F5 resets the code (Ctrl+Z undoes it); F4 "
        "moves to the next problem. After an accepted submit the discussion and the "
        "reference solution appear below the statement. The interviewer controls the clock; "
        "their hints appear under the statement."
    )


class MirrorEditor(CodeEditor):
    """The candidate's code, read-only, drawing their cursor though it never has the focus."""

    @property
    def _draw_cursor(self) -> bool:
        return True


class InterviewerCodingScreen(PairCoding, InterviewerPanel):
    # PairCoding first: Textual's CSS type names follow the first base (CodingScreen rules
    # apply); the panel's keys are this class's own, so they win over the coding screen's.
    BINDINGS = InterviewerPanel.BINDINGS
    AUTO_FOCUS = "#notes"
    HELP_TEXT = "Left: the candidate's coding screen, live and read-only. Right: " + PANEL_HELP

    def body(self) -> Iterator[Widget]:
        with Horizontal(id="pair-coding"):
            yield from self.coding_body()
            yield from self.panel_column()
        yield Footer()

    def editor_pane(self, code: str) -> Iterator[Widget]:
        with Vertical(id="mirror-pane"):
            yield Static("", id="mirror-label", classes="mirror-label", markup=False)
            editor = MirrorEditor(code, id="editor", read_only=True)
            editor.can_focus = False
            yield editor

    def mounted(self) -> None:
        super().mounted()
        self.show_panel()
        self.mirror_moved(self.editor.cursor_location)

    def mirror_moved(self, cursor: tuple[int, int]) -> None:
        row, col = cursor
        text = f"Candidate · {self.problem.title} · line {row + 1}, col {col + 1}"
        time_claim, space_claim = self._claims_logged.get(self.problem.slug, ("", ""))
        if time_claim or space_claim:
            text += f" · claims time {time_claim or '?'}, space {space_claim or '?'}"
        # One line whatever it says: no layout pass on every key.
        self.query_one("#mirror-label", Static).update(text, layout=False)

    def action_wide_statement(self) -> None:
        super().action_wide_statement()
        if not self.has_class("-wide-statement"):
            self.query_one("#notes").focus()  # back to the interviewer's own notes

    def update_state(self) -> None:
        super().update_state()
        self._show_pushes()

    def on_push(self, push: dict[str, Any]) -> None:
        self._show_pushes()
        self.remote.pushed(push)

    def pushed_problem(self) -> str | None:
        return self.problem.slug
