"""Shared reading and checking of TOML data files (scenarios, question banks).

Every failure is a ScenarioError: one line `FILE[:LINE]: field: what is wrong`.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from mockint.scenario.errors import ScenarioError
from mockint.scenario.lines import find_line

ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
_TOML_LINE = re.compile(r"\(at line (\d+), column (\d+)\)")

Where = tuple[str | int, ...]


def read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ScenarioError(path, "(file)", "no such file") from None
    except UnicodeDecodeError as exc:
        raise ScenarioError(path, "(file)", f"not UTF-8 text ({exc.reason})") from None
    except OSError as exc:
        raise ScenarioError(path, "(file)", exc.strerror or str(exc)) from None


def parse_toml(text: str, path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        msg = str(exc)
        m = _TOML_LINE.search(msg)
        line = int(m.group(1)) if m else None
        if line is None and "end of document" in msg:
            line = max(1, len(text.splitlines()))
        msg = _TOML_LINE.sub("", msg).strip().rstrip(".")
        raise ScenarioError(path, "toml", f"invalid TOML: {msg}", line) from None


class Checker:
    """Reads typed fields out of parsed TOML, raising ScenarioError with a line where it can."""

    def __init__(self, path: Path, text: str):
        self.path = path
        self.text = text

    def fail(self, where: Where, message: str) -> ScenarioError:
        name = ""
        for part in where:
            name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else part)
        return ScenarioError(self.path, name or "(file)", message, find_line(self.text, where))

    def table(
        self, data: Any, where: Where, required: set[str], optional: set[str]
    ) -> dict[str, Any]:
        if not isinstance(data, dict):
            raise self.fail(where, f"must be a table, got {kind_name(data)}")
        for key in data:
            if key not in required | optional:
                allowed = ", ".join(sorted(required | optional))
                raise self.fail(where + (key,), f"unknown key (allowed: {allowed})")
        for key in sorted(required):
            if key not in data:
                raise self.fail(where, f"missing required key '{key}'")
        return data

    def string(
        self, data: dict[str, Any], key: str, where: Where, pattern: re.Pattern[str] | None = None
    ) -> str:
        value = data[key]
        if not isinstance(value, str):
            raise self.fail(where + (key,), f"must be a string, got {kind_name(value)}")
        if not value.strip():
            raise self.fail(where + (key,), "must not be empty")
        if pattern and not pattern.match(value):
            raise self.fail(
                where + (key,),
                f"'{value}' is not a valid id (lower-case letters, digits, '-' and '_')",
            )
        return value

    def number(self, data: dict[str, Any], key: str, where: Where, positive: bool = True) -> float:
        value = data[key]
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise self.fail(where + (key,), f"must be a number, got {kind_name(value)}")
        if value != value or value in (float("inf"), float("-inf")):
            raise self.fail(where + (key,), "must be a finite number")
        if positive and value <= 0:
            raise self.fail(where + (key,), f"must be greater than 0, got {value}")
        if not positive and value < 0:
            raise self.fail(where + (key,), f"must not be negative, got {value}")
        return float(value)

    def array(self, data: dict[str, Any], key: str, where: Where) -> list[Any]:
        value = data[key]
        if not isinstance(value, list):
            raise self.fail(where + (key,), f"must be an array, got {kind_name(value)}")
        return value

    def strings(
        self, data: dict[str, Any], key: str, where: Where, pattern: re.Pattern[str] | None = None
    ) -> tuple[str, ...]:
        """An array of non-empty strings, each stripped; missing means empty."""
        if key not in data:
            return ()
        out: list[str] = []
        for k, value in enumerate(self.array(data, key, where)):
            if not isinstance(value, str):
                got = kind_name(value)
                raise self.fail(where + (key,), f"entry {k} must be a string, got {got}")
            if not value.strip():
                raise self.fail(where + (key,), f"entry {k} must not be empty")
            if pattern and not pattern.match(value):
                raise self.fail(where + (key,), f"entry {k} '{value}' is not a valid id")
            out.append(" ".join(value.split()))
        return tuple(out)


def reflow(text: str) -> str:
    """Join hard-wrapped lines; a blank line still separates paragraphs."""
    paragraphs = re.split(r"\n\s*\n", text.strip())
    return "\n\n".join(" ".join(p.split()) for p in paragraphs)


def kind_name(value: Any) -> str:
    return {
        bool: "a boolean",
        int: "an integer",
        float: "a float",
        str: "a string",
        list: "an array",
        dict: "a table",
    }.get(type(value), type(value).__name__)
