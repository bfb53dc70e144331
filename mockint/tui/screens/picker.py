"""Pick a scenario; returns its id, or None when cancelled."""

from __future__ import annotations

from collections.abc import Iterator

from textual.binding import Binding
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from mockint.scenario.errors import ScenarioError
from mockint.scenario.model import Scenario, format_minutes
from mockint.tui.screens.base import BaseModal


class ScenarioPicker(BaseModal[str | None]):
    HELP_TITLE = "pick a scenario"
    HELP_TEXT = "Bundled scenarios and the ones in your data directory's scenarios/ folder."
    BINDINGS = [Binding("escape", "cancel", "Back", id="picker.back")]

    def __init__(self, scenarios: list[Scenario], errors: list[ScenarioError]) -> None:
        super().__init__()
        self.scenarios = scenarios
        self.errors = errors

    def body(self) -> Iterator[Widget]:
        with Vertical(id="dialog"):
            yield Static("[b]Pick a scenario[/b]")
            options = [
                Option(
                    f"{sc.title}  [dim]{sc.id} · {len(sc.stages)} stages · "
                    f"{format_minutes(sc.total_minutes)}"
                    + (f"\n  {sc.profile}" if sc.profile else "")
                    + "[/dim]",
                    id=sc.id,
                )
                for sc in self.scenarios
            ]
            yield OptionList(*options, id="scenarios")
            for err in self.errors:
                yield Static("skipped: " + str(err), classes="error", markup=False)
        yield Footer()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
