"""The behavioural round: a STAR form with live guidance, and a bank of stories to reuse."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Label, Static, TextArea

from mockint.engine.timefmt import elapsed_text
from mockint.scoring.star import analyse
from mockint.store.answers import Story, save_story, stories
from mockint.tui.screens.talk import TalkScreen

PARTS = ("situation", "task", "action", "result", "reflection")
HINTS = {
    "situation": "Where and when: a sentence or two of context.",
    "task": "What you were responsible for.",
    "action": "What you did yourself, step by step: the longest part.",
    "result": "What changed, with a number if you can.",
    "reflection": "What you learned or would do differently.",
}


def guidance(fields: dict[str, str], seconds: dict[str, float]) -> Text:
    a = analyse(
        {p.capitalize(): fields.get(p, "") for p in PARTS},
        {p.capitalize(): s for p, s in seconds.items()},
    )
    t = Text()
    t.append("Live STAR check\n", style="bold")
    for part in a.parts:
        t.append(f"{part.name.capitalize():<11}{part.words:>4}w {part.share:>4.0%}")
        if part.seconds:
            t.append(f" {elapsed_text(part.seconds)}", style="dim")
        t.append("\n")
    checks = a.checks()
    labels = {
        "situation_short": "Situation short",
        "task_short": "Task short",
        "action_largest": "Action the largest",
        "result_has_number": "Result has a number",
        "says_i": '"I" over "we" in Action',
        "has_reflection": "Reflection written",
    }
    for key, label in labels.items():
        if key in checks:
            ok = checks[key]
            t.append("✓ " if ok else "✗ ", style="green" if ok else "red")
            t.append(label + "\n")
    t.append(f"I: {a.i_count}  we: {a.we_count}\n", style="dim")
    for line in a.advice_lines[:3]:
        t.append(f"• {line}\n", style="yellow")
    return t


class StarScreen(TalkScreen):
    HELP_TITLE = "behavioural round"
    HELP_TEXT = (
        "Tell a story in the STAR shape: Situation, Task, Action, Result, and a Reflection. "
        "The panel on the right checks the shape as you type and times each part. Ctrl+B "
        "saves the story to your story bank; F8 picks a saved story to refine."
    )
    BINDINGS = [
        Binding("ctrl+b", "save_story", "Save story", id="star.save", priority=True),
        Binding("f8", "pick_story", "Story bank", id="star.pick", priority=True),
    ]
    FIELDS = PARTS
    AUTO_FOCUS = "#field-situation"

    def answer_widgets(self):
        with Horizontal(id="star"):
            with VerticalScroll(id="star-fields"):
                for p in PARTS:
                    yield Label(
                        f"[b]{p.capitalize()}[/b]  [dim]{HINTS[p]}[/dim]", classes="star-label"
                    )
                    yield TextArea(
                        self.row.fields.get(p, ""),
                        id=f"field-{p}",
                        soft_wrap=True,
                        classes="star-field",
                    )
            yield Static("", id="star-guide")

    def on_fields_changed(self) -> None:
        self.query_one("#star-guide", Static).update(guidance(self.row.fields, self.row.seconds))

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

    def review_content(self):
        text = super().review_content()
        text.append("\n\n")
        text.append(guidance(self.row.fields, self.row.seconds))
        return text

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
        new_id = app.save(
            "the story", save_story, app.store, story, self.session.clock.now(), self.session_id
        )
        if new_id is not None:
            self.row.ratings["story_id"] = new_id
            self._dirty = True
            self.notify(f"Saved to your story bank: {story.title}", timeout=4)

    def action_pick_story(self) -> None:
        from mockint.tui.screens.story_picker import StoryPicker

        saved = stories(self.mockint.store)
        if not saved:
            self.notify("Your story bank is empty: Ctrl+B saves the current story.")
            return

        def chosen(story: Story | None) -> None:
            if story is None:
                return
            for p in PARTS:
                self.query_one(f"#field-{p}", TextArea).load_text(story.fields.get(p, ""))
                self.row.fields[p] = story.fields.get(p, "")
            if story.id is not None:
                self.row.ratings["story_id"] = story.id
            self._dirty = True
            self.on_fields_changed()

        self.app.push_screen(StoryPicker(saved, self.question.competencies), chosen)
