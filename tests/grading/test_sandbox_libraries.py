"""Ordinary NumPy, torch and standard-library code runs inside the sandbox, as root and as an
ordinary user, with Python's virtual environment under /tmp, where a checkout cloned into
/tmp keeps it: the sandbox's fresh /tmp once hid it, so whatever the warm process had not
imported yet failed (`np.median`: no module named numpy.ma; numpy.random).
"""

import pytest

from mockint.grading.problems import solutions_dir
from tests.grading.conftest import HERE, IDENTITIES, JudgeAs, grade


@pytest.fixture(scope="module", params=IDENTITIES)
def judge_with_python_in_tmp(request):
    judge = JudgeAs(request.param, python_in_tmp=True)
    yield judge
    judge.close()


def test_library_calls_work_in_the_sandbox(judge_with_python_in_tmp):
    calls = (HERE / "library_calls.py").read_text()
    solution = (solutions_dir() / "tabular-modelling.py").read_text()
    result = grade(
        judge_with_python_in_tmp.client, calls + "\n" + solution, "tabular-modelling", False
    )
    failed = [t["message"] for t in result["tests"] if t["verdict"] != "accepted"]
    assert result["verdict"] == "accepted", failed[:1]
