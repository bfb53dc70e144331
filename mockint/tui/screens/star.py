"""The behavioural round: a STAR form with live guidance, and a bank of stories to reuse."""

from __future__ import annotations

from collections.abc import Iterator

from rich.text import Text
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widget import Widget
from textual.widgets import Label, Static, TextArea

from mockint.scoring.star import PARTS as STAR_PARTS
from mockint.store.answers import Story, save_story, stories
from mockint.tui.port import contained
from mockint.tui.screens.talk import TalkScreen
from mockint.tui.widgets.star_check import HINTS, guidance

PARTS = STAR_PARTS


class StarScreen(TalkScreen):
    HELP_TITLE = "behavioural round"
    HELP_TEXT = (
        "Tell a story in the STAR shape: Situation, Task, Action, Result, and a Reflection. "
        "The panel on the right checks the shape as you type and times each part. Ctrl+B "
        "saves the story to your story bank; F8 picks a saved story to refine, or an "
        "annotated example story to use as a template."
    )
    BINDINGS = [
        Binding("ctrl+b", "save_story", "Save story", id="star.save", priority=True),
        Binding("f8", "pick_story", "Story bank", id="star.pick", priority=True),
    ]
    FIELDS = PARTS
    AUTO_FOCUS = "#field-situation"

    def answer_widgets(self) -> Iterator[Widget]:
        with Horizontal(id="star"):
            with VerticalScroll(id="star-fields"):
                for p in PARTS:
                    yield Label(self.part_label(p), id=f"label-{p}", classes="star-label")
                    yield self.field_area(p, soft_wrap=True, classes="star-field")
            yield Static("", id="star-guide")

    def part_label(self, part: str) -> str:
        return f"[b]{part.capitalize()}[/b]  [dim]{HINTS[part]}[/dim]"

    def on_fields_changed(self) -> None:
        # In a pair round the text may be the other participant's: a failure is a line.
        check = contained("The STAR check", guidance, self.row.fields, self.row.seconds)
        self.query_one("#star-guide", Static).update(check)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("save_story", "pick_story") and not self.port.local_tools:
            return False  # the story bank is in the database of a solo session
        return super().check_action(action, parameters)

    def show_question(self, initial: bool = False) -> None:
        super().show_question(initial)
        self.on_fields_changed()

    def tick(self) -> None:
        before = dict(self.row.seconds)
        super().tick()
        if self.row.seconds != before and int(sum(self.row.seconds.values())) != int(
            sum(before.values())
        ):
            self.on_fields_changed()

    def review_extra(self) -> Text | None:
        return guidance(self.row.fields, self.row.seconds)

    def action_save_story(self) -> None:
        fields = {p: self.row.fields.get(p, "") for p in PARTS}
        if not any(v.strip() for v in fields.values()):
            self.notify("Nothing to save yet.", severity="warning")
            return
        words = (fields["situation"] or fields["action"]).split()
        title = " ".join(words[:8]) + ("..." if len(words) > 8 else "")
        story_id = self.row.ratings.get("story_id")
        story = Story(story_id, title or "Untitled story", list(self.question.competencies), fields)
        app = self.mockint
        if app.session is None or app.recorder is None:
            return
        now, sid = app.session.clock.now(), app.recorder.session_id
        new_id = app.save("the story", save_story, app.store, story, now, sid)
        if new_id is not None:
            self.row.ratings["story_id"] = new_id
            self._dirty = True
            self.notify(f"Saved to your story bank: {story.title}", timeout=4)

    def action_pick_story(self) -> None:
        from mockint.scenario.bank_stories import ExampleStory, load_examples
        from mockint.scenario.errors import ScenarioError
        from mockint.tui.screens.story_picker import Picked, StoryPicker

        saved = stories(self.mockint.store)
        try:
            examples = load_examples()
        except ScenarioError as exc:
            self.notify(str(exc), severity="error", timeout=10)
            examples = []
        if not saved and not examples:
            self.notify("Your story bank is empty: Ctrl+B saves the current story.")
            return

        def chosen(story: Picked | None) -> None:
            if story is None:
                return
            for p in PARTS:
                self.query_one(f"#field-{p}", TextArea).load_text(story.fields.get(p, ""))
                self.row.fields[p] = story.fields.get(p, "")
            if isinstance(story, ExampleStory):
                # A template: Ctrl+B saves your version as a new story, never over the example.
                self.row.ratings.pop("story_id", None)
                self.notify(
                    f"Example loaded: {story.title}. Keep its shape, replace the facts with "
                    "your own (F8 shows its notes again).",
                    timeout=8,
                )
            elif story.id is not None:
                self.row.ratings["story_id"] = story.id
            self._dirty = True
            self.on_fields_changed()

        self.app.push_screen(StoryPicker(saved, self.question.competencies, examples), chosen)
