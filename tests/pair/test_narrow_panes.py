"""Pair screens at 80 and 100 columns: the candidate's coding statement wraps its code inside
the pane, and the scratchpad's results carry their units on both roles' screens."""

from __future__ import annotations

import pytest
from textual.containers import VerticalScroll

from mockint.scenario.model import ProblemPick
from tests.pair.scripted import Sent, plan, start
from tests.pair.test_pair_snapshots import scripted
from tests.screen_text import text_in
from tests.test_narrow_panes import assert_code_wraps


@pytest.mark.parametrize("width", [80, 100])
async def test_the_candidates_statement_wraps_wide_code(width):
    app = Sent()
    async with app.run_test(size=(width, 24)) as pilot:
        start(app, "candidate", plan("coding", problems=(ProblemPick(slug="lru-cache"),)))
        await pilot.pause(0.3)
        await assert_code_wraps(pilot, app.screen.query_one("#statement-box", VerticalScroll))


@pytest.mark.parametrize("role", ["candidate", "interviewer"])
@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_the_scratchpad_prints_units_on_both_screens(size, role):
    app, run_before = scripted("system-design", role)
    async with app.run_test(size=size) as pilot:
        await run_before(pilot)
        [results] = app.screen.query(".pad-results")
        shown = text_in(app, results, inner=True)
        assert any(row.strip().startswith("qps = 11,574 /s") for row in shown), shown
