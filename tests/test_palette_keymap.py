"""The command palette offers the app's real actions; keymap.toml changes keys by id."""

from __future__ import annotations

import os
from pathlib import Path

from textual.command import CommandPalette

from mockint.engine.clock import FakeClock
from mockint.engine.session import StageState
from mockint.scenario.catalog import find_scenario
from mockint.store.sessions import Store
from mockint.tui.app import MockintApp
from mockint.tui.keymap import keymap_path, load_keymap
from mockint.tui.screens.home import HomeScreen
from mockint.tui.screens.intro import StageIntro
from mockint.tui.screens.talk import TalkScreen
from tests.conftest import wait_for


def talk_app(tmp_path):
    sc = find_scenario("aiml-engineer").subset(["phone-screen", "hiring-manager"])
    return MockintApp(Store(tmp_path / "k.db"), default_scenario=sc, clock=FakeClock(), start=sc)


async def palette(pilot, app, query: str) -> list[str]:
    await pilot.press("ctrl+p")
    await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette))
    await pilot.press(*query)
    await pilot.pause(0.3)
    return [str(o.prompt) for o in app.screen.query_one("CommandList").options]


async def test_palette_runs_the_apps_actions_where_they_apply(tmp_path):
    app = talk_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, StageIntro))
        offered = await palette(pilot, app, "skip")
        assert any("Skip this stage" in o for o in offered)
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, StageIntro))
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, TalkScreen))
        offered = await palette(pilot, app, "submit")
        assert not any("Submit" in o for o in offered)  # a coding action, not offered here
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, TalkScreen))
        offered = await palette(pilot, app, "pause")
        assert any("Pause or resume the clock" in o for o in offered)
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.session.run.state is StageState.PAUSED)
        await palette(pilot, app, "home")
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))


async def test_a_keymap_moves_a_binding(tmp_path):
    path = keymap_path()
    path.parent.mkdir(parents=True)
    path.write_text('"stage.pause" = "f9"\n')
    assert str(path).startswith(os.environ["XDG_CONFIG_HOME"])
    app = talk_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, StageIntro))
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, TalkScreen))
        await pilot.press("f2")  # no longer the pause key
        await pilot.pause()
        assert app.session.run.state is StageState.RUNNING
        await pilot.press("f9")
        await wait_for(pilot, lambda: app.session.run.state is StageState.PAUSED)


async def test_a_broken_keymap_is_one_line_and_keeps_the_defaults(tmp_path):
    path = keymap_path()
    path.parent.mkdir(parents=True)
    path.write_text('"stage.paws" = "f9"\n')
    app = talk_app(tmp_path)
    told: list[str] = []
    async with app.run_test(size=(100, 30)) as pilot:
        app.notify = lambda message, **kw: told.append(str(message))  # type: ignore[method-assign]
        app._apply_keymap()
        await wait_for(pilot, lambda: isinstance(app.screen, StageIntro))
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, TalkScreen))
        await pilot.press("f2")
        await wait_for(pilot, lambda: app.session.run.state is StageState.PAUSED)
    assert told == [
        f"{path}: unknown binding id 'stage.paws' (run `mockint keys` to list them); "
        "default keys kept"
    ]


def test_keymap_errors_say_where(tmp_path):
    bad = Path(tmp_path / "k.toml")
    bad.write_text('"stage.pause" = \n')
    keymap, error = load_keymap(MockintApp, bad)
    assert keymap == {} and error is not None and error.startswith(f"{bad}:1: not valid TOML")
    bad.write_text('"stage.pause" = 3\n')
    assert "needs a string of keys" in (load_keymap(MockintApp, bad)[1] or "")
    assert load_keymap(MockintApp, tmp_path / "missing.toml") == ({}, None)
