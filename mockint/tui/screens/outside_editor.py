"""Ctrl+E on the coding screen: the code in the user's own $VISUAL or $EDITOR, the app
suspended meanwhile (solo only: a pair candidate's process never starts a program)."""

from __future__ import annotations

import os
import shlex
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from textual.screen import Screen


def edit_outside(screen: Screen[Any], text: str, name: str) -> str | None:
    """The text as the editor left it in a file called `name`; None (with a line shown) if
    the editor could not start or failed."""
    editor_cmd = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
    with tempfile.TemporaryDirectory(prefix="mockint-") as tmp:
        path = Path(tmp) / name
        path.write_text(text, encoding="utf-8")
        try:
            with screen.app.suspend():
                proc = subprocess.run([*shlex.split(editor_cmd), str(path)])
        except (OSError, ValueError) as exc:
            screen.notify(f"Could not start {editor_cmd!r}: {exc}", severity="error")
            return None
        if proc.returncode != 0:
            screen.notify(
                f"{editor_cmd} exited with {proc.returncode}; code kept as it was.",
                severity="warning",
            )
            return None
        return path.read_text(encoding="utf-8", errors="replace")
