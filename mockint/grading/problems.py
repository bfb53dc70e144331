"""Problem metadata (problem.toml), statements and starter code. Imports no NumPy or torch.

The format is described in `scenarios/problems/FORMAT.md`.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from mockint.paths import bundled_dir, user_data_dir

KINDS = ("function", "class", "module")
DIFFICULTIES = ("easy", "medium", "hard")
DEFAULT_LIMITS = {"cpu_s": 1.0, "wall_s": 2.0, "memory_mb": 256, "output_kb": 1024, "file_mb": 8}
SLUG_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_DOTTED = re.compile(r"^[A-Za-z_]\w*(\.[A-Za-z_]\w*)+$")


class ProblemError(Exception):
    """A problem that does not exist or whose files are invalid (`file: field: what`)."""


@dataclass
class Problem:
    slug: str
    title: str
    difficulty: str
    topics: list[str]
    kind: str
    entry: str
    limits: dict
    rtol: float
    atol: float
    validator: bool
    seeds: list[int]
    complexity: dict | None
    vectorized: dict | None
    dir: Path = field(repr=False)
    hints: list[str] = field(default_factory=list)
    forbidden: list[str] = field(default_factory=list)  # library calls that raise if used
    forbidden_rule: str = ""  # the statement's sentence that rules them out, quoted when broken
    reference: dict = field(default_factory=dict)  # [reference] time and space of the solution

    @property
    def statement(self) -> str:
        return (self.dir / "statement.md").read_text(encoding="utf-8")

    @property
    def starter(self) -> str:
        return (self.dir / "starter.py").read_text(encoding="utf-8")

    @property
    def reference_path(self) -> Path:
        """`solution.py` beside a user's problem, else the bundled `solutions/<slug>.py`."""
        own = self.dir / "solution.py"
        return own if own.is_file() else solutions_dir() / f"{self.slug}.py"

    @property
    def discussion(self) -> str:
        """discussion.md (approach, complexity, pitfalls), or "" when the problem has none."""
        path = self.dir / "discussion.md"
        return path.read_text(encoding="utf-8") if path.is_file() else ""

    def summary(self) -> dict:
        return {
            "slug": self.slug,
            "title": self.title,
            "difficulty": self.difficulty,
            "kind": self.kind,
            "topics": list(self.topics),
        }


def user_problems_dir() -> Path:
    """Your own problems: `problems/<slug>/` in the data directory (beside `scenarios/`)."""
    return user_data_dir() / "problems"


def problems_dir() -> Path:
    return bundled_dir("scenarios") / "problems"


def solutions_dir() -> Path:
    return bundled_dir("solutions")


def _need(data: dict, key: str, typ, where: str):
    if key not in data:
        raise ProblemError(f"{where}: {key}: missing")
    value = data[key]
    if typ is float and type(value) is int:
        value = float(value)
    if not isinstance(value, typ) or (typ is not bool and isinstance(value, bool)):
        raise ProblemError(f"{where}: {key}: expected {typ.__name__}, got {type(value).__name__}")
    return value


def load_problem(slug: str, root: Path | None = None) -> Problem:
    if not SLUG_RE.match(slug or ""):
        raise ProblemError(f"unknown problem {slug!r}")
    if root is None:  # a problem of your own with the same slug replaces a bundled one
        own = user_problems_dir() / slug
        root = user_problems_dir() if (own / "problem.toml").is_file() else problems_dir()
    pdir = root / slug
    toml_path = pdir / "problem.toml"
    if not toml_path.is_file():
        raise ProblemError(f"unknown problem {slug!r} (try `mockint problems list`)")
    where = str(toml_path)
    try:
        data = tomllib.loads(toml_path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ProblemError(f"{where}: {exc}") from None
    kind = _need(data, "kind", str, where)
    if kind not in KINDS:
        raise ProblemError(f"{where}: kind: must be one of {', '.join(KINDS)}")
    difficulty = _need(data, "difficulty", str, where)
    if difficulty not in DIFFICULTIES:
        raise ProblemError(f"{where}: difficulty: must be one of {', '.join(DIFFICULTIES)}")
    limits = dict(DEFAULT_LIMITS)
    for key, value in data.get("limits", {}).items():
        if key not in DEFAULT_LIMITS or type(value) not in (int, float) or value <= 0:
            raise ProblemError(f"{where}: limits.{key}: unknown or not a positive number")
        limits[key] = value
    check = data.get("check", {})
    complexity = data.get("complexity")
    if complexity is not None:
        _need(complexity, "target", str, where + ": complexity")
        _need(complexity, "exponent", float, where + ": complexity")
        sizes = _need(complexity, "sizes", list, where + ": complexity")
        if len(sizes) < 3 or sorted(sizes) != sizes:
            raise ProblemError(f"{where}: complexity.sizes: need at least 3 increasing sizes")
    vectorized = data.get("vectorized")
    if (
        vectorized is not None
        and len(_need(vectorized, "sizes", list, where + ": vectorized")) != 2
    ):
        raise ProblemError(f"{where}: vectorized.sizes: need exactly 2 sizes")
    for name in ("statement.md", "starter.py", "cases.py"):
        if not (pdir / name).is_file():
            raise ProblemError(f"{pdir / name}: missing")
    forbidden = data.get("forbidden", [])
    if not isinstance(forbidden, list) or not all(
        isinstance(f, str) and _DOTTED.match(f) for f in forbidden
    ):
        raise ProblemError(f"{where}: forbidden: expected a list of dotted names (torch.cdist)")
    forbidden_rule = data.get("forbidden_rule", "")
    if not isinstance(forbidden_rule, str):
        raise ProblemError(f"{where}: forbidden_rule: expected the statement's sentence as text")
    hints = data.get("hints", [])
    if not isinstance(hints, list) or not all(isinstance(h, str) and h.strip() for h in hints):
        raise ProblemError(f"{where}: hints: expected a list of non-empty strings")
    return Problem(
        slug=slug,
        title=_need(data, "title", str, where),
        difficulty=difficulty,
        topics=[str(t) for t in _need(data, "topics", list, where)],
        kind=kind,
        entry=_need(data, "entry", str, where),
        limits=limits,
        rtol=float(check.get("rtol", 1e-5)),
        atol=float(check.get("atol", 1e-6)),
        validator=bool(check.get("validator", False)),
        seeds=[int(s) for s in data.get("hidden", {}).get("seeds", [])],
        complexity=complexity,
        vectorized=vectorized if vectorized and vectorized.get("required", True) else None,
        dir=pdir,
        hints=list(hints),
        forbidden=list(forbidden),
        forbidden_rule=" ".join(forbidden_rule.split()),
        reference=_reference(data.get("reference", {}), where),
    )


def _reference(table: object, where: str) -> dict:
    if not isinstance(table, dict) or not all(
        k in ("time", "space") and isinstance(v, str) for k, v in table.items()
    ):
        raise ProblemError(f"{where}: reference: expected a table of time and space strings")
    return dict(table)


def list_problems(root: Path | None = None) -> list[Problem]:
    """The problems in `root`; with no root, the bundled ones and your own (yours replace a
    bundled one of the same slug; a broken one of yours is left out, see discover_problems)."""
    if root is None:
        return discover_problems()[0]
    if not root.is_dir():
        return []
    return [
        load_problem(p.name, root) for p in sorted(root.iterdir()) if (p / "problem.toml").is_file()
    ]


def discover_problems() -> tuple[list[Problem], list[ProblemError]]:
    """Bundled and user problems by slug, and the errors of user problems that do not load."""
    found = {p.slug: p for p in list_problems(problems_dir())}
    errors: list[ProblemError] = []
    mine = user_problems_dir()
    if mine.is_dir():
        for d in sorted(mine.iterdir()):
            if not (d / "problem.toml").is_file():
                continue
            try:
                found[d.name] = load_problem(d.name, mine)
            except ProblemError as exc:
                errors.append(exc)
    return [found[k] for k in sorted(found)], errors
