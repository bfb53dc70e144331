"""Best-effort line numbers for a field path in TOML text.

tomllib gives line numbers only for syntax errors; for a field that parses but is wrong we
scan the text for its table header and key so the error still points at a line.
"""

from __future__ import annotations

import re

_HEADER = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_.\-\"' ]+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(r"^\s*([A-Za-z0-9_\-]+|\"[^\"]*\")\s*=")


def find_line(text: str, path: tuple[str | int, ...]) -> int | None:
    """Line (1-based) where `path` (e.g. ("stages", 2, "minutes")) is set, if it can be seen."""
    if not path:
        return None
    # Split into the table part and the final key; integers index arrays of tables.
    table: list[str | int] = list(path)
    key = table.pop() if isinstance(table[-1], str) else None
    want = ".".join(str(p) for p in table if isinstance(p, str))
    want_idx = [p for p in table if isinstance(p, int)]
    counts: dict[str, int] = {}
    current = ""
    current_idx: list[int] = []
    header_line = 0 if not table else None
    for no, raw in enumerate(text.splitlines(), start=1):
        m = _HEADER.match(raw)
        if m and not _KEY.match(raw):
            name = m.group(2).replace(" ", "").replace('"', "").replace("'", "")
            if m.group(1) == "[[":
                counts[name] = counts.get(name, -1) + 1
                # Nested arrays of tables restart when their parent entry changes.
                for other in list(counts):
                    if other.startswith(name + "."):
                        del counts[other]
            current = name
            parts = current.split(".")
            current_idx = [
                counts[".".join(parts[: i + 1])]
                for i in range(len(parts))
                if ".".join(parts[: i + 1]) in counts
            ]
            if current == want and current_idx == want_idx:
                header_line = no
                if key is None:
                    return no
            continue
        if key is not None and current == want and current_idx == want_idx:
            km = _KEY.match(raw)
            if km and km.group(1).strip('"') == key:
                return no
    return header_line or None
