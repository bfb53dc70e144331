"""`grade_file` and `problems_list`, run as a user would (a subprocess of python -m mockint.grading)."""

import json
import subprocess
import sys

from mockint.grading.commands import problems_list
from mockint.grading.problems import solutions_dir
from tests.grading.conftest import HERE, JUDGE_WAIT


def run(*args, timeout=JUDGE_WAIT):
    return subprocess.run(
        [sys.executable, "-m", "mockint.grading", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def test_grade_json_shape_and_exit_0():
    out = run(
        "grade",
        str(solutions_dir() / "pairwise-distances.py"),
        "--problem",
        "pairwise-distances",
        "--hidden",
        "--json",
    )
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout)
    assert {"problem", "verdict", "passed", "total", "tests", "complexity", "vectorized"} <= set(
        result
    )
    assert result["problem"] == "pairwise-distances" and result["verdict"] == "accepted"
    for test in result["tests"]:
        assert {"id", "visible", "verdict", "message", "time_ms"} <= set(test)
    assert {"ok", "message"} <= set(result["vectorized"])
    assert result["complexity"] is None


def test_grade_complexity_shape():
    out = run(
        "grade", str(solutions_dir() / "moving-average.py"), "--problem", "moving-average", "--json"
    )
    assert out.returncode == 0, out.stderr
    c = json.loads(out.stdout)["complexity"]
    assert {"target", "measured", "slope", "ok"} <= set(c)
    assert c["measured"].startswith("about O(n^")


def test_wrong_answer_exits_1_and_shows_input_expected_got():
    path = HERE / "submissions" / "pairwise-distances__wrong_squared.py"
    out = run("grade", str(path), "--problem", "pairwise-distances", "--json")
    assert out.returncode == 1
    result = json.loads(out.stdout)
    assert result["verdict"] == "wrong_answer"
    first = result["tests"][0]
    assert first["visible"] and "input:" in first["message"] and "expected:" in first["message"]
    assert "got:" in first["message"]


def test_hidden_failure_shows_only_kind_and_note():
    path = HERE / "submissions" / "prune-weights__wrong_boundary.py"
    out = run("grade", str(path), "--problem", "prune-weights", "--hidden", "--json")
    result = json.loads(out.stdout)
    hidden_failures = [
        t for t in result["tests"] if not t["visible"] and t["verdict"] != "accepted"
    ]
    assert hidden_failures
    for t in hidden_failures:
        assert t["message"].startswith("hidden test")
        assert "expected" not in t["message"] and "tensor(" not in t["message"]


def test_unknown_problem_exits_2_with_one_line():
    out = run("grade", str(solutions_dir() / "fc-relu.py"), "--problem", "nope", "--json")
    assert out.returncode == 2
    assert out.stdout == ""
    assert out.stderr.startswith("mockint: ") and out.stderr.count("\n") == 1
    assert "Traceback" not in out.stderr


def test_missing_file_exits_2():
    out = run("grade", "/nonexistent/solution.py", "--problem", "fc-relu")
    assert out.returncode == 2
    assert out.stderr.startswith("mockint: cannot read") and "Traceback" not in out.stderr


def test_compile_error_exits_1_with_verdict():
    path = HERE / "hostile" / "syntax_error.py"
    out = run("grade", str(path), "--problem", "prune-weights", "--json")
    assert out.returncode == 1
    result = json.loads(out.stdout)
    assert {t["verdict"] for t in result["tests"]} == {"compile_error"}
    assert result["passed"] == 0 and len(result["tests"]) == result["total"]


def test_problems_list(capsys):
    assert problems_list(as_json=True) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {"moving-average", "pairwise-distances", "prune-weights", "fc-relu"} <= {
        r["slug"] for r in rows
    }
    assert set(rows[0]) == {"slug", "title", "difficulty", "kind", "topics"}
    assert problems_list(as_json=False) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[0].split() == ["slug", "title", "difficulty", "kind", "topics"]
    assert len(table) == len(rows) + 1


def _explain(
    *args: str, env: dict | None = None, as_uid: int | None = None
) -> subprocess.CompletedProcess:
    import os

    cmd = [sys.executable, "-m", "mockint", "grade", "--explain-sandbox", *args]
    if as_uid is not None:
        cmd = [sys.executable, str(HERE / "as_user.py"), str(as_uid), str(as_uid), "--", *cmd]
    return subprocess.run(
        cmd,
        capture_output=True,
        text=True,
        timeout=JUDGE_WAIT,
        env=dict(os.environ, **(env or {})),
        cwd=str(HERE.parent.parent),
    )


def test_explain_sandbox_says_what_is_active():
    out = _explain("--json")
    assert out.returncode == 0, out.stderr
    info = json.loads(out.stdout)
    assert {"namespaces", "seccomp", "cgroup", "processes", "memory", "hidden", "warnings"} <= set(
        info
    )
    assert info["seccomp"]["active"], info["seccomp"]
    assert info["processes"] == ("tree" if info["cgroup"]["active"] else "one")
    assert any(p.endswith("solutions") or "/_data" in p for p in info["hidden"])
    human = _explain()
    assert human.returncode == 0 and "seccomp:     active" in human.stdout
    assert "memory:      limited for" in human.stdout


def test_explain_sandbox_shows_each_fallback_and_its_weakness():
    no_cgroup = json.loads(_explain("--json", env={"MOCKINT_JUDGE_NO_CGROUP": "1"}).stdout)
    assert not no_cgroup["cgroup"]["active"] and no_cgroup["processes"] == "one"
    assert "one process per test" in no_cgroup["memory"]
    assert no_cgroup["warnings"] == []
    both = _explain(env={"MOCKINT_JUDGE_NO_CGROUP": "1", "MOCKINT_JUDGE_NO_SECCOMP": "1"})
    assert both.returncode == 0
    assert "seccomp:     NOT active" in both.stdout and "(fallback)" in both.stdout
    assert "WEAK" in both.stdout
    # The missing filter is a warning, on stderr, saying what it means and what to install.
    assert "mockint: warning: No seccomp filter" in both.stderr and "libseccomp2" in both.stderr


def test_explain_sandbox_as_an_ordinary_user():
    import os

    import pytest

    if os.geteuid() != 0:
        pytest.skip("runs as the test's own user already (see the test above)")
    out = _explain("--json", as_uid=1000, env={"HOME": "/nonexistent"})
    assert out.returncode == 0, out.stderr
    info = json.loads(out.stdout)
    assert info["namespaces"]["active"] and "user" in info["namespaces"]["detail"]
    assert info["seccomp"]["active"]
    assert info["runner_user"] == "the worker's own uid"
    assert info["processes"] in ("tree", "one")
