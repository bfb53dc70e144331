"""What `mockint problems list` and `mockint grade` do; click in mockint/cli.py calls these.

Imports neither NumPy nor torch: grading happens in the worker process.
"""

from __future__ import annotations

import json
import sys

from mockint.grading.problems import ProblemError, discover_problems, load_problem
from mockint.grading.text import clean
from mockint.kinds import verdict_info


def _fail(message: str) -> int:
    print(f"mockint: {message}", file=sys.stderr)
    return 2


def problems_list(as_json: bool) -> int:
    try:
        problems, errors = discover_problems()
    except ProblemError as exc:
        return _fail(str(exc))
    for err in errors:  # your own broken problems: one line each, the rest still listed
        print(f"mockint: {err}", file=sys.stderr)
    rows = [p.summary() for p in problems]
    if as_json:
        print(json.dumps(rows, indent=2))
        return 0
    headers = ("slug", "title", "difficulty", "kind", "topics")
    table = [
        [r["slug"], r["title"], r["difficulty"], r["kind"], ", ".join(r["topics"])] for r in rows
    ]
    widths = [max([len(h)] + [len(row[i]) for row in table]) for i, h in enumerate(headers)]
    for row in [list(headers)] + table:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=False)).rstrip())
    return 0


def grade_file(path: str, slug: str, hidden: bool, as_json: bool) -> int:
    try:
        with open(path, encoding="utf-8") as f:
            code = f.read()
    except (OSError, UnicodeDecodeError) as exc:
        return _fail(f"cannot read {path}: {getattr(exc, 'strerror', None) or exc}")
    try:
        load_problem(slug)
    except ProblemError as exc:
        return _fail(str(exc))
    from mockint.grading.client import GradingClient, GradingError

    client = GradingClient()
    try:
        result = client.submit(code, slug, hidden).result(timeout=600)
    except GradingError as exc:
        return _fail(str(exc))
    except TimeoutError:
        return _fail("the grading process did not answer in time")
    finally:
        client.shutdown()
    if as_json:
        print(json.dumps(result))
    else:
        _print_human(result)
    warning = result.get("sandbox_warning")
    if warning:
        print(f"mockint: warning: {warning}", file=sys.stderr)
    return 0 if result["verdict"] == "accepted" else 1


def _print_human(result: dict) -> None:
    for t in result["tests"]:
        where = "" if t["visible"] else " (hidden)"
        print(f"{verdict_info(t['verdict']).short:>3}  {t['id']}{where}  {t['time_ms']:.0f} ms")
        if t["message"]:
            for line in clean(t["message"]).rstrip().split("\n"):
                print(f"       {line}")
        if t.get("output") and t["verdict"] != "accepted":
            shown = clean(t["output"][:500]).rstrip().replace("\n", "\n               ")
            print("       output: " + shown)
    if result.get("skipped"):
        print(f"     {result['skipped']} more test(s) skipped after the time limit")
    marks = {True: "ok", False: "!!", None: "??"}  # ??: not sure (a busy machine)
    c = result.get("complexity")
    if c:
        print(f"complexity: {c['measured']}, target {c['target']} [{marks[c['ok']]}]")
    v = result.get("vectorized")
    if v:
        print(f"vectorized: {v['message']} [{marks[v['ok']]}]")
    line = f"{result['verdict']}: {result['passed']}/{result['total']} tests passed"
    if verdict_info(result["verdict"]).rule:
        line += f" ({verdict_info(result['verdict']).long.lower()})"
    print(line)


def explain_sandbox(as_json: bool) -> int:
    """Start the judge and say which protections it has on this machine."""
    from mockint.grading.client import GradingClient

    client = GradingClient()
    try:
        client.start()
        if not client.wait_ready(180):
            return _fail("the grading process did not start in time")
        info = dict(client.ready_info.get("protections") or {})
    finally:
        client.shutdown()
    if not info:
        return _fail("the grading process did not say how it sandboxes")
    if as_json:
        print(json.dumps(info, indent=2))
        return 0
    yes_no = lambda part: "active" if part.get("active") else "NOT active"  # noqa: E731
    ns, sc, cg = info["namespaces"], info["seccomp"], info["cgroup"]
    print(f"namespaces:  {yes_no(ns)} ({ns['detail']})")
    print(f"file system: {info['filesystem']}")
    for path in info.get("hidden", []):
        print(f"  hidden:       {path}")
    for path in info.get("bound_back", []):
        print(f"  bound back:   {path}")
    print(f"seccomp:     {yes_no(sc)} ({sc['detail']})")
    if sc.get("unknown_to_libseccomp"):
        print(f"  not known to this libseccomp: {', '.join(sc['unknown_to_libseccomp'])}")
    print(f"cgroup:      {yes_no(cg)} ({cg['detail']})")
    fallback = "" if info["processes"] == "tree" else " (fallback)"
    print(f"memory:      limited for {info['memory']}{fallback}")
    print(f"runs as:     {info['runner_user']}, at {info['priority']}")
    for warning in info.get("warnings", []):
        print(f"mockint: warning: {warning}", file=sys.stderr)
    return 0
