"""Errors a scenario file can have, each one line: `FILE[:LINE]: field: what is wrong`."""

from __future__ import annotations

from pathlib import Path


class ScenarioError(Exception):
    def __init__(self, path: Path | str, field: str, message: str, line: int | None = None):
        self.path = str(path)
        self.field = field
        self.message = message
        self.line = line
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.field}: {self.message}"
