"""Untrusted text is shown, never sent raw: the cleaner, the results widget and the report."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Static

from mockint.grading.text import clean
from mockint.tui.widgets.results import Results

NASTY = "ok\x1b[2J\x1b[H\x1b]0;title\x07\r\nline\rover\x9b31m\u202eevil\x00\x7f\tend"


def test_clean_shows_every_control_and_keeps_newlines_and_tabs():
    out = clean(NASTY)
    assert out == (
        "ok\\x1b[2J\\x1b[H\\x1b]0;title\\x07\nline\\rover\\x9b31m\\u202eevil\\x00\\x7f\tend"
    )
    assert not any(ord(c) < 32 and c not in "\n\t" for c in out)
    assert clean(None) == "" and clean(3) == "3"


class _ResultsApp(App):
    def compose(self) -> ComposeResult:
        yield Results()


async def test_the_results_widget_never_shows_a_raw_escape():
    app = _ResultsApp()
    async with app.run_test(size=(100, 30)) as pilot:
        results = app.query_one(Results)
        results.begin("run", 1)
        # A stored run from before the judge cleaned its messages.
        results.add_test(
            {"id": "t1", "visible": True, "verdict": "runtime_error", "message": NASTY}
        )
        results.finish("done")
        await pilot.pause()
        shown = str(app.query_one("#detail", Static).render())
        assert "\x1b" not in shown and "\\x1b[2J" in shown
