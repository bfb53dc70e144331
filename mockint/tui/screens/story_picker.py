"""Pick a story: your saved stories first (those sharing the question's competencies at the
top), then the annotated example stories, which load as templates to adapt.

The panel on the right previews the highlighted story; for an example it shows each part
with the note that explains why it is written that way.
"""

from __future__ import annotations

from collections.abc import Iterator

from rich.text import Text
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from mockint.scenario.bank_stories import STORY_PARTS, ExampleStory
from mockint.store.answers import Story
from mockint.tui.screens.base import BaseModal

Picked = Story | ExampleStory


class StoryPicker(BaseModal[Picked | None]):
    HELP_TITLE = "story bank"
    BINDINGS = [Binding("escape", "cancel", "Back", id="stories.back")]

    def __init__(
        self,
        saved: list[Story],
        competencies: tuple[str, ...],
        examples: list[ExampleStory] | None = None,
    ) -> None:
        super().__init__()
        wanted = set(competencies)
        self.saved = sorted(saved, key=lambda s: -len(wanted & set(s.competencies)))
        self.examples = sorted(examples or [], key=lambda s: -len(wanted & set(s.competencies)))
        self.wanted = wanted

    def _label(self, title: str, competencies: tuple[str, ...] | list[str]) -> str:
        tags = ", ".join(competencies) or "no tags"
        match = "  (matches)" if self.wanted & set(competencies) else ""
        return f"{title}  [dim]{tags}{match}[/dim]"

    def body(self) -> Iterator[Widget]:
        options: list[Option | None] = []
        for i, s in enumerate(self.saved):
            options.append(Option(self._label(s.title, s.competencies), id=f"saved-{i}"))
        if self.saved and self.examples:
            options.append(None)  # a separator line
        for i, e in enumerate(self.examples):
            options.append(Option(self._label(f"Example: {e.title}", e.competencies), id=f"ex-{i}"))
        with Vertical(id="story-dialog"):
            yield Static(
                "[b]Pick a story[/b]  [dim]yours first; examples load as templates to adapt[/dim]"
            )
            with Horizontal(id="story-panes"):
                yield OptionList(*options, id="story-list")
                with VerticalScroll(id="story-preview-box"):
                    yield Static("", id="story-preview")
        yield Footer()

    def on_mount(self) -> None:
        lst = self.query_one("#story-list", OptionList)
        if lst.option_count:
            lst.highlighted = 0
            self._preview(lst.get_option_at_index(0).id)

    def _pick(self, option_id: str | None) -> Picked | None:
        if not option_id:
            return None
        kind, _, index = option_id.partition("-")
        return (self.saved if kind == "saved" else self.examples)[int(index)]

    def _preview(self, option_id: str | None) -> None:
        story = self._pick(option_id)
        t = Text()
        if isinstance(story, ExampleStory):
            t.append("An example to adapt: keep the shape, replace the facts.\n", style="dim")
            for p in STORY_PARTS:
                part = story.parts[p]
                t.append(f"\n{p.capitalize()}\n", style="bold")
                t.append(part.text + "\n")
                t.append(f"Why: {part.note}\n", style="italic green")
        elif story is not None:
            for p in STORY_PARTS:
                if story.fields.get(p):
                    t.append(f"{p.capitalize()}\n", style="bold")
                    t.append(story.fields[p] + "\n\n")
        self.query_one("#story-preview", Static).update(t)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._preview(event.option.id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self._pick(event.option.id))

    def action_cancel(self) -> None:
        self.dismiss(None)
