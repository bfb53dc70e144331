"""How the self-check combines with the scorer's detection (mockint.scoring.self_check)."""

import pytest

from mockint.scoring.self_check import SelfCheck, combined_credit, combined_share
from mockint.scoring.verdict import Coverage, MistakeFound, PointCoverage


@pytest.mark.parametrize(
    "status, mark, disputed, credit",
    [
        ("made", None, False, 1.0),
        ("missing", None, False, 0.0),
        ("wrong", None, False, -0.5),
        ("made", "right", False, 1.0),
        ("made", "missed", False, 0.5),
        ("missing", "right", False, 0.5),  # the candidate alone never gives full credit
        ("missing", "partly", False, 0.25),
        ("made", "wrong", False, 0.25),
        ("wrong", "right", False, -0.5),  # said wrong stays wrong unless disputed
        ("wrong", "right", True, 0.5),  # disputed: "not found" and the mark, averaged
        ("wrong", "wrong", True, -0.25),
        ("made", "bogus", False, 1.0),  # an unknown mark is no mark
    ],
)
def test_credit(status, mark, disputed, credit):
    assert combined_credit(status, mark, disputed) == credit


def _cov(*statuses, errors=()):
    points = tuple(PointCoverage(f"p{i}", "", (), verdict=s) for i, s in enumerate(statuses))
    return Coverage(points, errors=errors)


def test_a_point_said_wrong_never_reaches_full_marks_even_disputed():
    cov = _cov("made", "wrong")
    everything_right = {"p0": "right", "p1": "right"}
    assert combined_share(cov, SelfCheck(everything_right)) == 0.25
    assert combined_share(cov, SelfCheck(everything_right, frozenset({"p1"}))) == 0.75
    assert combined_share(_cov("made", "made"), SelfCheck(everything_right)) == 1.0


def test_no_self_check_is_the_detection_and_mistakes_still_cost():
    cov = _cov("made", "missing", errors=(MistakeFound("tuned on the test set", "x"),))
    assert combined_share(cov, None) == cov.share == 0.0
    assert combined_share(cov, SelfCheck({"p1": "right"})) == 0.25  # 1.5 - 1 over 2
