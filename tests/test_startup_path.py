"""A bare `mockint` draws home without loading the default scenario when nothing it reads
has changed since the last start (mockint/scenario/default_cache.py), and home parses only
its own CSS (the other screens' rules are in screens.tcss)."""

import os
import subprocess
import sys
import textwrap

import pytest

from mockint.launch import default_for_home
from mockint.scenario import default_cache
from mockint.scenario.catalog import find_scenario
from mockint.store.sessions import Store
from mockint.tui.app import MockintApp
from mockint.tui.screens.base import SCREENS_CSS
from mockint.tui.screens.home import HomeScreen
from mockint.tui.screens.intro import StageIntro
from tests.conftest import wait_for

OTHER = """
id = "aiml-engineer"
title = "My own loop"

[[stages]]
id = "one"
kind = "coding"
title = "Only coding"
minutes = 25
expect = "Code."

[mix]
coding = { weight = 100, stages = ["one"] }
"""


def user_dir(isolated_data):
    folder = isolated_data / "mockint" / "scenarios"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def broken_bundled(tmp_path, monkeypatch):
    """The bundled folder with a default scenario that does not load."""
    folder = tmp_path / "bundled"
    folder.mkdir()
    (folder / "aiml-engineer.toml").write_text(OTHER.replace("minutes = 25", "minutes = ?"))
    monkeypatch.setattr("mockint.paths.bundled_dir", lambda name: folder)


def test_the_first_start_loads_and_the_next_uses_the_summary():
    sc, summary = default_for_home()
    assert sc is not None and summary is None
    assert default_cache.cache_path().is_file()
    sc2, summary = default_for_home()
    assert sc2 is None
    assert summary == (sc.title, len(sc.stages), sc.total_minutes)


def test_a_changed_scenario_folder_means_a_full_load_again(isolated_data):
    default_for_home()
    (user_dir(isolated_data) / "mine.toml").write_text(OTHER)
    sc, summary = default_for_home()
    assert summary is None and sc is not None and sc.title == "My own loop"
    assert default_for_home()[1] == ("My own loop", 1, 25.0)


def test_a_broken_default_still_ends_the_start_with_one_line(tmp_path, monkeypatch, capsys):
    default_for_home()
    broken_bundled(tmp_path, monkeypatch)
    with pytest.raises(SystemExit) as exc:
        default_for_home()
    assert exc.value.code == 2
    assert "aiml-engineer.toml" in capsys.readouterr().err


def test_an_unreadable_or_foreign_cache_is_ignored():
    key = default_cache.current_key()
    path = default_cache.cache_path()
    path.parent.mkdir(parents=True)
    for junk in (b"", b"not marshal", b"\xe9\x00"):
        path.write_bytes(junk)
        assert default_cache.cached_summary(key) is None
    default_cache.remember(key, find_scenario(None))
    assert default_cache.cached_summary(key) is not None
    assert default_cache.cached_summary(("another",) + key[1:]) is None


def start_label(app):
    menu = app.screen.query_one("#menu")
    return str(menu.get_option("start").prompt)


async def test_home_from_the_summary_looks_the_same_and_starts_the_loop(tmp_path):
    sc = find_scenario(None)
    summary = default_cache.Summary(sc.title, len(sc.stages), sc.total_minutes)
    full = MockintApp(Store(tmp_path / "a.db"), default_scenario=sc)
    async with full.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        expected = start_label(full)
    app = MockintApp(Store(tmp_path / "b.db"), default_scenario=None, default_summary=summary)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert start_label(app) == expected
        assert app.screen.query_one("#menu").highlighted_option.id == "start"
        # Loaded in the background once home is drawn; the other screens' CSS is read too.
        await wait_for(pilot, lambda: app._default_scenario is not None)
        await wait_for(pilot, lambda: app.stylesheet.has_source(str(SCREENS_CSS)))
        assert app._default_scenario == sc
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, StageIntro))


async def test_start_pressed_before_the_background_load_loads_it_then(tmp_path):
    sc = find_scenario(None)
    summary = default_cache.Summary(sc.title, len(sc.stages), sc.total_minutes)
    app = MockintApp(Store(tmp_path / "c.db"), default_scenario=None, default_summary=summary)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")  # at once: before DEFAULT_LOAD_AFTER_S
        await wait_for(pilot, lambda: isinstance(app.screen, StageIntro))
        assert app.session is not None and app.session.scenario.id == sc.id


async def test_a_default_broken_behind_the_caches_back_ends_the_app(tmp_path, monkeypatch):
    sc = find_scenario(None)
    summary = default_cache.Summary(sc.title, len(sc.stages), sc.total_minutes)
    broken_bundled(tmp_path, monkeypatch)
    app = MockintApp(Store(tmp_path / "d.db"), default_scenario=None, default_summary=summary)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: bool(app.fatal_message))
    assert app.return_code == 2 and "aiml-engineer.toml" in app.fatal_message


def test_a_bare_start_from_the_summary_imports_no_scenario_loader(tmp_path):
    """What the start-up benchmark relies on: with the summary kept, drawing home needs
    neither tomllib, json nor the scenario model (each a few ms of a ~250 ms start)."""
    code = textwrap.dedent(
        """
        import asyncio, sys
        from mockint.launch import default_for_home, open_store
        from mockint.tui.app import MockintApp

        assert default_for_home()[0] is not None  # the first start: a full load
        for name in [m for m in sys.modules if m.startswith(("mockint.", "tomllib", "json"))]:
            del sys.modules[name]  # as a new process would start
        from mockint.launch import default_for_home, open_store
        from mockint.tui.app import MockintApp

        scenario, summary = default_for_home()
        assert scenario is None and summary is not None
        # What is loaded after home is drawn (the scenario 0.3 s later, the review data)
        # is not part of drawing it: on a busy machine those timers can fire before the
        # check below, so they are pushed out of this test's way.
        import mockint.tui.app, mockint.tui.screens.home
        mockint.tui.app.DEFAULT_LOAD_AFTER_S = 3600
        mockint.tui.screens.home.HomeScreen.REFRESH_AFTER_S = 3600

        async def main():
            app = MockintApp(open_store(None), default_scenario=None, default_summary=summary)
            async with app.run_test(size=(80, 24)) as pilot:
                await pilot.pause()
                print(",".join(sorted(m for m in ("tomllib", "json", "mockint.scenario.model",
                    "mockint.scenario.catalog") if m in sys.modules)))

        asyncio.run(main())
        """
    )
    res = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=os.environ
    )
    assert res.returncode == 0, res.stderr
    assert res.stdout.strip() == ""


async def test_the_size_notice_and_the_unsaved_line_are_added_on_first_need(tmp_path):
    app = MockintApp(Store(tmp_path / "e.db"), default_scenario=find_scenario(None))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        home = app.screen
        assert not home.query("#too-small") and not home.query("#unsaved")
        home.show_unsaved("NOT SAVED YET: your notes")
        await wait_for(pilot, lambda: bool(home.query("#unsaved")))
        line = home.query_one("#unsaved")
        assert line.display and "your notes" in str(line.render())
        assert home.children[0] is line  # before the body, as when always composed
        await pilot.resize_terminal(50, 12)
        await wait_for(pilot, lambda: bool(home.query("#too-small")))
        assert home.children[0].id == "too-small" and home.children[1] is line
        assert home.query_one("#too-small").display and not line.display
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        home.show_unsaved("")
        await pilot.pause()
        assert not line.display and not home.query_one("#too-small").display
        assert home.query_one("#menu").display
