"""The report as one standalone HTML page: the same sections as the Markdown, the
candidate's code highlighted with pygments (CSS embedded), every piece of text escaped."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import Any, TypeVar, cast

from mockint.report.key_points import coverage_line, point_checked, point_detected, probe_line
from mockint.report.markdown import (
    PROBLEM_STATUS,
    answer_line,
    checks_text,
    duration,
    i_we_text,
    mark,
    num,
    overall_table,
    part_text,
    pct,
    problem_facts,
    score_text,
    stage_line,
    times_table,
    verdict_word,
)
from mockint.report.shape import (
    BehaviouralContent,
    BehaviouralQuestion,
    CodingContent,
    DesignContent,
    DesignQuestion,
    PointReport,
    QuestionReport,
    Report,
    RunReport,
    ScoreDict,
    StageReport,
    TalkingContent,
    TalkingQuestion,
    Where,
)

Q = TypeVar("Q", bound=QuestionReport)

PAGE_CSS = """
body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem;
       line-height: 1.45; color: #1b1b1b; }
table { border-collapse: collapse; margin: .5rem 0 1rem; }
th, td { border: 1px solid #ccc; padding: .2rem .5rem; text-align: left; vertical-align: top; }
th { background: #f2f2f2; }
blockquote { border-left: 3px solid #bbb; margin: .5rem 0; padding: .1rem .8rem; color: #333;
             white-space: pre-wrap; }
.covered { color: #1a7f37; } .missed { color: #b42318; } .wrong { color: #b42318; font-weight: bold; }
.note { color: #666; font-style: italic; }
.highlight { padding: .5rem; overflow-x: auto; border: 1px solid #ddd; }
.highlight pre { margin: 0; }
pre.plain { background: #f6f6f6; padding: .5rem; overflow-x: auto; }
"""

STATUS_CLASS = {"made": "covered", "missing": "missed", "wrong": "wrong"}


def _e(x: Any) -> str:
    return escape(str(x), quote=True)


def _table(header: list[str], rows: list[list[str]]) -> str:
    head = "".join(f"<th>{_e(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{_e(c)}</td>" for c in r) + "</tr>" for r in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _parts(score: ScoreDict, depth: int) -> str:
    items = []
    for p in score["parts"]:
        inner = ""
        if depth > 1 and p.get("detail") and p["detail"]["parts"]:
            inner = _parts(p["detail"], depth - 1)
        items.append(f"<li>{_e(part_text(p))}{inner}</li>")
    items += [f'<li class="note">note: {_e(n)}</li>' for n in score["notes"]]
    return "<ul>" + "".join(items) + "</ul>" if items else ""


def _quote(text: str, empty: str = "(empty)") -> str:
    # white-space: pre-wrap in the CSS keeps the candidate's line breaks.
    return f"<blockquote>{_e(text.strip()) if text.strip() else _e(empty)}</blockquote>"


def render_html(report: Report) -> str:
    from pygments import highlight
    from pygments.formatters import HtmlFormatter
    from pygments.lexers import PythonLexer

    formatter = HtmlFormatter(cssclass="highlight")
    lexer = PythonLexer()

    def code_html(code: str) -> str:
        return highlight(code, lexer, formatter)

    s = report["session"]
    title = f"{s['title']}: session {s['id']}"
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{_e(title)}</title>",
        "<style>" + PAGE_CSS + formatter.get_style_defs(".highlight") + "</style>",
        "</head><body>",
        f"<h1>{_e(title)}</h1>",
        "<ul>"
        f"<li>Scenario: <code>{_e(s['scenario_id'])}</code></li>"
        f"<li>Pace: {_e(num(s['pace']))} · mode: {_e(s['mode'])} · status: {_e(s['status'])}</li>"
        f"<li>Started: {_e(s['created'])} · finished: {_e(s['finished'] or 'not yet')}</li>"
        "</ul>",
    ]
    out += _overall(report)
    out += _times(report)
    out += _missed(report)
    for st in report["stages"]:
        out += _stage(st, code_html)
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def _overall(report: Report) -> list[str]:
    score = report["overall"]["score"]
    return [
        f"<h2>Overall score: {_e(score_text(score))}</h2>",
        _table(*overall_table(report)),
        "<p>How it adds up:</p>",
        _parts(score, 3),
    ]


def _times(report: Report) -> list[str]:
    return ["<h2>Times</h2>", _table(*times_table(report))]


def _missed(report: Report) -> list[str]:
    titles = {st["id"]: st["title"] for st in report["stages"]}

    def items(rows: list[tuple[Where, str | None]]) -> str:
        if not rows:
            return "<ul><li>none</li></ul>"
        lis = []
        for r, what in rows:
            where = f"{titles.get(r['stage'], r['stage'])}, {r['question']}"
            lis.append(f"<li>{_e(where)}" + (f": {_e(what)}" if what is not None else "") + "</li>")
        return "<ul>" + "".join(lis) + "</ul>"

    out = [
        "<h2>What to work on</h2>",
        "<h3>Key points missed</h3>",
        items([(m, m["text"]) for m in report["key_points_missed"]]),
        "<h3>Common mistakes to check</h3>",
        items([(m, m["mistake"]) for m in report["common_mistakes"]]),
    ]
    if report.get("contradictions"):
        said = [
            (c, f"you said “{c['said']}”, which contradicts: {c['point']}")
            for c in report["contradictions"]
        ]
        out += ["<h3>Contradictions (each cost its key point)</h3>", items(list(said))]
    if report["unanswered"]:
        out += ["<h3>Questions not answered</h3>", items([(u, None) for u in report["unanswered"]])]
    return out


def _stage(st: StageReport, code_html: Callable[[str], str]) -> list[str]:
    out = [
        f'<section id="stage-{_e(st["id"])}">',
        f"<h2>{st['idx'] + 1}. {_e(st['title'])}: {_e(score_text(st['score']))}</h2>",
    ]
    out.append(f"<p>{_e(stage_line(st))}</p>")
    out.append(_parts(st["score"], 2))
    if st["notes"]:
        out += ["<p>Notes:</p>", _quote(st["notes"])]
    if not (st["status"] in ("not_reached", "skipped") and not st["scored"]):
        out += _content(st, code_html)
    out.append("</section>")
    return out


def _content(st: StageReport, code_html: Callable[[str], str]) -> list[str]:
    """The stage's content, read as its kind has it."""
    kind = st["kind"]
    if kind == "coding":
        return _coding(cast(CodingContent, st["content"]), code_html)
    out: list[str] = []
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
            out += ["<h3>Good questions to ask</h3>", _list(to_ask)]
    return out


def _list(items: list[str]) -> str:
    return "<ul>" + "".join(f"<li>{_e(x)}</li>" for x in items) + "</ul>"


def _points(points: list[PointReport]) -> str:
    """As markdown._points: detected (with the deciding sentence) beside the self-check."""
    rows = "".join(
        f'<tr class="{STATUS_CLASS[p["status"]]}"><td>{_e(p["text"])}</td>'
        f"<td>{_e(point_detected(p))}</td><td>{_e(point_checked(p))}</td></tr>"
        for p in points
    )
    return (
        "<table><tr><th>Key point</th><th>Detected</th><th>Self-check</th></tr>" + rows + "</table>"
    )


def _question(i: int, q: Q, body: Callable[[Q], list[str]], key_points: bool = True) -> list[str]:
    """As markdown._question: the heading, then for an answer the kind's `body` and the
    parts every kind shares."""
    c: QuestionReport = q  # the keys every kind has
    comps = f" · competencies: {_e(', '.join(c['competencies']))}" if c["competencies"] else ""
    out = [
        f"<h3>Q{i}. {_e(c['prompt'] or '(question no longer in the bank)')}</h3>",
        f"<p>Question <code>{_e(c['id'])}</code>{comps}</p>",
    ]
    if c["status"] != "answered":
        return out + ["<p>Not answered.</p>"]
    out.append(f"<p>{_e(answer_line(c))}</p>")
    out += body(q)
    cov = c.get("coverage")
    if cov is not None:
        out.append(f"<p>{_e(coverage_line(cov))}</p>")
        probe = probe_line(cov, c.get("probed"))
        out += [f"<p>{_e(probe)}</p>"] if probe else []
        if key_points:
            out.append(_points(cov["points"]))
        if cov["mistakes"]:
            out.append(_list([f"mistake: {m['text']} “{m['evidence']}”" for m in cov["mistakes"]]))
    if cov is not None and (cov["terminology_used"] or cov["terminology_unused"]):
        out.append(
            f"<p>Terms used: {_e(', '.join(cov['terminology_used']) or 'none')}. "
            f"Not used: {_e(', '.join(cov['terminology_unused']) or 'none')}.</p>"
        )
    for label, items in (
        ("Common mistakes to check", c["mistakes"]),
        ("What interviewers look for", c["look_for"]),
    ):
        if items:
            out += [f"<p>{label}:</p>", _list(items)]
    if c["ratings"]:
        ratings = ", ".join(f"{k} {v}/5" for k, v in c["ratings"].items())
        out.append(f"<p>Self-rating: {_e(ratings)}</p>")
    if q.get("outline"):
        out += ["<p>Model answer (an outline):</p>", _quote(q["outline"] or "")]
    return out


def _answer(q: TalkingQuestion) -> list[str]:
    return ["<p>Answer:</p>", _quote(q["answer"])]


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
    out = [
        "<p>STAR analysis:</p>",
        _table(["Part", "Words", "Share", "Time", "Time share", "I", "we"], rows),
        _list(
            [
                f"Result numbers: {', '.join(star['result_numbers']) or 'none'}",
                i_we_text(star),
                f"Checks: {checks_text(star)}",
            ]
        ),
    ]
    if star["advice"]:
        out += ["<p>Advice:</p>", _list([a["text"] for a in star["advice"]])]
    out.append("<p>The story:</p>")
    for name, text in q["fields"].items():
        out.append(f"<p><strong>{_e(name.capitalize())}.</strong></p>" + _quote(text))
    return out


def _design(q: DesignQuestion) -> list[str]:
    out: list[str] = []
    for ph in q["phases"]:
        time = f" · {duration(ph['seconds'])}" if ph["seconds"] is not None else ""
        out += [f"<h4>{_e(ph['title'] + time)}</h4>", _quote(ph["notes"], "(no notes)")]
        if ph["key_points"]:
            out.append(_points(ph["key_points"]))
    c = q["components"]
    items = [f'<li class="covered">✓ {_e(x)}</li>' for x in c["checked"]]
    items += [f'<li class="missed">✗ {_e(x)}</li>' for x in c["missed"]]
    if c["extra"]:
        items.append(f"<li>also named: {_e(', '.join(c['extra']))}</li>")
    out += [
        f"<p>Components checked: {len(c['checked'])} of {len(c['listed'])}</p>",
        "<ul>" + "".join(items) + "</ul>",
    ]
    if q["scratchpad"].strip():
        out += ["<p>Capacity scratchpad:</p>", f'<pre class="plain">{_e(q["scratchpad"])}</pre>']
    return out


def _coding(content: CodingContent, code_html: Callable[[str], str]) -> list[str]:
    out: list[str] = []
    for p in content["problems"]:
        out.append(
            f"<h3>{_e(p['title'])} (<code>{_e(p['slug'])}</code>): "
            f"{_e(PROBLEM_STATUS.get(p['status'], p['status']))}</h3>"
        )
        out.append(f"<p>{_e(problem_facts(p))}</p>")
        claim = p.get("claim")
        if claim:
            stated = ", ".join(f"{k} {claim[k]}" for k in ("time", "space") if claim[k].strip())
            out += [f"<p>Stated complexity: {_e(stated)}</p>", _list(claim["advice"])]
        best, last = p["best_submit"], p["last_run"]
        if best:
            out += _run("Best submit", best)
        if last and (not best or last["id"] != best["id"]):
            out += _run("Last run", last)
        shown = best or last
        if shown:
            out += [
                f"<p>Code ({'best submit' if best else 'last run'}):</p>",
                code_html(shown["code"]),
            ]
    if content.get("hints_other"):
        out.append(f"<p>Hints not tied to a problem: {content['hints_other']}</p>")
    return out or ["<p>No problems.</p>"]


def _run(label: str, r: RunReport) -> list[str]:
    out = [
        f"<p>{_e(label)} (#{r['id']}, {_e(r['kind'])} at {_e(duration(r['elapsed_s']))}): "
        f"{_e(verdict_word(r['verdict']))}, {r['passed']} of {r['total']} tests passed</p>"
    ]
    if r["skipped"]:
        out.append(f"<p>{r['skipped']} more tests not run after a time limit.</p>")
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
        out.append(_table(["Test", "Visible", "Verdict", "Time", "Message"], rows))
    if r["advice"]:
        out += ["<p>Advice:</p>", _list([f"{mark(a['ok'])} {a['text']}" for a in r["advice"]])]
    return out
