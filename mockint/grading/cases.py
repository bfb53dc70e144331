"""A problem's trusted cases: loading `cases.py`, building the case list, sized cases on the wire.

Shared by `grader` (tests) and `advice` (timing and line counts); runs in the worker only.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np

from mockint.grading.problems import Problem, ProblemError
from mockint.grading.values import to_wire


def load_cases_module(problem: Problem) -> ModuleType:
    path = problem.dir / "cases.py"
    spec = importlib.util.spec_from_file_location(
        f"mockint_cases_{problem.slug.replace('-', '_')}", path
    )
    if spec is None or spec.loader is None:
        raise ProblemError(f"{path}: cannot be loaded")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def build_cases(problem: Problem, cases_mod: Any, hidden: bool) -> list[tuple[dict, bool]]:
    """(case, visible) pairs: the visible cases, then (with `hidden`) the hidden and seeded ones."""
    out = [(c, True) for c in cases_mod.visible()]
    if hidden:
        out += [(c, False) for c in getattr(cases_mod, "hidden", list)()]
        if problem.seeds and hasattr(cases_mod, "generate"):
            for seed in problem.seeds:
                case = cases_mod.generate(np.random.default_rng(seed))
                if not case.get("id"):
                    case["id"] = f"seed-{seed}"
                out.append((case, False))
    return out


def wire_case(case: dict) -> dict:
    """The part of a case a runner receives: its inputs only, in wire form."""
    out = {k: to_wire(v) for k, v in case.items() if k in ("args", "check_args")}
    if "kwargs" in case:
        out["kwargs"] = to_wire(dict(case["kwargs"]))
    if "ops" in case:
        out["ops"] = [[name, to_wire(list(args))] for name, args in case["ops"]]
    if "calls" in case:
        out["calls"] = [to_wire(list(args)) for args in case["calls"]]
    if "runs" in case:
        out["runs"] = [[[name, to_wire(list(args))] for name, args in ops] for ops in case["runs"]]
    return out


def sized_cases(cases_mod: Any, sizes: list[int], seed: int) -> list[dict]:
    """One generated case per size (for timing and line counts), in wire form."""
    rng = np.random.default_rng(seed)
    return [wire_case(cases_mod.sized(n, rng)) for n in sizes]


def reference_code(problem: Problem) -> str:
    return Path(problem.reference_path).read_text(encoding="utf-8")
