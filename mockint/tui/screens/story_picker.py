"""Pick a saved story; stories that share the question's competencies come first."""

from __future__ import annotations

from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from mockint.store.answers import Story
from mockint.tui.screens.base import BaseModal


class StoryPicker(BaseModal[Story | None]):
    HELP_TITLE = "story bank"
    BINDINGS = [Binding("escape", "cancel", "Back", id="stories.back")]

    def __init__(self, saved: list[Story], competencies: tuple[str, ...]) -> None:
        super().__init__()
        wanted = set(competencies)
        self.saved = sorted(saved, key=lambda s: -len(wanted & set(s.competencies)))
        self.wanted = wanted

    def body(self):
        with Vertical(id="dialog"):
            yield Static("[b]Your story bank[/b]")
            yield OptionList(
                *[
                    Option(
                        f"{s.title}  [dim]{', '.join(s.competencies) or 'no tags'}"
                        f"{'  (matches)' if self.wanted & set(s.competencies) else ''}[/dim]",
                        id=str(i),
                    )
                    for i, s in enumerate(self.saved)
                ],
                id="story-list",
            )
        yield Footer()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.saved[int(event.option.id or 0)])

    def action_cancel(self) -> None:
        self.dismiss(None)
