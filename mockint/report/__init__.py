"""The session report: built from the store by `collect` (one section module per stage
kind), shaped as the TypedDicts in `shape`, rendered as Markdown, HTML and JSON. No Textual,
numpy or torch here."""

from mockint.report.collect import build_report

__all__ = ["build_report"]
