"""Chosen and not chosen stages differ by a symbol, not by colour alone (pair lobby)."""

from textual.app import App, ComposeResult

from mockint.tui.widgets.marked_selection import CHOSEN, MarkedSelectionList


class Lobby(App):
    def compose(self) -> ComposeResult:
        yield MarkedSelectionList[str](("Phone screen", "a", True), ("Coding", "b", False))


async def test_boxes_show_a_symbol_for_chosen_and_none_for_not_chosen():
    app = Lobby()
    async with app.run_test(size=(40, 6)) as pilot:
        sl = app.query_one(MarkedSelectionList)
        sl.focus()

        def boxes() -> list[str]:
            return [sl.render_line(y).text[:4] for y in range(2)]

        await pilot.pause()
        assert boxes()[0][1] == CHOSEN and boxes()[1][1] == " "
        await pilot.press("down", "space")  # choose the second, then drop the first
        await pilot.press("up", "space")
        assert boxes()[0][1] == " " and boxes()[1][1] == CHOSEN
