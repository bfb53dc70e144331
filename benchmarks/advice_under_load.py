"""Advice on a busy machine: two busy processes per core (started here, see
tests/grading/load.py) while every bundled reference with complexity or vectorization
advice is graded, then every submission in tests/grading/submissions that breaks a rule
its statement states.

references_ok: references accepted with green advice (never "not sure", never rejected).
slow_flagged: rule breakers given their verdict (too_slow or not_vectorized).
Each line shows the verdict, the advice and the grading's wall time; the last line is
machine-readable: `references_ok=N/M slow_flagged=N/M` (target: all of both).
Options: --per-core N (default 2), --idle (no busy processes, for comparison),
--hidden (submits: hidden cases too).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mockint.grading.client import GradingClient
from mockint.grading.problems import list_problems, solutions_dir
from tests.grading.conftest import read_header
from tests.grading.load import busy_machine

ROOT = Path(__file__).resolve().parent.parent


def _advice(result: dict) -> str:
    parts = []
    for key in ("complexity", "vectorized"):
        a = result.get(key)
        if a:
            text = a.get("measured") or a.get("message")
            parts.append(f"{key}={a['ok']} ({text})")
    return "; ".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--per-core", type=int, default=2)
    parser.add_argument("--idle", action="store_true")
    parser.add_argument("--hidden", action="store_true")
    args = parser.parse_args()
    problems = [p for p in list_problems() if p.complexity or p.vectorized]
    breakers = [
        (path, read_header(path))
        for path in sorted((ROOT / "tests/grading/submissions").glob("*.py"))
        if read_header(path)["expect"].get("verdict") in ("too_slow", "not_vectorized")
    ]
    load = contextlib.nullcontext([]) if args.idle else busy_machine(args.per_core)
    with tempfile.TemporaryDirectory() as data, load as pids:
        print(f"busy processes: {len(pids)}", flush=True)
        with GradingClient(env=dict(os.environ, XDG_DATA_HOME=data)) as client:
            if not client.wait_ready(300):
                sys.exit("the grading worker did not start")
            refs_ok = 0
            for p in problems:
                code = (solutions_dir() / f"{p.slug}.py").read_text()
                start = time.monotonic()
                r = client.submit(code, p.slug, args.hidden).result(timeout=1800)
                advice = [r[k] for k in ("complexity", "vectorized") if r[k]]
                ok = r["verdict"] == "accepted" and all(a["ok"] is True for a in advice)
                refs_ok += ok
                print(
                    f"{'ok ' if ok else 'BAD'} reference {p.slug}: {r['verdict']}; "
                    f"{_advice(r)}  [{time.monotonic() - start:.1f} s]",
                    flush=True,
                )
            flagged = 0
            for path, head in breakers:
                start = time.monotonic()
                r = client.submit(path.read_text(), head["problem"], args.hidden).result(
                    timeout=1800
                )
                ok = r["verdict"] == head["expect"]["verdict"]
                flagged += ok
                print(
                    f"{'ok ' if ok else 'BAD'} {path.stem}: {r['verdict']}; {_advice(r)}"
                    f"  [{time.monotonic() - start:.1f} s]",
                    flush=True,
                )
    print(f"references_ok={refs_ok}/{len(problems)} slow_flagged={flagged}/{len(breakers)}")


if __name__ == "__main__":
    main()
