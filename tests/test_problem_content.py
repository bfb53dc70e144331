"""Problem content: enough problems, a third of them hard, the ones the guide names, a
discussion for every one (approach, complexity, pitfalls, alternatives), and every call the
judge rules out named in the statement."""

import pytest

from mockint.grading.problems import list_problems

PROBLEMS = list_problems()


def test_at_least_22_problems_and_a_third_hard():
    assert len(PROBLEMS) >= 22
    hard = [p.slug for p in PROBLEMS if p.difficulty == "hard"]
    assert len(hard) * 3 >= len(PROBLEMS), hard


def test_the_problems_the_guide_names_are_there():
    slugs = {p.slug for p in PROBLEMS}
    assert {
        "beam-search",
        "conv2d",
        "hash-map",
        "lru-cache",
        "median-stream",
        "kmeans",
        "logistic-regression",
        "layer-norm",
        "tabular-modelling",
    } <= slugs


@pytest.mark.parametrize("problem", PROBLEMS, ids=lambda p: p.slug)
def test_every_problem_has_a_discussion(problem):
    path = problem.dir / "discussion.md"
    assert path.is_file(), f"{path} missing"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# "), "starts with a title"
    for section in ("## Approach", "## Complexity", "## Pitfalls"):
        assert section in text, f"{problem.slug}: no {section!r}"
    assert "## Alternatives" in text or "## Follow-ups" in text or "## Uses" in text
    assert "O(" in text.split("## Complexity", 1)[1], "the complexity section states a bound"
    assert 150 <= len(text.split()) <= 700


def test_statements_that_rule_a_call_out_have_the_judge_enforce_it():
    by_slug = {p.slug: p for p in PROBLEMS}
    assert "torch.cdist" in by_slug["pairwise-distances"].forbidden
    assert "torch.nn.functional.conv2d" in by_slug["conv2d"].forbidden
    assert "torch.Tensor.backward" in by_slug["layer-norm"].forbidden


@pytest.mark.parametrize("problem", [p for p in PROBLEMS if p.forbidden], ids=lambda p: p.slug)
def test_every_forbidden_call_is_named_in_the_statement_with_the_rule_it_breaks(problem):
    statement = " ".join(problem.statement.split())
    assert problem.forbidden_rule, f"{problem.slug}: forbidden calls but no forbidden_rule"
    assert problem.forbidden_rule in statement, "forbidden_rule is not the statement's words"
    for call in problem.forbidden:
        names = {call, "np." + call.removeprefix("numpy.")} if call.startswith("numpy.") else {call}
        assert any(f"`{name}`" in statement for name in names), f"{call} is not in the statement"
