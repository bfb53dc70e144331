"""The session report: one plain dict built from the store (`collect`), and its Markdown,
HTML and JSON renderings. No Textual, numpy or torch here."""

from mockint.report.collect import build_report

__all__ = ["build_report"]
