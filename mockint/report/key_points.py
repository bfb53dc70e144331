"""Key points in a report, in the same words as the review screen and `mockint assess`
(all through `mockint.scoring.self_check`): detected (made, not found, said wrong, with the
deciding sentence) beside the candidate's self-check."""

from __future__ import annotations

from mockint.report.shape import CoverageReport, PointReport
from mockint.scoring.self_check import check_text, detected_text, headline


def coverage_line(cov: CoverageReport) -> str:
    return headline(
        cov["covered"],
        cov["total"],
        cov["wrong"],
        len(cov["mistakes"]),
        cov["combined"] if cov["checked"] else None,
    )


def point_detected(p: PointReport) -> str:
    return detected_text(p["status"], p["evidence"], p["how"])


def point_checked(p: PointReport) -> str:
    return check_text(p["self_check"], p["disputed"])


def probe_line(cov: CoverageReport, probed: str | None) -> str | None:
    """The key point the interviewer probed after the answer, if one was."""
    text = next((p["text"] for p in cov["points"] if p["id"] == probed), None)
    return f"The interviewer probed: {text}" if text else None
