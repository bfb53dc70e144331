"""A run whose tests all passed but which broke a rule the statement states: how the coding
screen, the pair summary, the CLI and the report say it (the judge's side is in
tests/grading/test_solutions.py and test_under_load.py)."""

from mockint.grading.commands import _print_human
from mockint.kinds import run_summary, verdict_info
from mockint.report.coding import advice
from mockint.tui.screens.coding import CodingScreen
from mockint.tui.widgets.results import advice_text
from tests.coding.test_coding_screen import open_editor, practice_app, verdict

TOO_SLOW = {
    "problem": "moving-average",
    "verdict": "too_slow",
    "passed": 3,
    "total": 3,
    "tests": [
        {"id": f"t{i}", "visible": True, "verdict": "accepted", "message": "", "time_ms": 1.0}
        for i in range(3)
    ],
    "complexity": {
        "target": "O(1) per call",
        "measured": "about O(n^2.0), 196x the reference's time at n=8000",
        "slope": 2.0,
        "ok": False,
    },
    "vectorized": None,
}
UNSURE = dict(
    TOO_SLOW,
    verdict="accepted",
    complexity={
        "target": "O(1) per call",
        "measured": "not sure (machine busy): between O(n^1.1) and O(n^1.6)",
        "slope": 1.3,
        "ok": None,
    },
)


def test_the_words_of_a_broken_rule_and_of_an_unsure_measurement():
    assert verdict_info("too_slow").rule and not verdict_info("wrong_answer").rule
    line = run_summary(TOO_SLOW)
    assert line.startswith("Too slow for the stated complexity: 3 of 3 tests passed")
    assert "about O(n^2.0)" in line and "O(1) per call" in line
    assert run_summary(UNSURE) == "Accepted: 3 of 3 tests passed"
    assert advice_text(TOO_SLOW).startswith("✗ Time complexity: about O(n^2.0)")
    assert advice_text(UNSURE).startswith("? Time complexity: not sure (machine busy)")
    assert [a["ok"] for a in advice(UNSURE)] == [None]


def test_the_cli_names_the_rule(capsys):
    _print_human(TOO_SLOW)
    out = capsys.readouterr().out
    assert (
        "complexity: about O(n^2.0), 196x the reference's time at n=8000, target O(1) per call [!!]"
        in out
    )
    assert out.rstrip().endswith("too_slow: 3/3 tests passed (too slow for the stated complexity)")
    _print_human(UNSURE)
    assert "[??]" in capsys.readouterr().out


async def test_the_coding_screen_shows_the_verdict_and_the_measurement(tmp_path):
    app = practice_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_editor(pilot, app)
        screen = app.screen
        assert isinstance(screen, CodingScreen)
        token = screen._token = object()
        for i, test in enumerate(TOO_SLOW["tests"]):
            screen._on_grading_event(token, {"event": "test", "index": i, "test": test})
        screen._on_grading_event(token, {"event": "done", "result": TOO_SLOW})
        await pilot.pause()
        shown = verdict(app)
        assert shown.startswith("⧗ Too slow for the stated complexity: 3 of 3 tests passed")
        detail = str(screen.query_one("#detail").render())
        assert "✗ Time complexity: about O(n^2.0)" in detail
