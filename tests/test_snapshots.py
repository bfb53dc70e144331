"""SVG snapshots of the main screens at fixed sizes (update with --snapshot-update)."""

import pytest

from mockint.engine.clock import FakeClock
from mockint.scenario.catalog import find_scenario
from mockint.store.sessions import Store
from mockint.tui.app import MockintApp

SIZES = [(80, 24), (120, 40)]


async def steady(pilot):
    """A blinking cursor makes the image depend on timing: take focus away so none is drawn."""
    pilot.app.set_focus(None)
    await pilot.pause(0.1)


def app(start=None, clock=None):
    # ":memory:" keeps the path shown on the home screen the same on every machine.
    return MockintApp(
        Store(":memory:"),
        default_scenario=find_scenario("aiml-engineer"),
        clock=clock or FakeClock(),
        start=start,
    )


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_home(snap_compare, size):
    assert snap_compare(app(), terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_stage_card(snap_compare, size):
    sc = find_scenario("aiml-engineer").subset(["system-design"])
    assert snap_compare(app(start=_fixed_questions(sc)), terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_stage_running(snap_compare, size):
    clock = FakeClock()
    sc = find_scenario("aiml-engineer").subset(["phone-screen", "behavioural"])

    async def run_before(pilot):
        await pilot.press("enter")
        await pilot.pause()
        clock.advance(41 * 60 + 30)  # 3:30 left: the amber warning style
        pilot.app.screen.tick()  # the 5-minute notice now, not on a later tick
        await pilot.press(*"clarify input sizes first")
        await pilot.pause(0.6)
        pilot.app.screen.flush_notes()
        await steady(pilot)

    assert snap_compare(
        app(start=_fixed_questions(sc), clock=clock), terminal_size=size, run_before=run_before
    )


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_coding_screen(snap_compare, size):
    from mockint.scenario.practice import practice_scenario

    sc = practice_scenario("moving-average", "Moving average of a stream", "easy", 20)

    async def run_before(pilot):
        await pilot.press("enter")
        await pilot.pause(0.5)
        await steady(pilot)

    assert snap_compare(app(start=sc), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_star_form(snap_compare, size):
    scenario = find_scenario("aiml-engineer").subset(["behavioural"])

    async def run_before(pilot):
        await pilot.press("enter")
        await pilot.pause(0.3)
        await pilot.press(*"Our churn model drifted.", "tab", *"I owned the fix.", "tab")
        await pilot.press(*"I rebuilt the features.", "tab", *"Precision rose 13%.")
        await pilot.pause(0.4)
        await steady(pilot)

    assert snap_compare(
        app(start=_fixed_questions(scenario)), terminal_size=size, run_before=run_before
    )


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_system_design(snap_compare, size):
    sc = find_scenario("aiml-engineer").subset(["system-design"])

    async def run_before(pilot):
        await pilot.press("enter")
        await pilot.pause(0.3)
        await pilot.press(*"Serve 50M users, p99 under 100 ms")
        await pilot.pause(0.2)
        await pilot.press("f5")
        await pilot.pause(0.2)
        await pilot.press(*"qps = 50M * 30 / day")
        await pilot.pause(0.4)
        await steady(pilot)

    assert snap_compare(app(start=_fixed_questions(sc)), terminal_size=size, run_before=run_before)


def _fixed_questions(sc):
    """The first question of each stage's bank, so the image does not depend on chance."""
    from dataclasses import replace

    from mockint.scenario.bank_load import bank_for_kind

    stages = tuple(
        replace(s, questions=(bank_for_kind(s.kind).questions[0].id,)) for s in sc.stages
    )
    return replace(sc, stages=stages)
