"""Untrusted text (what a candidate's code prints, what a client sends) made safe for a screen:
escape sequences and control characters are removed, newlines and tabs kept."""

from __future__ import annotations

import re

_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"  # DCS, SOS, PM, APC
    r"|\x1b.?"  # any other escape
)
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean(text: object, limit: int = 20_000) -> str:
    s = str(text)[: limit * 2]
    s = _ESCAPES.sub("", s)
    s = _CONTROLS.sub("", s.replace("\r\n", "\n"))
    return s[:limit]
