"""Text that a submission produced, made safe to show on a terminal, a screen or a report.

Whatever submitted code prints (stdout, stderr, tracebacks, exception messages) may hold
escape sequences that clear a screen, move the cursor, set a window title or fake a
verdict. `clean` keeps newlines and tabs and shows every other control character as a
visible escape (`\\x1b`, `\\r`, `\\u202e`), so nothing reaches a terminal raw and the reader
still sees what was printed. Importing this module imports nothing heavy. The same cleaning
serves untrusted people's text: what a pair participant sends (mockint/pair/text.py) and
every Markdown or HTML report (mockint/report/document.py).
"""

from __future__ import annotations

import re

# C0 controls but tab and newline, DEL, C1 controls, and the bidirectional overrides and
# isolates (which reorder what a reader sees), plus the line and paragraph separators.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]")


def _visible(match: re.Match[str]) -> str:
    ch = match.group()
    if ch == "\r":
        return "\\r"
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def clean(text: object) -> str:
    """`text` as a string with control and escape characters shown, never sent raw.

    Windows line ends become plain newlines. Non-strings are converted with `str` first,
    so a missing or odd value from a stored result cannot break the caller.
    """
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    return _UNSAFE.sub(_visible, text.replace("\r\n", "\n"))
