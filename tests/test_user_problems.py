"""Your own problems in the data directory: loaded like bundled ones, and
`mockint problems validate PATH` checks the files and grades the reference with the judge."""

import json
import os
import shutil
import subprocess
import sys

import pytest

from mockint.grading.problems import load_problem, problems_dir, solutions_dir

pytestmark = pytest.mark.slow


def run(*args, env=None):
    return subprocess.run(
        [sys.executable, "-m", "mockint", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=600,
        env=env,
    )


def make_problem(root, slug="my-average", solution="moving-average"):
    folder = root / slug
    shutil.copytree(problems_dir() / "moving-average", folder)
    shutil.copy(solutions_dir() / f"{solution}.py", folder / "solution.py")
    return folder


def test_a_good_problem_validates_with_its_reference_graded(tmp_path):
    folder = make_problem(tmp_path)
    res = run("problems", "validate", folder)
    assert res.returncode == 0, res.stderr
    line = res.stdout.strip()
    assert line.startswith(f"{folder}: ok (my-average, easy, ")
    assert "hidden) accepted in" in line


def test_a_wrong_reference_is_one_line(tmp_path):
    folder = make_problem(tmp_path)
    (folder / "solution.py").write_text(
        (tmp_path / "my-average" / "solution.py").read_text().replace("/ len(self.values)", "/ 2")
    )
    res = run("problems", "validate", folder)
    assert res.returncode == 2 and res.stdout == ""
    (line,) = res.stderr.strip().splitlines()
    assert line.startswith(f"{folder / 'solution.py'}: the reference is not accepted: wrong_answer")
    assert "Traceback" not in res.stderr


@pytest.mark.parametrize(
    "breakage, expected",
    [
        (lambda f: (f / "cases.py").unlink(), "cases.py: missing"),
        (lambda f: (f / "solution.py").unlink(), "solution.py: missing (the reference solution)"),
        (
            lambda f: (f / "problem.toml").write_text(
                (f / "problem.toml").read_text().replace('difficulty = "easy"', 'difficulty = "x"')
            ),
            "problem.toml: difficulty: must be one of easy, medium, hard",
        ),
    ],
)
def test_broken_files_are_one_line_each(tmp_path, breakage, expected):
    folder = make_problem(tmp_path)
    breakage(folder)
    res = run("problems", "validate", folder)
    assert res.returncode == 2
    (line,) = res.stderr.strip().splitlines()
    assert line.endswith(expected), line


def test_problems_in_the_data_directory_are_listed_loaded_and_graded(tmp_path):
    data = tmp_path / "xdg"
    make_problem(data / "mockint" / "problems")
    broken = make_problem(data / "mockint" / "problems", slug="broken-one")
    (broken / "problem.toml").write_text("title = ")
    env = dict(os.environ, XDG_DATA_HOME=str(data), MOCKINT_DB=str(tmp_path / "m.db"))
    res = run("problems", "list", "--json", env=env)
    slugs = [p["slug"] for p in json.loads(res.stdout)]
    assert "my-average" in slugs and "moving-average" in slugs and "broken-one" not in slugs
    assert "broken-one/problem.toml" in res.stderr and len(res.stderr.strip().splitlines()) == 1
    code = data / "mockint" / "problems" / "my-average" / "solution.py"
    res = run("grade", code, "--problem", "my-average", "--hidden", "--json", env=env)
    assert res.returncode == 0, res.stderr
    assert json.loads(res.stdout)["verdict"] == "accepted"


def test_own_problem_replaces_a_bundled_one_of_the_same_slug(tmp_path, monkeypatch):
    data = tmp_path / "xdg"
    folder = make_problem(data / "mockint" / "problems", slug="moving-average")
    (folder / "problem.toml").write_text(
        (folder / "problem.toml").read_text().replace("Moving average of a stream", "Mine")
    )
    monkeypatch.setenv("XDG_DATA_HOME", str(data))
    p = load_problem("moving-average")
    assert p.title == "Mine" and p.reference_path == folder / "solution.py"
