"""The capacity scratchpad evaluates another person's text in pair mode: it bounds what it
parses and never raises, whatever a line holds."""

from __future__ import annotations

import sys

import pytest

from mockint.scratchpad import MAX_DEPTH, MAX_LINE, MAX_LINES, evaluate, pad_results

HOSTILE = {
    # The line that ended the interviewer's session on every reconnect (3 KB).
    "x = " + "+".join(["1"] * 1500): "line too long",
    "-" * 3000 + "1": "line too long",
    "(" * 3000 + "1" + ")" * 3000: "line too long",
    "9" * 5000: "line too long",
    # Within the length limit but deep: nesting is bounded too.
    "x = " + "+".join(["1"] * (MAX_DEPTH + 20)): "too deeply nested",
    "-" * (MAX_LINE - 1) + "1": "too deeply nested",
    "(-" * 95 + "1" + ")" * 95: "too deeply nested",
    "1" + "0" * 40: "number too large",
    "1e400 * 2": "number too large",
    "(-8) ** 0.5": "no fractional power",
    "2 ** 1000": "exponent too large",
    "1\x00 + 2": "not an expression",
    "1 / 0": "division by zero",
    "__import__('os')": "only numbers",
}


@pytest.mark.parametrize("line", list(HOSTILE))
def test_a_hostile_line_gets_an_error_and_nothing_raises(line):
    [result] = evaluate(line)
    assert result.error is not None and HOSTILE[line] in result.error, result.error
    assert pad_results(line).startswith("error: ")


def test_a_hostile_line_does_not_stop_the_others():
    text = "a = 2M\n" + "x = " + "+".join(["1"] * 1500) + "\nb = a * 3"
    assert pad_results(text).splitlines() == [
        "a = 2,000,000 (2M)",
        f"error: line too long (over {MAX_LINE} characters); split it over lines",
        "b = 6,000,000 (6M)",
    ]


def test_deep_lines_are_safe_however_deep_the_caller_is():
    # The interviewer's screen calls the evaluator from deep inside Textual's stack.
    line = "-" * (MAX_LINE - 1) + "1"

    def nested(depth: int) -> str:
        return nested(depth - 1) if depth else pad_results(line)

    assert nested(sys.getrecursionlimit() - 150).startswith("error: ")


def test_only_the_first_lines_are_evaluated():
    text = "\n".join(f"x{i} = {i}" for i in range(MAX_LINES + 3))
    results = evaluate(text)
    assert len(results) == MAX_LINES + 3
    assert results[MAX_LINES - 1].error is None
    assert results[MAX_LINES].error == f"not evaluated (over {MAX_LINES} lines)"


def test_ordinary_lines_still_work():
    assert pad_results("qps = 50M * 20 / day\nstore = qps * 1KB * year") == (
        "qps = 11,574 /s (11.6K)\nstore = 365 TB"
    )
    assert pad_results("x = " + "+".join(["1"] * 40)) == "x = 40"


def test_results_carry_their_units():
    # Seconds are a unit like bytes: a count per day is a rate, bytes per day a bandwidth.
    text = "\n".join(
        [
            "qps = 1bn / day",
            "bw = qps * 4KB",
            "window = 3 * day",
            "events = qps * window",
            "plain = 100e6 * 20 / 86400",
            "sq = 2KB * 3KB",
            "half = 0.5 / sec",
        ]
    )
    assert pad_results(text).splitlines() == [
        "qps = 11,574 /s (11.6K)",
        "bw = 46.3 MB/s",
        "window = 259,200 s (3 days)",
        "events = 3,000,000,000 (3bn)",
        "plain = 23,148 (23.1K)",
        "sq = 6,000,000 bytes^2 (6M)",
        "half = 0.5 /s",
    ]


def test_adding_different_units_says_which():
    [result] = evaluate("x = 1bn / day + 5")
    assert result.error == "cannot add numbers in different units (/s and a plain number)"
