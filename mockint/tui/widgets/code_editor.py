"""TextArea as a Python code editor: auto-indent on Enter, Backspace back to the tab stop."""

from __future__ import annotations

from typing import Any

from textual import events

from mockint.tui.widgets.changed_lines import ChangedLinesArea


class CodeEditor(ChangedLinesArea):
    """Indentation is always spaces, `indent_width` of them (4 for Python)."""

    def __init__(self, text: str = "", **kwargs: Any) -> None:
        kwargs.setdefault("language", "python")
        kwargs.setdefault("soft_wrap", False)
        kwargs.setdefault("tab_behavior", "indent")
        kwargs.setdefault("show_line_numbers", True)
        kwargs.setdefault("theme", "monokai")
        super().__init__(text, **kwargs)
        self.indent_type = "spaces"
        self.indent_width = 4

    def _indent_for_new_line(self) -> str:
        row, col = self.cursor_location
        before = self.document[row][:col]
        indent = before[: len(before) - len(before.lstrip(" "))]
        stripped = before.strip()
        if stripped.endswith(":") and not stripped.startswith("#"):
            indent += " " * self.indent_width
        return indent

    async def _on_key(self, event: events.Key) -> None:
        if self.read_only:
            return await super()._on_key(event)
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            start, end = self.selection
            self._replace_via_keyboard("\n" + self._indent_for_new_line(), start, end)
            return
        await super()._on_key(event)

    def action_delete_left(self) -> None:
        """In leading spaces, Backspace removes back to the previous tab stop."""
        if not self.read_only and self.selection.is_empty:
            row, col = self.cursor_location
            before = self.document[row][:col]
            if col > 0 and before.strip(" ") == "":
                width = (col - 1) % self.indent_width + 1
                self._delete_via_keyboard((row, col - width), (row, col))
                return
        super().action_delete_left()
