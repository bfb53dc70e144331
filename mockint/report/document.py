"""A session's report as one document: the usual report and, for a pair round, the round's
own part, as Markdown, HTML or JSON.

Every way a report leaves mockint goes through `document` (`mockint report`, `mockint
pair-report`, the report screens), and it is the one place where a report's text is made
safe for a terminal: answers, code, notes and feedback may hold escape sequences (a pair
participant's text above all), so Markdown and HTML are cleaned of control characters as
the judge cleans program output (tabs and newlines kept). JSON escapes them itself.
"""

from __future__ import annotations

import json
from typing import Any

from mockint.grading.text import clean
from mockint.report.shape import Report
from mockint.store.sessions import Store

FORMATS = ("md", "json", "html")


def document(report: Report, pair: dict[str, Any] | None, fmt: str) -> str:
    if fmt == "json":
        whole = dict(report) | ({"pair": pair} if pair is not None else {})
        return json.dumps(whole, indent=2, sort_keys=True, default=str) + "\n"
    from mockint.report import pair as pair_report

    if fmt == "html":
        from mockint.report.html import render_html

        text = render_html(report)
        if pair is not None:
            head, _, tail = text.rpartition("</body>")
            text = head + pair_report.render_pair_html(pair) + "</body>" + tail
    else:
        from mockint.report.markdown import render_markdown

        text = render_markdown(report)
        if pair is not None:
            text += pair_report.render_pair_markdown(pair)
    return clean(text)


def pair_report(store: Store, session_id: int, view: str, fmt: str = "md") -> str:
    """A pair round's report for one side (`mockint pair-report`)."""
    from mockint.report.collect import build_report
    from mockint.report.pair import pair_part

    report = build_report(store, session_id)
    return document(report, pair_part(store, session_id, view), fmt)
