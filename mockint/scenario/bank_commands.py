"""`mockint banks list` and `mockint banks validate`: print lines or JSON, return an exit code.

Exit codes: 0 all good, 2 any file broken (its error printed as one line on stderr).
Also runnable as `python -m mockint.scenario.bank_commands list|validate ...`.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from mockint.paths import bundled_dir
from mockint.scenario.bank import Bank
from mockint.scenario.bank_load import bank_dirs, discover_banks, load_bank
from mockint.scenario.errors import ScenarioError
from mockint.scenario.lexicon import load_lexicon
from mockint.scenario.model import format_minutes


def _source(bank: Bank) -> str:
    bundled = bundled_dir("scenarios").resolve()
    if bank.path is not None and bank.path.resolve().is_relative_to(bundled):
        return "bundled"
    return "user"


def _summary(bank: Bank) -> dict[str, Any]:
    return {
        "id": bank.id,
        "kind": bank.kind,
        "title": bank.title,
        "questions": len(bank.questions),
        "key_points": sum(len(q.key_points) for q in bank.questions),
        "questions_to_ask": len(bank.questions_to_ask),
        "topics": sorted({q.topic for q in bank.questions if q.topic}),
        "competencies": sorted({c for q in bank.questions for c in q.competencies}),
        "source": _source(bank),
        "path": str(bank.path),
    }


def _ok_line(path: Path | str, bank: Bank) -> str:
    total = format_minutes(sum(q.minutes for q in bank.questions))
    return f"{path}: ok ({bank.id}, {bank.kind}, {len(bank.questions)} questions, {total})"


def banks_validate(paths: list[str]) -> int:
    """Check the named bank files (every bundled and user bank, and the shared lexicon,
    when none is named)."""
    bad = False
    if not paths:
        paths = [str(p) for d in bank_dirs() if d.is_dir() for p in sorted(d.glob("*.toml"))]
        try:
            lex = load_lexicon()
        except ScenarioError as exc:
            print(str(exc), file=sys.stderr)
            return 2
        n = len(lex.concepts)
        print(f"{lex.path}: ok (lexicon, {n} concepts, {len(lex.mistakes)} mistakes)")
    for path in paths:
        try:
            bank = load_bank(path)
        except ScenarioError as exc:
            print(str(exc), file=sys.stderr)
            bad = True
            continue
        print(_ok_line(path, bank))
    return 2 if bad else 0


def banks_list(as_json: bool) -> int:
    """Every loadable bank, one line each (or a JSON list); broken files go to stderr."""
    banks, errors = discover_banks()
    if as_json:
        print(json.dumps([_summary(b) for b in banks], indent=2))
    else:
        for b in banks:
            n = len(b.questions)
            print(f"{b.id:<16} {b.kind:<15} {n:>3} questions  {b.title} ({_source(b)})")
    for err in errors:
        print(str(err), file=sys.stderr)
    return 2 if errors else 0


def main(argv: list[str]) -> int:
    if argv[:1] == ["list"] and set(argv[1:]) <= {"--json"}:
        return banks_list("--json" in argv[1:])
    if argv[:1] == ["validate"]:
        return banks_validate(argv[1:])
    print(
        "usage: python -m mockint.scenario.bank_commands list [--json] | validate [PATH...]",
        file=sys.stderr,
    )
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
