"""SVG snapshots of the content screens: the review with its model answer, the story picker
with the annotated examples, the coding screen's complexity claim and the discussion shown
after an accepted submit (update with --snapshot-update)."""

from dataclasses import replace

import pytest

from mockint.engine.clock import FakeClock
from mockint.scenario.catalog import find_scenario
from mockint.store.sessions import Store
from mockint.tui.app import MockintApp
from tests.test_snapshots import SIZES, steady


def _app(stage: str, question: str) -> MockintApp:
    sc = find_scenario("aiml-engineer").subset([stage])
    sc = replace(sc, stages=tuple(replace(s, questions=(question,)) for s in sc.stages))
    return MockintApp(Store(":memory:"), default_scenario=sc, clock=FakeClock(), start=sc)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_review_with_model_answer(snap_compare, size):
    async def run_before(pilot):
        await pilot.press("enter")
        await pilot.pause(0.3)
        await pilot.press(*"It memorises noise; I watch the validation gap and add dropout.")
        await pilot.press("ctrl+j")
        await pilot.pause(0.3)
        await pilot.press("4")
        await pilot.pause(0.3)
        pilot.app.screen.query_one("#review-box").scroll_end(animate=False)
        await pilot.pause(0.2)
        await steady(pilot)

    assert snap_compare(
        _app("phone-screen", "overfitting"), terminal_size=size, run_before=run_before
    )


WRONG_ANSWER = "High bias means the model overfits. Some irreducible noise remains."


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_review_with_a_point_said_wrong(snap_compare, size):
    async def run_before(pilot):
        await pilot.press("enter")
        await pilot.pause(0.3)
        await pilot.press(*WRONG_ANSWER)
        await pilot.press("ctrl+j")
        await pilot.pause(0.3)
        await steady(pilot)

    assert snap_compare(
        _app("ml-deep-dive", "bias-variance-explain"), terminal_size=size, run_before=run_before
    )


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_self_check_step(snap_compare, size):
    async def run_before(pilot):
        await pilot.press("enter")
        await pilot.pause(0.3)
        await pilot.press(*WRONG_ANSWER)
        await pilot.press("ctrl+j")
        await pilot.pause(0.3)
        await pilot.press("3", "c")
        await pilot.pause(0.3)
        await pilot.press("r", "m", "r", "up", "d")  # the point said wrong, disputed
        await pilot.pause(0.3)
        await steady(pilot)

    assert snap_compare(
        _app("ml-deep-dive", "bias-variance-explain"), terminal_size=size, run_before=run_before
    )


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_story_picker_with_examples(snap_compare, size):
    async def run_before(pilot):
        await pilot.press("enter")
        await pilot.pause(0.3)
        await pilot.press("f8")
        await pilot.pause(0.4)
        await steady(pilot)

    assert snap_compare(
        _app("behavioural", "disagreement-with-peer"), terminal_size=size, run_before=run_before
    )


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_coding_claim_and_discussion(snap_compare, size):
    from mockint.scenario.practice import practice_scenario

    sc = practice_scenario("moving-average", "Moving average of a stream", "easy", 20)
    app = MockintApp(Store(":memory:"), default_scenario=sc, clock=FakeClock(), start=sc)

    async def run_before(pilot):
        await pilot.press("enter")
        await pilot.pause(0.5)
        await pilot.press("f6", *"O(1) per call", "enter", *"O(window)", "enter")
        await pilot.press("f9")
        await pilot.pause(0.3)
        await pilot.press("y")
        box = pilot.app.screen.query_one("#statement-box")
        # The discussion is scrolled to once it is laid out; wait until the pane's size and
        # position settle (the reference's code block renders last) so the scrollbar is fixed.
        last, same = None, 0
        for _ in range(200):
            now = (box.scroll_y, box.virtual_size.height)
            same = same + 1 if now == last and box.scroll_y > 0 else 0
            if same >= 4:
                break
            last = now
            await pilot.pause(0.05)
        await steady(pilot)

    assert snap_compare(app, terminal_size=size, run_before=run_before)
