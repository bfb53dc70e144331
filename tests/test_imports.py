"""Layering: the core never imports Textual; starting the app never imports numpy or torch."""

import subprocess
import sys
import textwrap

CORE = [
    "mockint.engine.session",
    "mockint.engine.alerts",
    "mockint.engine.timefmt",
    "mockint.scenario.catalog",
    "mockint.scenario.serialize",
    "mockint.store.sessions",
    "mockint.recording",
    "mockint.engine.picks",
    "mockint.scoring.coverage",
    "mockint.scoring.star",
    "mockint.scoring.score",
    "mockint.store.coding",
]


def run_python(code: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, timeout=120
    )


def test_core_imports_no_textual():
    res = run_python(
        f"""
        import sys
        for name in {CORE!r}:
            __import__(name)
        bad = sorted(m for m in sys.modules if m.split(".")[0] in ("textual", "rich", "numpy", "torch"))
        print(",".join(bad))
        """
    )
    assert res.returncode == 0, res.stderr
    assert res.stdout.strip() == ""


def test_starting_the_app_imports_neither_numpy_nor_torch(tmp_path):
    res = run_python(
        f"""
        import asyncio, sys
        from mockint import cli  # the same entry point the console script uses
        from mockint.scenario.catalog import find_scenario
        from mockint.store.sessions import Store
        from mockint.tui.app import MockintApp
        from mockint.tui.screens.home import HomeScreen
        from mockint.tui.screens.talk import TalkScreen

        async def main():
            app = MockintApp(Store({str(tmp_path / "i.db")!r}), default_scenario=find_scenario(None))
            async with app.run_test(size=(80, 24)) as pilot:
                await pilot.pause()
                assert isinstance(app.screen, HomeScreen)
                await pilot.press("enter")  # start the default loop
                await pilot.pause(0.3)
                await pilot.press("enter")  # start stage 1
                await pilot.pause(0.3)
                assert isinstance(app.screen, TalkScreen), app.screen

        asyncio.run(main())
        assert "textual" in sys.modules
        print(",".join(sorted(m for m in ("numpy", "torch") if m in sys.modules)))
        """
    )
    assert res.returncode == 0, res.stderr
    assert res.stdout.strip() == ""


def test_a_guard_that_can_fail():
    """The check above is meaningful: importing the grader's heavy side does load numpy."""
    res = run_python("import sys, numpy; print('numpy' in sys.modules)")
    assert res.stdout.strip() == "True"
