"""The screens before a round: the candidate's wait and the interviewer's lobby (the room
code, the ssh line, the scenario and its stages)."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Footer, OptionList, SelectionList, Static

from mockint.pair import wire
from mockint.pair.ui.base import PairScreen
from mockint.tui.widgets.marked_selection import MarkedSelectionList


class WaitScreen(PairScreen):
    def __init__(self, message: str) -> None:
        super().__init__()
        self.message = message

    def compose(self) -> ComposeResult:
        with Vertical(id="wait"):
            yield Static("mockint pair", id="wait-title")
            yield Static(self.message, id="wait-message")
            yield Static("", id="presence")
        yield Footer()

    def on_mount(self) -> None:
        self.on_presence()

    def on_presence(self) -> None:
        p = self.pair.presence
        if p:
            self.query_one("#presence", Static).update(
                "Interviewer: " + ("connected" if p.get("interviewer") else "not connected")
            )


# -- the interviewer's lobby ---------------------------------------------------------------
class LobbyScreen(PairScreen):
    HELP_TEXT = (
        "Send the candidate the ssh command shown. Pick a scenario with Up/Down and Enter, "
        "then choose its stages with Space and press F5 to open the round. Ctrl+O gives "
        "the room a new code (the old one stops working)."
    )
    BINDINGS = [Binding("f5", "open_round", "Open round", id="lobby.open")]

    def compose(self) -> ComposeResult:
        with Vertical(id="lobby"):
            yield Static("", id="room-code")
            yield Static("", id="ssh-line", markup=False)
            yield Static("", id="fingerprint-line", markup=False)
            yield Static("", id="presence")
            yield Static("Scenario (Enter picks it):", classes="label")
            yield OptionList(id="scenarios")
            yield Static("Stages (Space toggles, F5 opens the round):", classes="label")
            yield MarkedSelectionList[str](id="stages")
        yield Footer()

    def on_mount(self) -> None:
        self.on_code()
        self.scenarios = self.pair.state.get("scenarios") or []
        ol = self.query_one("#scenarios", OptionList)
        for sc in self.scenarios:
            ol.add_option(f"{sc['title']} ({sc['id']}, {len(sc['stages'])} stages)")
        self.chosen: dict[str, Any] | None = None
        if self.scenarios:
            self._choose(0)
        ol.focus()
        self.on_presence()

    def on_presence(self) -> None:
        here = self.pair.presence.get("candidate")
        self.query_one("#presence", Static).update(
            "Candidate: connected" if here else "Candidate: not connected yet"
        )

    def on_code(self) -> None:
        self.query_one("#room-code", Static).update(f"Room code: [b]{self.pair.code}[/b]")
        self.query_one("#ssh-line", Static).update(
            f"Candidate joins with: {self.pair.ssh_hint}" if self.pair.ssh_hint else ""
        )
        self.query_one("#fingerprint-line", Static).update(
            f"Host key: {self.pair.fingerprint} (their ssh shows it the first time: it must match)"
            if self.pair.fingerprint
            else ""
        )

    def _choose(self, index: int) -> None:
        self.chosen = self.scenarios[index]
        sl = self.query_one("#stages", SelectionList)
        sl.clear_options()
        for st in self.chosen["stages"]:
            sl.add_option((f"{st['title']} ({st['kind']}, {st['minutes']:g} min)", st["id"], True))
        sl.highlighted = 0

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self._choose(event.option_index)
        self.query_one("#stages", SelectionList).focus()

    def action_open_round(self) -> None:
        if self.chosen is None:
            return
        stages = list(self.query_one("#stages", SelectionList).selected)
        if not stages:
            self.notify("Choose at least one stage.", severity="warning")
            return
        self.pair.send(wire.Setup(scenario=self.chosen["id"], stages=stages))
