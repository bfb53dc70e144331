"""The README's picture of the home screen is the home screen of a fresh install."""

import re

from mockint.scenario.catalog import find_scenario
from mockint.store.sessions import Store
from mockint.tui.app import MockintApp
from tests.conftest import REPO


def readme_menu() -> list[str]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    block = text[text.index("```\n  mockint ") :]
    block = block[: block.index("\n```", 4)]
    inside = block[block.index("╭") : block.index("╰")].splitlines()[1:]
    return [re.sub(r"^\s*│ (.*?)\s*│$", r"\1", line) for line in inside if line.strip()]


async def test_the_readme_shows_the_home_menu_as_it_is(tmp_path):
    app = MockintApp(Store(tmp_path / "m.db"), default_scenario=find_scenario("aiml-engineer"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        menu = app.screen.query_one("#menu")
        labels = [str(menu.get_option_at_index(i).prompt) for i in range(menu.option_count)]
    assert readme_menu() == labels
