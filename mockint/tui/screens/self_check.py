"""The self-check: with the model answer in view, the candidate marks each key point (said
it right, partly, missed, said it wrong) and may dispute a point the scorer found said
wrong. Returns the `SelfCheck` with dismiss(); how it combines with the detection is in
`mockint.scoring.self_check`."""

from __future__ import annotations

from collections.abc import Iterator

from rich.text import Text
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import Footer, Static

from mockint.scoring.coverage import Coverage
from mockint.scoring.self_check import MARK_LABELS, SelfCheck, point_rows
from mockint.tui.screens.base import BaseModal
from mockint.tui.widgets.review import STYLES

KEYS = {"r": "right", "p": "partly", "m": "missed", "w": "wrong"}


class SelfCheckScreen(BaseModal[SelfCheck]):
    BINDINGS = [
        Binding("up", "move(-1)", "Previous point", id="check.up", priority=True),
        Binding("down", "move(1)", "Next point", id="check.down", priority=True),
        *[
            Binding(k, f"mark('{m}')", MARK_LABELS[m].capitalize(), id=f"check.{m}")
            for k, m in KEYS.items()
        ],
        Binding("d", "dispute", "Dispute", id="check.dispute"),
        Binding("enter,escape", "close", "Done", id="check.done"),
    ]

    def __init__(self, outline: str, coverage: Coverage, check: SelfCheck | None) -> None:
        super().__init__()
        self.outline = outline
        self.coverage = coverage
        self.marks = dict(check.marks) if check else {}
        self.disputed = set(check.disputed) if check else set()
        self.cursor = 0

    def body(self) -> Iterator[Widget]:
        with Vertical(id="check-dialog"):
            yield Static("[b]Self-check[/b]: your answer against the model answer", id="question")
            with VerticalScroll(id="check-outline"):
                yield Static(self.outline or "(no model answer)", markup=False)
            with VerticalScroll(id="check-points-box"):
                yield Static("", id="check-points")
            yield Static(
                "[b]r[/b] said it right  [b]p[/b] partly  [b]m[/b] missed  [b]w[/b] said it"
                " wrong  [b]d[/b] dispute a detected 'said wrong'  [b]↑↓[/b] point"
                "  [b]Enter[/b] done",
                id="hint",
            )
        yield Footer()

    def on_mount(self) -> None:
        self.show()

    @property
    def check(self) -> SelfCheck:
        return SelfCheck(dict(self.marks), frozenset(self.disputed))

    def show(self) -> None:
        t = Text()
        top = 0
        for i, r in enumerate(point_rows(self.coverage, self.check)):
            here = i == self.cursor
            if here:
                top = len(t.plain.splitlines())
            t.append("▶ " if here else "  ", style="bold")
            t.append(f"{i + 1}. {r.text}\n", style="bold" if here else "")
            t.append(f"     scorer: {r.detected}\n", style=STYLES[r.status])
            t.append(f"     you: {r.checked}\n", style="bold yellow" if r.disputed else "cyan")
        self.query_one("#check-points", Static).update(t)
        # Keep the point under the cursor in view (lines before wrapping: close enough).
        self.query_one("#check-points-box").scroll_to(y=top, animate=False)

    def action_move(self, step: int) -> None:
        self.cursor = max(0, min(len(self.coverage.points) - 1, self.cursor + step))
        self.show()

    def action_mark(self, mark: str) -> None:
        if not self.coverage.points:
            return
        self.marks[self.coverage.points[self.cursor].id] = mark
        self.cursor = min(len(self.coverage.points) - 1, self.cursor + 1)
        self.show()

    def action_dispute(self) -> None:
        if not self.coverage.points:
            return
        p = self.coverage.points[self.cursor]
        if p.status != "wrong":
            self.notify("Only a point the scorer found said wrong can be disputed.", timeout=4)
            return
        self.disputed ^= {p.id}
        self.show()

    def action_close(self) -> None:
        self.dismiss(self.check)
