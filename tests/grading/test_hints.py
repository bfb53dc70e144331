"""Progressive hints in problem.toml: every bundled problem has 2-4, bad ones are refused."""

import re
import shutil
import subprocess
import sys

import pytest

from mockint.grading.problems import ProblemError, list_problems, load_problem, problems_dir

PROBLEMS = list_problems()


def test_there_are_bundled_problems():
    assert len(PROBLEMS) >= 4


@pytest.mark.parametrize("problem", PROBLEMS, ids=lambda p: p.slug)
def test_every_bundled_problem_has_two_to_four_hints(problem):
    assert 2 <= len(problem.hints) <= 4, problem.hints
    for hint in problem.hints:
        assert isinstance(hint, str) and hint.strip(), problem.hints
    assert len(set(problem.hints)) == len(problem.hints), "a hint is repeated"


@pytest.mark.parametrize("problem", PROBLEMS, ids=lambda p: p.slug)
def test_hints_come_right_after_topics(problem):
    keys = [
        m.group(1)
        for m in re.finditer(r"(?m)^(\w+)\s*=", (problem.dir / "problem.toml").read_text())
    ]
    assert keys[keys.index("topics") + 1] == "hints", keys


def _copy_with_hints(tmp_path, hints_line: str | None) -> str:
    """A copy of a real problem whose `hints = [...]` array is replaced by `hints_line`."""
    slug = "moving-average"
    shutil.copytree(problems_dir() / slug, tmp_path / slug)
    toml = tmp_path / slug / "problem.toml"
    text, n = re.subn(
        r"(?ms)^hints = \[.*?^\]\n",
        "" if hints_line is None else hints_line + "\n",
        toml.read_text(encoding="utf-8"),
        count=1,
    )
    assert n == 1, "the real problem.toml has no multi-line hints array to replace"
    toml.write_text(text, encoding="utf-8")
    return slug


def test_the_copy_loads_with_the_real_hints(tmp_path):
    slug = "moving-average"
    shutil.copytree(problems_dir() / slug, tmp_path / slug)
    assert load_problem(slug, root=tmp_path).hints == load_problem(slug).hints


@pytest.mark.parametrize(
    "line",
    [
        'hints = "x"',
        'hints = [""]',
        'hints = ["  "]',
        "hints = [1]",
        'hints = ["ok", 2]',
        "hints = {a = 1}",
    ],
)
def test_bad_hints_are_a_one_line_problem_error_naming_the_file_and_field(tmp_path, line):
    slug = _copy_with_hints(tmp_path, line)
    with pytest.raises(ProblemError) as info:
        load_problem(slug, root=tmp_path)
    message = str(info.value)
    assert "\n" not in message
    assert str(tmp_path / slug / "problem.toml") in message
    assert "hints" in message


def test_hints_are_optional_for_the_loader(tmp_path):
    slug = _copy_with_hints(tmp_path, None)
    assert load_problem(slug, root=tmp_path).hints == []


def test_importing_problems_loads_neither_numpy_nor_torch():
    code = (
        "import sys; from mockint.grading.problems import list_problems; list_problems(); "
        "print(sorted(m for m in ('numpy', 'torch') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]", out.stderr
