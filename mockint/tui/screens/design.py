"""ML system design: the phases as a guided outline with their own timers, notes per phase,
a capacity scratchpad that evaluates as you type, and a components checklist."""

from __future__ import annotations

from collections.abc import Iterator

from rich.text import Text
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import ContentSwitcher, SelectionList, Static, TextArea

from mockint.engine.session import Session
from mockint.engine.timefmt import clock_text, elapsed_text
from mockint.report.design import split_components
from mockint.scenario.bank import Question
from mockint.scenario.phases import DEFAULT_PHASES
from mockint.scoring.text import count_words
from mockint.scratchpad import pad_results
from mockint.tui.port import SessionPort, contained
from mockint.tui.screens.talk import TalkScreen


class DesignScreen(TalkScreen):
    HELP_TITLE = "system design"
    HELP_TEXT = (
        "Work through the phases in order; each has its own timer (the time goes to the "
        "phase you are writing in). F3/F4 move between phases, F5 opens the capacity "
        "scratchpad (lines like `qps = 100M * 20 / day` are evaluated as you type), F6 the "
        "components checklist. Ctrl+J ends the design and shows the key points made, missed or said wrong."
    )
    BINDINGS = [
        Binding("f3", "phase(-1)", "Previous phase", id="design.prev", priority=True),
        Binding("f4", "phase(1)", "Next phase", id="design.next", priority=True),
        Binding("f5", "show('scratchpad')", "Scratchpad", id="design.pad", priority=True),
        Binding("f6", "show('components')", "Components", id="design.components", priority=True),
    ]

    @classmethod
    def _build(
        cls, s: Session, port: SessionPort, kind: str, questions: list[Question], pace: float
    ) -> TalkScreen:
        phases = [(p.id, p.title, p.min_minutes, p.max_minutes) for p in s.run.stage.phases]
        return cls(port, kind, questions, pace, phases=phases or None)

    def __init__(
        self,
        port: SessionPort,
        kind: str,
        questions: list[Question],
        pace: float,
        phases: list[tuple[str, str, float, float]] | None = None,
    ) -> None:
        self.phases = tuple(phases or DEFAULT_PHASES)
        self.FIELDS = tuple(p[0] for p in self.phases) + ("scratchpad", "components")
        # Textual declares AUTO_FOCUS a class variable but reads it from the screen: the
        # first phase's field differs from stage to stage.
        self.AUTO_FOCUS = f"#field-{self.phases[0][0]}"  # type: ignore[misc]
        super().__init__(port, kind, questions, pace)

    def answer_widgets(self) -> Iterator[Widget]:
        with Horizontal(id="design"):
            yield Static("", id="phase-outline")
            with ContentSwitcher(initial=f"field-{self.phases[0][0]}", id="design-switch"):
                for pid, _title, *_ in self.phases:
                    yield self.field_area(pid, soft_wrap=True)
                with Vertical(id="pad-box"), Horizontal(id="pad"):
                    yield self.field_area("scratchpad", soft_wrap=False)
                    yield Static("", id="pad-results", classes="pad-results", markup=False)
                with Vertical(id="components-box"):
                    yield SelectionList(id="components-list")
                    yield TextArea("", id="field-components", classes="hidden-field")

    def on_mount(self) -> None:
        super().on_mount()
        comp = self.query_one("#components-list", SelectionList)
        checked = self.checked_components()
        for name in self.question.components if self.questions else ():
            comp.add_option((name, name, name in checked))
        if self.questions and self.question.components:
            comp.highlighted = 0
        self.query_one("#field-components").display = False
        self.update_outline()
        self.update_pad()

    def phase_ids(self) -> tuple[str, ...]:
        return tuple(p[0] for p in self.phases)

    # -- phases ------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("previous", "next"):
            return False  # one prompt per design stage: F3/F4 move between phases instead
        return super().check_action(action, parameters)

    def action_phase(self, step: int) -> None:
        if self.reviewing:
            return
        ids = [p[0] for p in self.phases]
        # From the scratchpad or the checklist, F4 goes to the first phase and F3 to the last.
        i = (
            ids.index(self.active_field)
            if self.active_field in ids
            else (-1 if step > 0 else len(ids))
        )
        j = max(0, min(len(ids) - 1, i + step))
        self.action_show(self.phases[j][0])

    def action_show(self, name: str) -> None:
        if self.reviewing:
            return
        switch = self.query_one("#design-switch", ContentSwitcher)
        target = {"scratchpad": "pad-box", "components": "components-box"}.get(
            name, f"field-{name}"
        )
        switch.current = target
        self.active_field = name
        if self.port.read_only:  # a mirror's keys are the interviewer's own
            pass
        else:
            # set_focus, not focus(): focus() is deferred, so a burst's next key would
            # still reach the field left behind (a space typed into the scratchpad).
            target_id = "#components-list" if name == "components" else f"#field-{name}"
            self.set_focus(self.query_one(target_id))
        self.update_outline()

    def focus_field(self, name: str) -> None:
        self.action_show(name if name in self.FIELDS else self.phases[0][0])

    def update_outline(self) -> None:
        t = Text()
        for pid, title, lo, hi in self.phases:  # lo and hi are paced minutes
            spent = self.row.seconds.get(pid, 0.0)
            over = spent > hi * 60
            mark = "▶ " if pid == self.active_field else "  "
            style = ("bold " if pid == self.active_field else "") + ("red" if over else "")
            # A mirror counts the words written in each phase (the interviewer's glance).
            words = f" · {count_words(self.field_text(pid))}w" if self.port.read_only else ""
            t.append(f"{mark}{title}{words}\n", style=style.strip())
            span = (
                clock_text(lo * 60) if lo == hi else f"{clock_text(lo * 60)}-{clock_text(hi * 60)}"
            )
            t.append(f"    {elapsed_text(spent)} of {span}\n", style="red" if over else "dim")
        for name, label in (("scratchpad", "Scratchpad (F5)"), ("components", "Components (F6)")):
            if name == "components" and not (self.questions and self.question.components):
                continue  # no checklist (a pair round's questions carry none)
            t.append(("▶ " if name == self.active_field else "  ") + label + "\n")
        self.query_one("#phase-outline", Static).update(t)

    def tick(self) -> None:
        before = int(self.row.seconds.get(self.active_field, 0.0))
        super().tick()
        if int(self.row.seconds.get(self.active_field, 0.0)) != before:
            self.update_outline()

    # -- scratchpad and components ----------------------------------------------------
    def on_fields_changed(self) -> None:
        if self.active_field == "scratchpad":
            self.update_pad()

    def field_mirrored(self, name: str) -> None:
        if name == "scratchpad":
            self.update_pad()
        self.update_outline()

    def update_pad(self) -> None:
        # In a pair round the text may be the other participant's: a failure is a line.
        text = contained("The scratchpad", pad_results, self.field_text("scratchpad"))
        self.query_one("#pad-results", Static).update(text or "Results appear here.")

    def on_selection_list_selected_changed(self, event: SelectionList.SelectedChanged[str]) -> None:
        self.row.fields["components"] = ",".join(event.selection_list.selected)
        self._dirty = True

    def show_question(self, initial: bool = False) -> None:
        super().show_question(initial)
        if self.is_mounted and self.query("#pad-results") and self.questions:
            self.update_pad()

    def checked_components(self) -> set[str]:
        """The ticked names: they may hold commas ("ingestion (parsing, OCR)"), so each is
        looked for whole, as the report does."""
        listed = list(self.question.components) if self.questions else []
        return set(split_components(self.field_text("components"), listed)[0])

    def review_extra(self) -> Text | None:
        """The checklist, beside the coverage: ticking a box is not explaining it, so the
        components never count as answer text (the report says the same)."""
        if not self.question.components:
            return None
        checked = self.checked_components()
        text = Text()
        text.append("Components: ", style="bold")
        text.append(
            f"{len(checked & set(self.question.components))} of {len(self.question.components)} checked"
        )
        missing = [c for c in self.question.components if c not in checked]
        if missing:
            text.append(f" (not checked: {', '.join(missing)})", style="dim")
        return text
