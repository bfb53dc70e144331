"""Every worked example in a statement is right: each problem's `cases.examples()` lists the
words of its statement's examples and the values they state, and those words are in the
statement, and the trusted model (`expected`, or the validator) and the reference solution
give those values. (logistic-regression once stated w = [0.1] where its formula gives 0.05.)
"""

import re

import pytest

from mockint.grading import harness
from mockint.grading.cases import load_cases_module, reference_code, wire_case
from mockint.grading.compare import compare
from mockint.grading.problems import list_problems, problems_dir
from mockint.grading.values import from_wire

PROBLEMS = list_problems(problems_dir())


def _flat(text: str) -> str:
    return " ".join(text.split())


def _reference(problem):
    """The reference's entry point, loaded in this (trusted) process."""
    namespace = {"__name__": "solution"}
    exec(compile(reference_code(problem), str(problem.reference_path), "exec"), namespace)
    return namespace[problem.entry]


def _run(problem, entry, example):
    """What the reference returns for `example`, through the judge's own encoding."""
    case = harness._decode_case(wire_case(example))
    return from_wire(harness._run_case(problem.kind, entry, case)["value"])


@pytest.mark.parametrize("problem", PROBLEMS, ids=lambda p: p.slug)
def test_a_statement_with_an_example_lists_it(problem):
    cases_mod = load_cases_module(problem)
    if re.search(r"^Examples?\b", problem.statement, re.M):
        assert cases_mod.examples(), f"{problem.slug}: examples() is empty"


@pytest.mark.parametrize(
    "problem",
    [p for p in PROBLEMS if hasattr(load_cases_module(p), "examples")],
    ids=lambda p: p.slug,
)
def test_statement_examples_are_in_the_statement_and_hold(problem):
    cases_mod = load_cases_module(problem)
    statement = _flat(problem.statement)
    entry = _reference(problem)
    for example in cases_mod.examples():
        for words in example["shows"]:
            assert _flat(words) in statement, f"not in the statement: {words}"
        rtol, atol = example.get("rtol", problem.rtol), example.get("atol", problem.atol)
        got = _run(problem, entry, example)
        if "one_of" in example:
            assert got in example["one_of"], f"the reference gives {got}"
        else:
            reason = compare(example["want"], got, rtol, atol)
            assert reason is None, f"the reference: {reason}"
        if problem.validator:
            assert cases_mod.validate(example, got) is None
        else:
            model = cases_mod.expected(example)
            assert compare(example["want"], model, rtol, atol) is None, f"expected(): {model}"
