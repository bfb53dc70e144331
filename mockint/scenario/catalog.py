"""Finding scenarios: the bundled ones, the user's own, or a path given on the command line."""

from __future__ import annotations

from pathlib import Path

from mockint.paths import scenario_dirs
from mockint.scenario.errors import ScenarioError
from mockint.scenario.load import load_scenario
from mockint.scenario.model import Scenario

DEFAULT_SCENARIO = "aiml-engineer"

__all__ = ["DEFAULT_SCENARIO", "discover", "find_scenario", "scenario_dirs"]


def discover() -> tuple[list[Scenario], list[ScenarioError]]:
    """Every loadable scenario by id, and the errors of the files that are not."""
    found: dict[str, Scenario] = {}
    errors: list[ScenarioError] = []
    for folder in scenario_dirs():
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.toml")):
            try:
                sc = load_scenario(path)
            except ScenarioError as exc:
                errors.append(exc)
                continue
            found[sc.id] = sc
    ordered = sorted(found.values(), key=lambda s: (s.id != DEFAULT_SCENARIO, s.id))
    return ordered, errors


def find_scenario(name_or_path: str | None) -> Scenario:
    """A scenario by id, or by path when the argument names a file."""
    name = name_or_path or DEFAULT_SCENARIO
    candidate = Path(name).expanduser()
    if name.endswith(".toml") or candidate.is_file() or "/" in name:
        return load_scenario(candidate)
    scenarios, errors = discover()
    for sc in scenarios:
        if sc.id == name:
            return sc
    # A broken file may be the one that was asked for: say so rather than "not found".
    for err in errors:
        if Path(err.path).stem == name:
            raise err
    known = ", ".join(s.id for s in scenarios) or "none"
    raise ScenarioError(name, "id", f"no scenario with this id (known: {known})")
