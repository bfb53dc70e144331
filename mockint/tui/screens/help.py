"""F1: the keys of the screen underneath, and what that screen is for."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from rich.table import Table
from textual.app import App
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Static

from mockint.tui.screens.base import BaseModal


class Help(BaseModal[None]):
    BINDINGS = [Binding("f1,escape,q", "close", "Close help", id="help.close")]

    def __init__(self, under: Screen[Any]) -> None:
        super().__init__()
        self.under = under

    def body(self) -> Iterator[Widget]:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold")
        table.add_column()
        grouped: dict[str, tuple[list[str], str]] = {}
        for _key, active in self.under.active_bindings.items():
            b = active.binding
            # The screen's and the app's keys; a text area's own editing keys are standard.
            if not b.description or not isinstance(active.node, (Screen, App)):
                continue
            keys, _ = grouped.setdefault(b.action, ([], b.description))
            keys.append(self.app.get_key_display(b))
        self.rows = [(", ".join(keys), description) for keys, description in grouped.values()]
        for row in self.rows:
            table.add_row(*row)
        with VerticalScroll(id="dialog"):
            yield Static(f"[b]Help: {getattr(self.under, 'HELP_TITLE', 'mockint')}[/b]")
            about = getattr(self.under, "HELP_TEXT", "")
            if about:
                yield Static(about, id="about")
            yield Static(table, id="keys")
            yield Static("Esc or F1 closes this help.", id="hint")
        yield Footer()

    def action_close(self) -> None:
        self.dismiss(None)
