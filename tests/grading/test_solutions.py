"""Every reference solution is accepted with green advice; known-bad ones are caught."""

import json
from pathlib import Path

import pytest

from mockint.grading.problems import list_problems, load_problem, solutions_dir
from tests.grading.conftest import HERE, grade, read_header

PROBLEMS = [p.slug for p in list_problems()]
SUBMISSIONS = sorted((HERE / "submissions").glob("*.py"))


def test_at_least_the_named_problems_exist():
    assert {"moving-average", "pairwise-distances", "prune-weights", "fc-relu"} <= set(PROBLEMS)


@pytest.mark.parametrize("slug", PROBLEMS)
def test_reference_solution_is_accepted_with_green_advice(judge, slug):
    code = (solutions_dir() / f"{slug}.py").read_text()
    result = grade(judge, code, slug)
    bad = [t for t in result["tests"] if t["verdict"] != "accepted"]
    assert result["verdict"] == "accepted", bad
    assert result["passed"] == result["total"] > 0
    assert any(not t["visible"] for t in result["tests"]), "no hidden cases ran"
    # Fair limits: the reference used at most half of every limit of every test (the
    # limits scale with this machine: see mockint/grading/calibration.py). Its CPU time,
    # against the wall limit too: how long it waited for a core is the machine's load, not
    # the judge's fairness, while a wall limit under twice the work would be unfair on any
    # machine.
    for t in result["tests"]:
        cpu_s, wall_s = t["limits"]["cpu_s"], t["limits"]["wall_s"]
        used = t["cpu_ms"] / 1000
        assert used <= cpu_s / 2, f"{slug} {t['id']}: {t['cpu_ms']} ms of {cpu_s} s"
        assert used <= wall_s / 2, f"{slug} {t['id']}: {t['cpu_ms']} ms of CPU, wall {wall_s} s"
    # Green advice, never "not sure": the reference is timed beside itself in the same rounds.
    if result["complexity"] is not None:
        # The whole measurement (times, rounds) as text: pytest would shorten a dict.
        assert result["complexity"]["ok"] is True, json.dumps(result["complexity"])
    if result["vectorized"] is not None:
        assert result["vectorized"]["ok"] is True, result["vectorized"]


@pytest.mark.parametrize("slug", PROBLEMS)
def test_every_problem_has_a_caught_wrong_and_a_caught_slow_or_loop_submission(slug):
    kinds = set()
    for path in SUBMISSIONS:
        head = read_header(path)
        if head.get("problem") != slug:
            continue
        expect = head["expect"]
        if expect.get("verdict") == "wrong_answer":
            kinds.add("wrong")
        if (
            expect.get("complexity") == "bad"
            or expect.get("vectorized") == "bad"
            or expect.get("verdict") in ("time_limit", "too_slow", "not_vectorized")
        ):
            kinds.add("slow")
    assert kinds == {"wrong", "slow"}, f"{slug}: only {sorted(kinds)} in tests/grading/submissions"


@pytest.mark.parametrize("path", SUBMISSIONS, ids=[p.stem for p in SUBMISSIONS])
def test_submission_gets_the_expected_verdict_and_advice(judge, path: Path):
    head = read_header(path)
    expect = head["expect"]
    result = grade(judge, path.read_text(), head["problem"])
    assert result["verdict"] == expect["verdict"], result["tests"]
    if "expect-message" in head:
        failed = [t for t in result["tests"] if t["verdict"] != "accepted"]
        assert failed and all(head["expect-message"] in t["message"] for t in failed), failed
    for key in ("complexity", "vectorized"):
        if key in expect:
            assert result[key] is not None, f"no {key} advice"
            assert result[key]["ok"] is (expect[key] == "ok"), result[key]


@pytest.mark.parametrize("slug", PROBLEMS)
def test_a_rule_the_statement_states_is_named_in_it(slug):
    """`required = true` turns a measurement into a verdict, so the statement must say it."""
    problem = load_problem(slug)
    statement = problem.statement
    if problem.requires("complexity"):
        assert "O(" in statement, f"{slug}: the complexity rule is not in the statement"
    if problem.requires("vectorized"):
        assert "loop" in statement.lower(), f"{slug}: the no-loop rule is not in the statement"
