"""The report for people, as Markdown: times, scores with their parts, what was missed,
coding verdicts and advice, and the STAR analysis. Reads only the `Report` from `collect`."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, TypeVar, cast

from mockint.engine.timefmt import clock_text, elapsed_text
from mockint.kinds import verdict_info
from mockint.report.key_points import coverage_line, point_checked, point_detected, probe_line
from mockint.report.shape import (
    BehaviouralContent,
    BehaviouralQuestion,
    CodingContent,
    DesignContent,
    DesignQuestion,
    PointReport,
    ProblemReport,
    QuestionReport,
    Report,
    RunReport,
    ScoreDict,
    StageReport,
    StarReport,
    TalkingContent,
    TalkingQuestion,
    Where,
)

Q = TypeVar("Q", bound=QuestionReport)

STATUS_WORDS = {
    "not_reached": "not reached",
    "skipped": "skipped",
    "in_progress": "in progress",
    "finished": "finished",
}
PROBLEM_STATUS = {
    "accepted": "accepted",
    "submitted": "submitted, not accepted",
    "run_only": "run but never submitted",
    "not_attempted": "not attempted",
}
CHECK_WORDS = {
    "situation_short": "Situation short",
    "task_short": "Task short",
    "action_largest": "Action the largest part",
    "result_has_number": "Result has a number",
    "says_i": 'Action says "I"',
    "has_reflection": "Reflection given",
}


# ---- small formatters (shared with html.py) -----------------------------------------------


def num(x: float | None) -> str:
    """77.5, 100, 36.46; a dash for no value."""
    if x is None:
        return "-"
    text = f"{x:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def pct(x: float | None) -> str:
    return "-" if x is None else f"{round(x * 100)}%"


def verdict_word(v: str | None) -> str:
    """A verdict as the report words it (mockint.kinds.VERDICTS)."""
    return "no verdict" if v is None else verdict_info(v).long


def score_text(score: ScoreDict) -> str:
    return "not scored" if score["value"] is None else f"{num(score['value'])} / 100"


def part_text(p: dict[str, Any]) -> str:
    """One part as arithmetic: `value x weight = points (why)` or `value -> points (why)`."""
    if p["weight"] is not None and p["value"] is not None:
        calc = f"{num(p['value'])} × {num(p['weight'] * 100)}% = {num(p['contribution'])}"
    elif p["value"] is not None:
        calc = f"{num(p['value'])} → {_signed(p['contribution'])}"
    else:
        calc = _signed(p["contribution"])
    return f"{p['name']}: {calc} ({p['why']})"


def _signed(x: float) -> str:
    return ("+" if x >= 0 else "") + num(x)


def mark(ok: bool | None) -> str:
    return "✓" if ok else ("✗" if ok is False else "?")


def checks_text(star: StarReport) -> str:
    return ", ".join(f"{mark(ok)} {CHECK_WORDS.get(k, k)}" for k, ok in star["checks"].items())


def i_we_text(star: StarReport) -> str:
    action = next(p for p in star["parts"] if p["name"] == "action")
    return (
        f'"I" {star["i"]} against "we" {star["we"]} '
        f"(in the Action: {action['i']} against {action['we']})"
    )


def stage_line(st: StageReport) -> str:
    """Status, time used against planned, pauses and crash recoveries, on one line."""
    line = (
        f"{STATUS_WORDS.get(st['status'], st['status']).capitalize()} · used "
        f"{duration(st['used_s'])} of {planned(st['planned_s'])}"
    )
    if st["overtime_s"]:
        line += f" (+{duration(st['overtime_s'])} overtime)"
    if st["pauses"]:
        line += f" · {st['pauses']} pause" + ("s" if st["pauses"] != 1 else "")
    if st["recovered_s"]:
        line += f" · recovered after a crash ({duration(st['recovered_s'])} not charged)"
    return line


def problem_facts(p: ProblemReport) -> str:
    facts = [f"runs {p['runs']}", f"submits {p['submits']}", f"hints {p['hints']}"]
    if p["unfinished"]:
        facts.append(f"cancelled or failed {p['unfinished']}")
    if p["first_run_s"] is None:
        facts.append("never run")
    else:
        facts.append(f"first run at {duration(p['first_run_s'])}")
    if p["accepted_s"] is not None:
        facts.append(f"accepted at {duration(p['accepted_s'])}")
    if p.get("solution_viewed") == "before_solving":
        facts.append("discussion and reference viewed before solving")
    elif p.get("solution_viewed"):
        facts.append("discussion read after solving")
    return " · ".join(facts)


def answer_line(q: QuestionReport) -> str:
    line = f"Score: {num(q['score'])} / 100" if q["score"] is not None else "Score: not scored"
    return (
        line + f" · {q['words']} words" + (f" in {duration(q['seconds'])}" if q["seconds"] else "")
    )


def duration(seconds: float | None) -> str:
    return "-" if seconds is None else elapsed_text(seconds)


def planned(seconds: float) -> str:
    return clock_text(seconds)


# ---- Markdown helpers ------------------------------------------------------------------


def _prose(text: str) -> str:
    """Free text typed by the candidate: `<` escaped so no viewer renders it as HTML."""
    return text.replace("\\", "\\\\").replace("<", "\\<")


def _cell(text: str) -> str:
    return _prose(str(text)).replace("|", "\\|").replace("\n", " ")


def _quote(text: str) -> list[str]:
    return ["> " + line if line else ">" for line in _prose(text).rstrip().split("\n")]


def _fence(code: str, lang: str = "") -> list[str]:
    longest = max((len(m) for m in re.findall(r"`+", code)), default=0)
    fence = "`" * max(3, longest + 1)
    return [fence + lang, *code.rstrip("\n").split("\n"), fence]


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    out += ["| " + " | ".join(_cell(c) for c in r) + " |" for r in rows]
    return out


def _parts(score: ScoreDict, depth: int = 1, indent: str = "") -> list[str]:
    """The parts of a score as a bullet list, `depth` levels of detail deep."""
    out = []
    for p in score["parts"]:
        out.append(f"{indent}- {_prose(part_text(p))}")
        if depth > 1 and p.get("detail") and p["detail"]["parts"]:
            out += _parts(p["detail"], depth - 1, indent + "  ")
    out += [f"{indent}- note: {_prose(n)}" for n in score["notes"]]
    return out


# ---- the tables (shared with html.py) ----------------------------------------------------


def overall_table(report: Report) -> tuple[list[str], list[list[str]]]:
    """The overall score by area: header and rows."""
    by_area = {p["name"]: p for p in report["overall"]["score"]["parts"]}
    rows = []
    for m in report["overall"]["mix"]:
        p = by_area.get(m["area"])
        rows.append(
            [
                m["area"].replace("_", " "),
                num(m["weight"]),
                ", ".join(m["stages"]),
                num(p["value"]) if p else "-",
                num(p["contribution"]) if p and p["value"] is not None else "left out",
            ]
        )
    return ["Area", "Weight", "Stages", "Score", "Points"], rows


def times_table(report: Report) -> tuple[list[str], list[list[str]]]:
    """Planned and used time per stage, with a total row: header and rows."""
    rows = []
    for st in report["stages"]:
        over = st["overtime_s"]
        rows.append(
            [
                str(st["idx"] + 1),
                st["title"],
                planned(st["planned_s"]),
                duration(st["used_s"]),
                ("+" + duration(over)) if over else "-",
                STATUS_WORDS.get(st["status"], st["status"]),
                num(st["score"]["value"]) if st["scored"] else "not scored",
            ]
        )
    t = report["times"]
    over = t["overtime_s"]
    total = ["", "Total", planned(t["planned_s"]), duration(t["used_s"])]
    rows.append(total + [("+" + duration(over)) if over else "-", "", ""])
    return ["#", "Stage", "Planned", "Used", "Overtime", "Status", "Score"], rows


# ---- the report ------------------------------------------------------------------------


def render_markdown(report: Report) -> str:
    s = report["session"]
    out: list[str] = [f"# {_prose(s['title'])}: session {s['id']}", ""]
    out += [
        f"- Scenario: `{s['scenario_id']}`",
        f"- Pace: {num(s['pace'])} · mode: {s['mode']} · status: {s['status']}",
        f"- Started: {s['created']} · finished: {s['finished'] or 'not yet'}",
        "",
    ]
    out += _overall(report)
    out += _times(report)
    out += _missed(report)
    for st in report["stages"]:
        out += _stage(st)
    return "\n".join(out).rstrip() + "\n"


def _overall(report: Report) -> list[str]:
    score = report["overall"]["score"]
    out = [f"## Overall score: {score_text(score)}", ""]
    out += _table(*overall_table(report))
    out.append("")
    out += ["How it adds up:", ""] + _parts(score, depth=3) + [""]
    return out


def _times(report: Report) -> list[str]:
    return ["## Times", ""] + _table(*times_table(report)) + [""]


def _missed(report: Report) -> list[str]:
    out = ["## What to work on", ""]
    titles = {st["id"]: st["title"] for st in report["stages"]}

    def where(x: Where) -> str:
        return f"{titles.get(x['stage'], x['stage'])}, `{x['question']}`"

    out += ["### Key points missed", ""]
    out += [f"- {where(m)}: {_prose(m['text'])}" for m in report["key_points_missed"]] or ["- none"]
    if report.get("contradictions"):
        out += ["", "### Contradictions (each cost its key point)", ""]
        out += [
            f'- {where(c)}: you said "{_prose(c["said"])}", which contradicts: {_prose(c["point"])}'
            for c in report["contradictions"]
        ]
    out += ["", "### Common mistakes to check", ""]
    mistakes = report["common_mistakes"]
    out += [f"- {where(m)}: {_prose(m['mistake'])}" for m in mistakes] or ["- none"]
    if report["unanswered"]:
        out += ["", "### Questions not answered", ""]
        out += [f"- {where(m)}" for m in report["unanswered"]]
    return out + [""]


def _stage(st: StageReport) -> list[str]:
    out = [f"## {st['idx'] + 1}. {_prose(st['title'])}: {score_text(st['score'])}", ""]
    out += [_prose(stage_line(st)), ""]
    if st["score"]["parts"] or st["score"]["notes"]:
        out += ["Score:", ""] + _parts(st["score"], depth=2) + [""]
    if st["notes"]:
        out += ["Notes:", ""] + _quote(st["notes"]) + [""]
    if st["status"] in ("not_reached", "skipped") and not st["scored"]:
        return out
    kind = st["kind"]
    if kind == "coding":
        return out + _coding(cast(CodingContent, st["content"]))
    if kind == "behavioural":
        for i, bq in enumerate(cast(BehaviouralContent, st["content"])["questions"], 1):
            out += _question(i, bq, _star)
    elif kind == "system_design":
        for i, dq in enumerate(cast(DesignContent, st["content"])["questions"], 1):
            out += _question(i, dq, _design, key_points=False)
    else:
        content = cast(TalkingContent, st["content"])
        for i, tq in enumerate(content["questions"], 1):
            out += _question(i, tq, _answer)
        to_ask = content.get("questions_to_ask")
        if to_ask:
            out += ["### Good questions to ask", ""]
            out += [f"- {_prose(x)}" for x in to_ask] + [""]
    return out


# ---- talking stages -------------------------------------------------------------------


def _question(i: int, q: Q, body: Callable[[Q], list[str]], key_points: bool = True) -> list[str]:
    """One question: its heading, then for an answer the kind's `body`, the key points
    covered (unless the body lists them itself), terms, mistakes and self-ratings."""
    c: QuestionReport = q  # the keys every kind has
    head = _prose(c["prompt"]) if c["prompt"] else "(question no longer in the bank)"
    out = [
        f"### Q{i}. {head}",
        "",
        f"Question `{c['id']}`"
        + (f" · competencies: {', '.join(c['competencies'])}" if c["competencies"] else ""),
        "",
    ]
    if c["status"] != "answered":
        return out + ["Not answered.", ""]
    out += [answer_line(c), ""]
    out += body(q)
    cov = c.get("coverage")
    if cov is not None:
        out += [_prose(coverage_line(cov)), ""]
        probe = probe_line(cov, c.get("probed"))
        out += [_prose(probe), ""] if probe else []
        if key_points:
            out += _points(cov["points"])
        out += [
            f'- mistake: {_prose(m["text"])} "{_prose(m["evidence"])}"' for m in cov["mistakes"]
        ]
        out += [""] if cov["mistakes"] else []
    if cov is not None and (cov["terminology_used"] or cov["terminology_unused"]):
        out += [
            f"Terms used: {', '.join(cov['terminology_used']) or 'none'}. "
            f"Not used: {', '.join(cov['terminology_unused']) or 'none'}.",
            "",
        ]
    for label, items in (
        ("Common mistakes to check", c["mistakes"]),
        ("What interviewers look for", c["look_for"]),
    ):
        if items:
            out += [f"{label}:", ""] + [f"- {_prose(m)}" for m in items] + [""]
    if c["ratings"]:
        out += ["Self-rating: " + ", ".join(f"{k} {v}/5" for k, v in c["ratings"].items()), ""]
    if c.get("outline"):
        out += ["Model answer (an outline):", ""] + _quote(c["outline"] or "") + [""]
    return out


def _answer(q: TalkingQuestion) -> list[str]:
    quoted = _quote(q["answer"]) if q["answer"].strip() else ["> (empty)"]
    return ["Answer:", ""] + quoted + [""]


def _points(points: list[PointReport]) -> list[str]:
    """Key points as a table: what the scorer detected (with the deciding sentence) beside
    the candidate's self-check."""
    if not points:
        return []
    rows = [[p["text"], point_detected(p), point_checked(p)] for p in points]
    return _table(["Key point", "Detected", "Self-check"], rows) + [""]


def _star(q: BehaviouralQuestion) -> list[str]:
    star = q["star"]
    rows = [
        [
            p["name"].capitalize(),
            str(p["words"]),
            pct(p["share"]),
            duration(p["seconds"]),
            pct(p["time_share"]),
            str(p["i"]),
            str(p["we"]),
        ]
        for p in star["parts"]
    ]
    out = ["STAR analysis:", ""]
    out += _table(["Part", "Words", "Share", "Time", "Time share", "I", "we"], rows) + [""]
    numbers = ", ".join(star["result_numbers"]) or "none"
    out += [
        f"- Result numbers: {_prose(numbers)}",
        f"- {i_we_text(star)}",
        f"- Checks: {checks_text(star)}",
        "",
    ]
    if star["advice"]:
        out += ["Advice:", ""] + [f"- {_prose(a['text'])}" for a in star["advice"]] + [""]
    out += ["The story:", ""]
    for name, text in q["fields"].items():
        out += [f"**{name.capitalize()}.** {_prose(text).strip() or '(empty)'}", ""]
    return out


def _design(q: DesignQuestion) -> list[str]:
    out: list[str] = []
    for ph in q["phases"]:
        time = f" · {duration(ph['seconds'])}" if ph["seconds"] is not None else ""
        out += [f"#### {ph['title']}{time}", ""]
        out += (_quote(ph["notes"]) if ph["notes"].strip() else ["> (no notes)"]) + [""]
        out += _points(ph["key_points"])
    c = q["components"]
    out += [f"Components checked: {len(c['checked'])} of {len(c['listed'])}", ""]
    out += [f"- [x] {_prose(x)}" for x in c["checked"]]
    out += [f"- [ ] {_prose(x)}" for x in c["missed"]]
    if c["extra"]:
        out += [f"- also named: {_prose(', '.join(c['extra']))}"]
    out.append("")
    if q["scratchpad"].strip():
        out += ["Capacity scratchpad:", ""] + _fence(q["scratchpad"], "text") + [""]
    return out


# ---- coding ---------------------------------------------------------------------------


def _coding(content: CodingContent) -> list[str]:
    out: list[str] = []
    for p in content["problems"]:
        status = PROBLEM_STATUS.get(p["status"], p["status"])
        out += [f"### {_prose(p['title'])} (`{p['slug']}`): {status}", ""]
        out += ["- " + problem_facts(p), ""]
        claim = p.get("claim")
        if claim:
            stated = ", ".join(
                f"{k} {_prose(claim[k])}" for k in ("time", "space") if claim[k].strip()
            )
            out += [f"Stated complexity: {stated}", ""]
            out += [f"- {_prose(line)}" for line in claim["advice"]] + [""]
        best, last = p["best_submit"], p["last_run"]
        if best:
            out += _run("Best submit", best)
        if last and (not best or last["id"] != best["id"]):
            out += _run("Last run", last)
        shown = best or last
        if shown:
            label = "best submit" if best else "last run"
            out += [f"Code ({label}):", ""] + _fence(shown["code"], "python") + [""]
    if content.get("hints_other"):
        out += [f"Hints not tied to a problem: {content['hints_other']}", ""]
    return out or ["No problems.", ""]


def _run(label: str, r: RunReport) -> list[str]:
    out = [
        f"{label} (#{r['id']}, {r['kind']} at {duration(r['elapsed_s'])}): "
        f"{verdict_word(r['verdict'])}, {r['passed']} of {r['total']} tests passed",
        "",
    ]
    if r["skipped"]:
        out += [f"{r['skipped']} more tests not run after a time limit.", ""]
    rows = [
        [
            t["id"],
            "yes" if t["visible"] else "hidden",
            verdict_word(t["verdict"]),
            f"{num(t['time_ms'])} ms" if t["time_ms"] is not None else "-",
            t["message"],
        ]
        for t in r["tests"]
    ]
    if rows:
        out += _table(["Test", "Visible", "Verdict", "Time", "Message"], rows) + [""]
    if r["advice"]:
        out += ["Advice:", ""]
        out += [f"- {mark(a['ok'])} {_prose(a['text'])}" for a in r["advice"]] + [""]
    return out
