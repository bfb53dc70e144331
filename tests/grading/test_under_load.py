"""The judge on a busy machine: two processes per core burn CPU (tests/grading/load.py)
while every bundled reference is graded and the submissions that break a stated rule are
graded too. References keep green advice and are never rejected; the slow and loop-based
submissions are still caught. Timing reads CPU clocks and keeps each size's best over
interleaved passes and rounds, and an unsure measurement never rejects (see
mockint/grading/advice.py), so the load changes how long this takes, not what it says.

Visible cases only: the advice is what load could disturb, and it runs on a run as on a
submit; the hidden cases are covered by test_solutions.py.
"""

from __future__ import annotations

import json

import pytest

from mockint.grading.problems import list_problems, load_problem, solutions_dir
from tests.grading.conftest import HERE, grade, read_header
from tests.grading.load import busy_machine

PROBLEMS = [p for p in list_problems() if p.complexity or p.vectorized]
RULE_BREAKERS = [
    path
    for path in sorted((HERE / "submissions").glob("*.py"))
    if read_header(path)["expect"].get("verdict") in ("too_slow", "not_vectorized")
]


@pytest.fixture(scope="module")
def busy():
    with busy_machine(per_core=2) as pids:
        yield pids


@pytest.mark.slow
@pytest.mark.timeout(1800)
def test_references_keep_green_advice_and_rule_breakers_are_caught_under_load(judge, busy):
    bad = []
    for problem in PROBLEMS:
        code = (solutions_dir() / f"{problem.slug}.py").read_text()
        result = grade(judge, code, problem.slug, hidden=False, timeout=900)
        advice = [result[k] for k in ("complexity", "vectorized") if result[k] is not None]
        if result["verdict"] != "accepted" or any(a["ok"] is not True for a in advice):
            bad.append((problem.slug, result["verdict"], advice))
    for path in RULE_BREAKERS:
        head = read_header(path)
        result = grade(judge, path.read_text(), head["problem"], hidden=False, timeout=900)
        problem = load_problem(head["problem"])
        key = "complexity" if head["expect"]["verdict"] == "too_slow" else "vectorized"
        if result["verdict"] != head["expect"]["verdict"] or not problem.requires(key):
            bad.append((path.stem, result["verdict"], result[key]))
    # Each as text in full (times, rounds): pytest would shorten the list.
    assert not bad, "\n".join(json.dumps(b) for b in bad)
