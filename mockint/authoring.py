"""`mockint problems validate PATH...`: check a problem folder of your own and grade its
reference solution against every case (visible and hidden) with the real judge.

Your problems live in `problems/<slug>/` in the data directory (beside `scenarios/`), in the
format of `scenarios/problems/FORMAT.md`, with the reference solution as `solution.py` in the
same folder. They are picked and graded like the bundled ones; the sandbox hides the whole
data directory from submitted code, so your cases stay hidden.

Output: `PATH: ok (...)` per good folder, one `PATH: ...: what is wrong` line per bad one;
exit 0 when all are good, 2 otherwise. The judge runs in a worker that sees a temporary data
directory holding only a copy of the folder, so a problem can be checked before it is
installed.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

import click

from mockint.grading.problems import SLUG_RE, Problem, ProblemError, load_problem

REQUIRED = ("problem.toml", "statement.md", "starter.py", "cases.py")


def _check_files(path: Path) -> Problem:
    """The folder's files and metadata; ProblemError with one line on the first problem."""
    if not path.is_dir():
        raise ProblemError(f"{path}: not a folder (give the problem's folder, problems/<slug>)")
    if not SLUG_RE.match(path.name):
        raise ProblemError(
            f"{path}: the folder name '{path.name}' is not a slug (lower-case words joined by '-')"
        )
    for name in REQUIRED:
        if not (path / name).is_file():
            raise ProblemError(f"{path / name}: missing")
    problem = load_problem(path.name, path.parent)
    if not problem.reference_path.is_file():
        raise ProblemError(f"{path / 'solution.py'}: missing (the reference solution)")
    if not 2 <= len(problem.hints) <= 4:
        raise ProblemError(
            f"{path / 'problem.toml'}: hints: give 2 to 4 progressive hints "
            f"(found {len(problem.hints)})"
        )
    return problem


def _grade_reference(path: Path, problem: Problem, timeout: float) -> str:
    """Grades the reference on every case in a worker whose data directory holds only a copy
    of this folder; returns a summary, or raises ProblemError with the first failure."""
    from mockint.grading.client import GradingClient, GradingError

    code = problem.reference_path.read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory(prefix="mockint-validate-") as tmp:
        home = Path(tmp) / "data"
        shutil.copytree(path, home / "mockint" / "problems" / path.name)
        env = dict(os.environ, XDG_DATA_HOME=str(home))
        client = GradingClient(env=env)
        started = time.monotonic()
        try:
            result = client.submit(code, path.name, True).result(timeout=timeout)
        except GradingError as exc:
            raise ProblemError(f"{path}: grading failed: {exc}") from None
        except TimeoutError:
            raise ProblemError(f"{path}: the judge did not answer within {timeout:g} s") from None
        finally:
            client.shutdown()
    bad = [t for t in result["tests"] if t["verdict"] != "accepted"]
    if result["verdict"] != "accepted" or not result["tests"]:
        first = bad[0] if bad else {"id": "-", "verdict": result["verdict"], "message": ""}
        why = (first.get("message") or "").strip().split("\n")[0]
        raise ProblemError(
            f"{problem.reference_path}: the reference is not accepted: {first['verdict']} on "
            f"case '{first['id']}'" + (f" ({why})" if why else "")
        )
    hidden = sum(1 for t in result["tests"] if not t["visible"])
    notes = []
    for key in ("complexity", "vectorized"):
        advice = result.get(key)
        if advice and advice.get("ok") is False:
            notes.append(f"{key} advice is not green for the reference")
    took = time.monotonic() - started
    summary = f"{len(result['tests'])} cases ({hidden} hidden) accepted in {took:.1f} s"
    return summary + ("; " + "; ".join(notes) if notes else "")


def validate_paths(paths: list[Path], timeout: float = 600.0) -> int:
    bad = False
    for path in paths:
        try:
            problem = _check_files(path)
            summary = _grade_reference(path, problem, timeout)
        except ProblemError as exc:
            print(str(exc), file=sys.stderr)
            bad = True
            continue
        extra = "" if problem.discussion else "; no discussion.md (recommended)"
        print(f"{path}: ok ({problem.slug}, {problem.difficulty}, {summary}{extra})")
    return 2 if bad else 0


@click.command("validate", context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
def validate_command(paths: tuple[Path, ...]) -> None:
    """Check problem folders (problems/<slug>/ with problem.toml, statement.md, starter.py,
    cases.py and solution.py) and grade each reference solution against every case. One
    line per folder; exit 2 if any is bad."""
    sys.exit(validate_paths(list(paths)))
