"""Load a scenario from TOML and validate every field, failing with one clear line."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from mockint.scenario.errors import ScenarioError
from mockint.scenario.lines import find_line
from mockint.scenario.model import STAGE_KINDS, MixArea, Phase, Scenario, Stage

_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
_TOML_LINE = re.compile(r"\(at line (\d+), column (\d+)\)")

Path_ = tuple[str | int, ...]


class _Checker:
    """Reads typed fields out of parsed TOML, raising ScenarioError with a line where it can."""

    def __init__(self, path: Path, text: str):
        self.path = path
        self.text = text

    def fail(self, where: Path_, message: str) -> ScenarioError:
        name = ""
        for part in where:
            name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else part)
        return ScenarioError(self.path, name or "(file)", message, find_line(self.text, where))

    def table(self, data: Any, where: Path_, required: set[str], optional: set[str]) -> dict:
        if not isinstance(data, dict):
            raise self.fail(where, f"must be a table, got {_kind(data)}")
        for key in data:
            if key not in required | optional:
                allowed = ", ".join(sorted(required | optional))
                raise self.fail(where + (key,), f"unknown key (allowed: {allowed})")
        for key in sorted(required):
            if key not in data:
                raise self.fail(where, f"missing required key '{key}'")
        return data

    def string(self, data: dict, key: str, where: Path_, pattern: re.Pattern | None = None) -> str:
        value = data[key]
        if not isinstance(value, str):
            raise self.fail(where + (key,), f"must be a string, got {_kind(value)}")
        if not value.strip():
            raise self.fail(where + (key,), "must not be empty")
        if pattern and not pattern.match(value):
            raise self.fail(
                where + (key,),
                f"'{value}' is not a valid id (lower-case letters, digits, '-' and '_')",
            )
        return value

    def number(self, data: dict, key: str, where: Path_, positive: bool = True) -> float:
        value = data[key]
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise self.fail(where + (key,), f"must be a number, got {_kind(value)}")
        if value != value or value in (float("inf"), float("-inf")):
            raise self.fail(where + (key,), "must be a finite number")
        if positive and value <= 0:
            raise self.fail(where + (key,), f"must be greater than 0, got {value}")
        if not positive and value < 0:
            raise self.fail(where + (key,), f"must not be negative, got {value}")
        return float(value)

    def array(self, data: dict, key: str, where: Path_) -> list:
        value = data[key]
        if not isinstance(value, list):
            raise self.fail(where + (key,), f"must be an array, got {_kind(value)}")
        return value


def reflow(text: str) -> str:
    """Join hard-wrapped lines; a blank line still separates paragraphs."""
    paragraphs = re.split(r"\n\s*\n", text.strip())
    return "\n\n".join(" ".join(p.split()) for p in paragraphs)


def _kind(value: Any) -> str:
    return {
        bool: "a boolean",
        int: "an integer",
        float: "a float",
        str: "a string",
        list: "an array",
        dict: "a table",
    }.get(type(value), type(value).__name__)


def load_scenario(path: Path | str) -> Scenario:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ScenarioError(path, "(file)", "no such file") from None
    except UnicodeDecodeError as exc:
        raise ScenarioError(path, "(file)", f"not UTF-8 text ({exc.reason})") from None
    except OSError as exc:
        raise ScenarioError(path, "(file)", exc.strerror or str(exc)) from None
    return parse_scenario(text, path)


def parse_scenario(text: str, path: Path) -> Scenario:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        msg = str(exc)
        m = _TOML_LINE.search(msg)
        line = int(m.group(1)) if m else None
        if line is None and "end of document" in msg:
            line = max(1, len(text.splitlines()))
        msg = _TOML_LINE.sub("", msg).strip().rstrip(".")
        raise ScenarioError(path, "toml", f"invalid TOML: {msg}", line) from None

    c = _Checker(path, text)
    top = c.table(data, (), {"id", "title", "stages", "mix"}, {"description"})
    sid = c.string(top, "id", (), _ID)
    title = c.string(top, "title", ())
    description = c.string(top, "description", ()) if "description" in top else ""

    raw_stages = c.array(top, "stages", ())
    if not raw_stages:
        raise c.fail(("stages",), "must list at least one stage")
    stages: list[Stage] = []
    seen: set[str] = set()
    for i, raw in enumerate(raw_stages):
        where: Path_ = ("stages", i)
        st = c.table(raw, where, {"id", "kind", "title", "minutes", "expect"}, {"phases"})
        stage_id = c.string(st, "id", where, _ID)
        if stage_id in seen:
            raise c.fail(where + ("id",), f"duplicate stage id '{stage_id}'")
        seen.add(stage_id)
        kind = c.string(st, "kind", where)
        if kind not in STAGE_KINDS:
            raise c.fail(
                where + ("kind",), f"unknown stage kind '{kind}' (known: {', '.join(STAGE_KINDS)})"
            )
        minutes = c.number(st, "minutes", where)
        phases = _phases(c, st, where, minutes) if "phases" in st else ()
        stages.append(
            Stage(
                id=stage_id,
                kind=kind,
                title=c.string(st, "title", where),
                minutes=minutes,
                expect=reflow(c.string(st, "expect", where)),
                phases=phases,
            )
        )

    mix = _mix(c, top, seen)
    return Scenario(sid, title, reflow(description), tuple(stages), mix, path)


def _phases(c: _Checker, st: dict, where: Path_, stage_minutes: float) -> tuple[Phase, ...]:
    raw_phases = c.array(st, "phases", where)
    phases: list[Phase] = []
    seen: set[str] = set()
    for j, raw in enumerate(raw_phases):
        pw = where + ("phases", j)
        ph = c.table(raw, pw, {"id", "title", "min_minutes", "max_minutes"}, set())
        pid = c.string(ph, "id", pw, _ID)
        if pid in seen:
            raise c.fail(pw + ("id",), f"duplicate phase id '{pid}'")
        seen.add(pid)
        lo = c.number(ph, "min_minutes", pw)
        hi = c.number(ph, "max_minutes", pw)
        if hi < lo:
            raise c.fail(pw + ("max_minutes",), f"{hi:g} is less than min_minutes {lo:g}")
        phases.append(Phase(pid, c.string(ph, "title", pw), lo, hi))
    low_total = sum(p.min_minutes for p in phases)
    if low_total > stage_minutes:
        raise c.fail(
            where + ("phases",),
            f"the phases need at least {low_total:g} minutes but the stage has {stage_minutes:g}",
        )
    return tuple(phases)


def _mix(c: _Checker, top: dict, stage_ids: set[str]) -> tuple[MixArea, ...]:
    raw_mix = c.table(top["mix"], ("mix",), set(), set(top["mix"]) if isinstance(top["mix"], dict) else set())
    if not raw_mix:
        raise c.fail(("mix",), "must name at least one assessment area")
    areas: list[MixArea] = []
    fed: dict[str, str] = {}
    for name, raw in raw_mix.items():
        where: Path_ = ("mix", name)
        if not _ID.match(name):
            raise c.fail(where, f"'{name}' is not a valid area name")
        area = c.table(raw, where, {"weight", "stages"}, set())
        weight = c.number(area, "weight", where, positive=False)
        feeds = c.array(area, "stages", where)
        for k, ref in enumerate(feeds):
            if not isinstance(ref, str):
                raise c.fail(where + ("stages",), f"entry {k} must be a stage id string, got {_kind(ref)}")
            if ref not in stage_ids:
                raise c.fail(where + ("stages",), f"unknown stage '{ref}'")
            if ref in fed:
                raise c.fail(where + ("stages",), f"stage '{ref}' already feeds '{fed[ref]}'")
            fed[ref] = name
        areas.append(MixArea(name, weight, tuple(feeds)))
    total = sum(a.weight for a in areas)
    if abs(total - 100) > 1e-9:
        raise c.fail(("mix",), f"weights must sum to 100, they sum to {total:g}")
    return tuple(areas)
