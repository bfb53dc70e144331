"""At 80 and 100 columns what a pane holds stays readable: the coding statement's code lines
wrap inside the pane (never cut at its edge), the stage card's box is as high as its text,
and the design scratchpad prints its results with their units."""

from __future__ import annotations

from dataclasses import replace

import pytest
from textual.containers import VerticalScroll
from textual.widgets.markdown import MarkdownFence

from mockint.engine.clock import FakeClock
from mockint.scenario.catalog import find_scenario
from mockint.scenario.practice import practice_scenario
from mockint.store.sessions import Store
from mockint.tui.app import MockintApp
from tests.screen_text import squeezed, text_in

# The statement's first code line that was cut: `def __init__(self, capa`.
WIDE_LINE = "def __init__(self, capacity: int): ..."


def _app(scenario) -> MockintApp:
    return MockintApp(
        Store(":memory:"),
        default_scenario=find_scenario("aiml-engineer"),
        clock=FakeClock(),
        start=scenario,
    )


async def assert_code_wraps(pilot, box: VerticalScroll) -> None:
    """Each code block of the statement shows all of its text inside the pane."""
    fences = list(box.query(MarkdownFence))
    assert fences, "the statement has no code block"
    for fence in fences:
        box.scroll_to_widget(fence, animate=False, top=True)
        await pilot.pause()
        assert fence.max_scroll_x == 0, "part of the code lies beyond the pane's edge"
    box.scroll_to_widget(fences[0], animate=False, top=True)
    await pilot.pause()
    assert squeezed([WIDE_LINE]) in squeezed(text_in(pilot.app, box, inner=True))


@pytest.mark.parametrize("width", [80, 100])
async def test_solo_statement_wraps_wide_code(width):
    app = _app(practice_scenario("lru-cache", "LRU cache", "medium", 20))
    async with app.run_test(size=(width, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause(0.3)
        await assert_code_wraps(pilot, app.screen.query_one("#statement-box", VerticalScroll))


@pytest.mark.parametrize("size", [(80, 24), (100, 30), (120, 40)])
async def test_the_stage_card_box_fits_its_text(size):
    app = _app(find_scenario("aiml-engineer").subset(["phone-screen"]))
    async with app.run_test(size=size) as pilot:
        await pilot.pause(0.3)
        body = app.screen.query_one("#card-body")
        lines = text_in(app, body)
        # Top border, the text, bottom border: no empty row inside the box.
        assert lines[0].lstrip().startswith("╭") and lines[-1].lstrip().startswith("╰")
        inner = [row.strip().strip("│").strip() for row in lines[1:-1]]
        assert inner and inner[-1], f"an empty row closes the box: {lines}"
        assert body.max_scroll_y == 0
        hint = app.screen.query_one("#card-hint")
        assert hint.region.bottom <= size[1] - 1  # above the footer


async def test_a_long_stage_card_scrolls_and_keeps_its_hint():
    sc = find_scenario("aiml-engineer").subset(["system-design"])
    long_text = " ".join(["Estimate the load before you draw the boxes."] * 40)
    app = _app(replace(sc, stages=(replace(sc.stages[0], expect=long_text),)))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.3)
        body = app.screen.query_one("#card-body")
        assert body.max_scroll_y > 0  # the text scrolls inside the box
        hint = app.screen.query_one("#card-hint")
        assert "Press Enter" in "".join(text_in(app, hint))


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_the_solo_scratchpad_prints_units(size):
    app = _app(find_scenario("aiml-engineer").subset(["system-design"]))
    async with app.run_test(size=size) as pilot:
        await pilot.press("enter")
        await pilot.pause(0.3)
        await pilot.press("f5", *"qps = 50M * 20 / day")
        await pilot.pause(0.3)
        shown = text_in(app, app.screen.query_one("#pad-results"))
        assert "qps = 11,574 /s" in shown[0]
