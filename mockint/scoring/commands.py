"""`mockint assess QUESTION_ID FILE [--json]`: score an answer from a file as the app does.

Exit status: 0 scored, 2 unknown question or unreadable file (one line on stderr).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from mockint.scenario.bank_load import discover_banks
from mockint.scoring.assess import Assessment, assess, find_question


def _fail(message: str) -> None:
    click.echo(f"mockint: {message}", err=True)
    sys.exit(2)


def _human(a: Assessment) -> str:
    cov = a.coverage
    score = "not scored" if a.score is None else f"{a.score:.0f}/100"
    wrong = len(cov.contradicted)
    lines = [
        f"{a.question.id}: {score} ({len(cov.covered)} of {len(cov.points)} key points made"
        + (f", {wrong} said wrong" if wrong else "")
        + ")"
    ]
    for p in cov.points:
        mark = "✓" if p.covered else ("!" if p.contradicted else "✗")
        lines.append(f"  {mark} {p.id}: {p.text}")
        if p.evidence and p.status == "made":
            lines.append(f'      made in: "{p.evidence}"')
        elif p.evidence:
            how = p.why.removeprefix("mistake: ") if p.why.startswith("mistake") else p.why
            lines.append(f'      said wrong ({how}): "{p.evidence}"')
        else:
            said = list(dict.fromkeys(m.text for m in p.matches))
            if said:
                lines.append(f"      you said: {', '.join(said[:4])}")
            for m in p.contradictions:
                lines.append(f'      contradicts it: "{m.text}" (the point is not counted)')
        if not p.said and p.supporting:
            words = ", ".join(dict.fromkeys(m.text for m in p.supporting))
            lines.append(f"      only generic words ({words}): say it specifically")
    for e in cov.errors:
        lines.append(f'  ! mistake: {e.text} "{e.evidence}"')
    if a.star is not None:
        checks = a.star.checks()
        passed = sum(checks.values())
        lines.append(f"STAR checks: {passed} of {len(checks)} pass")
        lines += [f"  - {line}" for line in a.star.advice_lines[:4]]
    follow = a.follow_up()
    if follow:
        lines.append(f"Follow-up ({follow['point']}): {follow['text']}")
    return "\n".join(lines)


@click.command("assess", context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("question_id", metavar="QUESTION_ID")
@click.argument("file", type=click.Path(path_type=Path), metavar="FILE")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def assess_command(question_id: str, file: Path, as_json: bool) -> None:
    """Score the answer in FILE to bank question QUESTION_ID exactly as the app does.

    Behavioural answers may mark their parts with headings (Situation:, Task:, Action:,
    Result:, Reflection:), design answers their phases (Requirements:, Capacity:,
    High-level design:, Deep dive:, Trade-offs:, Scratchpad:). Without a self-rating the
    score is coverage (and STAR for behavioural answers) only. `--json` prints
    {"question", "score", "covered", "total", "points": [{"id", "covered", "matched",
    "status", "evidence"}], "contradictions": [{"point", "statement", "text"}],
    "mistakes": [{"text", "evidence"}], "follow_up": {"point", "text"} or null}; status is made, missing or wrong, evidence
    the deciding sentence or null; score counts key points made, less half a point for
    each said wrong and a point for each listed mistake.
    """
    banks, _errors = discover_banks()
    found = find_question(banks, question_id)
    if found is None:
        _fail(f"unknown question '{question_id}' (see `mockint banks list`)")
        return
    question, bank = found
    try:
        text = file.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        _fail(f"{file}: not UTF-8 text ({exc.reason})")
        return
    except OSError as exc:
        _fail(f"{file}: {exc.strerror or exc}")
        return
    result = assess(question, bank.kind, text)
    if as_json:
        click.echo(json.dumps(result.to_dict()))
    else:
        click.echo(_human(result))
    if bank.kind in ("behavioural", "system_design") and not result.headings_found:
        where = "the Action" if bank.kind == "behavioural" else "the first phase"
        click.echo(f"mockint: note: {file}: no part headings found; read as {where}", err=True)
