"""Trusted judging: builds cases, runs each in a sandboxed child, decides verdicts.

Runs in the worker process only (it holds expected values, so it never runs submitted
code itself: that happens in children of the zygote, which forked before any of this).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from mockint.grading import advice
from mockint.grading.calibration import Calibration, scaled_limits
from mockint.grading.cases import build_cases, load_cases_module, reference_code, wire_case
from mockint.grading.compare import compare
from mockint.grading.lanes import Cancelled, Lanes
from mockint.grading.outcome import classify_run, limit_verdict
from mockint.grading.problems import load_problem
from mockint.grading.text import clean
from mockint.grading.values import Raises, WireError, describe, from_wire
from mockint.kinds import Verdict, verdict_info

VERDICTS = tuple(Verdict)  # every verdict a test can get (mockint.kinds)


class Grader:
    """Grades submissions through the zygote's sandboxes (`worker.ZygoteProcess`).

    Tests run in several lanes at once (each a sandbox session, each test a fresh process)
    and are reported in order. The vectorization count rides along as the last job.
    """

    def __init__(self, zygote, calibration: Calibration | None = None):
        self.zygote = zygote
        self.lanes = len(zygote.active)
        self.calibration = calibration or Calibration()

    def run_child(self, payload: dict, limits: dict, lane: int = 0) -> tuple[dict, bytes, bytes]:
        reply, output, frame = self.zygote.run(lane, payload, limits)
        if reply["cancelled"]:
            raise Cancelled()
        return reply, output, frame

    def grade(self, code: str, slug: str, hidden: bool, emit, is_cancelled) -> dict:
        try:
            return self._grade(code, slug, hidden, emit, is_cancelled)
        finally:
            self.zygote.recycle()

    def _grade(self, code: str, slug: str, hidden: bool, emit, is_cancelled) -> dict:
        problem = load_problem(slug)
        cases_mod = load_cases_module(problem)
        cases = build_cases(problem, cases_mod, hidden)
        emit({"event": "started", "total": len(cases), "problem": slug})
        reference = self.calibration.reference_times(
            problem,
            [c["id"] for c, _ in cases],
            lambda ids: self._time_reference(
                problem, [c for c, _ in cases if c["id"] in ids], is_cancelled
            ),
        )
        limits = {c["id"]: scaled_limits(problem.limits, reference.get(c["id"])) for c, _ in cases}
        jobs: list[Callable[[int], Any]] = [
            functools.partial(
                self._run_case, problem, cases_mod, code, c, v, limits=limits[c["id"]]
            )
            for c, v in cases
        ]
        if problem.vectorized:

            def vectorization(lane: int) -> dict:
                return advice.vectorization(
                    lambda p, lines: self.run_child(p, lines, lane), problem, cases_mod, code
                )

            jobs.append(vectorization)
        pool = Lanes(jobs, self.lanes, is_cancelled)
        tests, carried, skipped = [], None, 0
        try:
            for index, (case, visible) in enumerate(cases):
                if carried is not None:
                    test = dict(carried, id=case["id"], visible=visible, time_ms=0)
                    if not visible:
                        test["message"] = _hidden_message(case, carried["verdict"])
                else:
                    test, whole_module = pool.result(index)
                    if whole_module:
                        pool.stop()
                        first_line = test["message"].split("\n")[0]
                        carried = {
                            "verdict": test["verdict"],
                            "message": f"same failure as the first test: {first_line}",
                        }
                tests.append(test)
                emit({"event": "test", "index": index, "test": test})
                if test["verdict"] == "time_limit" and carried is None:
                    skipped = len(cases) - index - 1
                    pool.stop()
                    break
            passed = sum(t["verdict"] == "accepted" for t in tests)
            verdict = next((t["verdict"] for t in tests if t["verdict"] != "accepted"), "accepted")
            result = {
                "problem": slug,
                "verdict": verdict,
                "passed": passed,
                "total": len(cases),
                "tests": tests,
                "complexity": None,
                "vectorized": None,
            }
            if skipped:
                result["skipped"] = skipped
            if verdict == "accepted" and problem.vectorized:
                result["vectorized"] = pool.result(len(cases))
                emit({"event": "advice", "vectorized": result["vectorized"]})
        finally:
            pool.stop()
            pool.join()
        if verdict == "accepted" and problem.complexity:
            if is_cancelled():
                raise Cancelled()
            result["complexity"] = advice.complexity(self.run_child, problem, cases_mod, code)
            emit({"event": "advice", "complexity": result["complexity"]})
        return result

    def _time_reference(self, problem, cases: list[dict], is_cancelled) -> dict[str, float]:
        """The reference's CPU seconds on each case, in the sandbox like any submission (with
        generous limits); a case it does not finish cleanly keeps the stated limits."""
        code = reference_code(problem)
        generous = dict(
            problem.limits,
            cpu_s=max(30.0, 10 * float(problem.limits["cpu_s"])),
            wall_s=max(60.0, 20 * float(problem.limits["wall_s"])),
        )

        def job(case: dict, lane: int) -> tuple[str, float | None]:
            payload = {
                "mode": "case",
                "code": code,
                "kind": problem.kind,
                "entry": problem.entry,
                "cases": [wire_case(case)],
            }
            reply, _, frame = self.run_child(payload, generous, lane)
            outcome = classify_run(reply, frame, generous, problem.entry)
            return case["id"], (reply["cpu_s"] if outcome.verdict is None else None)

        pool = Lanes([lambda lane, c=c: job(c, lane) for c in cases], self.lanes, is_cancelled)
        try:
            timed = [pool.result(i) for i in range(len(cases))]
        finally:
            pool.stop()
            pool.join()
        return {cid: secs for cid, secs in timed if secs is not None}

    def _run_case(
        self, problem, cases_mod, code, case, visible, lane: int, limits: dict
    ) -> tuple[dict, bool]:
        test, whole_module = self._judge_case(problem, cases_mod, code, case, visible, lane, limits)
        test["limits"] = {"cpu_s": round(limits["cpu_s"], 3), "wall_s": round(limits["wall_s"], 3)}
        # What the submission printed or raised is untrusted text: escapes shown, never raw.
        test["message"] = clean(test["message"])
        if "output" in test:
            test["output"] = clean(test["output"])
        return test, whole_module

    def _judge_case(
        self, problem, cases_mod, code, case, visible, lane, limits: dict
    ) -> tuple[dict, bool]:
        payload = {
            "mode": "case",
            "code": code,
            "kind": problem.kind,
            "entry": problem.entry,
            "cases": [wire_case(case)],
            "forbidden": list(problem.forbidden),
            "forbidden_rule": problem.forbidden_rule,
        }
        reply, output, frame = self.run_child(payload, limits, lane)
        out_text = output.decode("utf-8", errors="replace")
        outcome = classify_run(reply, frame, limits, problem.entry, problem)
        test = {
            "id": case["id"],
            "visible": visible,
            "verdict": "accepted",
            "message": "",
            "time_ms": round(reply["wall_s"] * 1000, 1),
            "cpu_ms": round(reply["cpu_s"] * 1000, 1),
        }
        if out_text and visible:
            test["output"] = out_text
        if outcome.verdict is not None:
            test["verdict"] = outcome.verdict
            test["message"] = outcome.message if visible else _hidden_message(case, outcome.verdict)
            if outcome.rule_broken and not visible:  # the problem's own words only
                test["message"] += f": {outcome.rule_broken}"
            # Failed before the module finished loading: the same happens for every test.
            return test, (not outcome.loaded) or outcome.verdict == "compile_error"
        verdict, reason, got = self._judge_values(problem, cases_mod, case, outcome.result)
        test["verdict"] = verdict
        if verdict != "accepted":
            if visible:
                test["message"] = reason + _show(case, problem, cases_mod, got)
            else:
                test["message"] = _hidden_message(case, verdict)
        return test, False

    def _judge_values(self, problem, cases_mod, case, result) -> tuple[str, str, object]:
        try:
            entries = result["results"]
            item = entries[0]
            got = from_wire(item["value"])
            got_args = [from_wire(a) for a in item.get("args", [])]
        except (WireError, KeyError, IndexError, TypeError) as exc:
            return "runtime_error", f"returned a malformed result ({exc})", None
        parts = _parts(case)
        if parts and not problem.validator:  # each call or fresh object judged on its own
            if not isinstance(got, list) or len(got) != len(parts):
                return "runtime_error", "returned a malformed result", got
            for n, (part, got_part) in enumerate(zip(parts, got, strict=True)):
                verdict, reason, _ = self._judge_got(problem, cases_mod, part, got_part, [])
                if verdict != "accepted":
                    what = "call" if "calls" in case else "new object (same process)"
                    return verdict, f"{what} {n + 1} of {len(parts)}: {reason}", got
            return "accepted", "", got
        return self._judge_got(problem, cases_mod, case, got, got_args)

    def _judge_got(self, problem, cases_mod, case, got, got_args) -> tuple[str, str, object]:
        several = problem.kind != "function" or "calls" in case  # got is a list of results
        errors = [g for g in (got if several else [got]) if isinstance(g, Raises)]
        if problem.validator:
            reason = cases_mod.validate(case, got)
        else:
            reason = compare(
                cases_mod.expected(case),
                got,
                case.get("rtol", problem.rtol),
                case.get("atol", problem.atol),
                "" if problem.kind == "function" else "result",
            )
            if reason and problem.kind != "function":
                reason = _name_op(case, reason)
        if reason:
            for err in errors:
                limit = limit_verdict(err, problem.limits)
                if limit:
                    return limit[0], limit[1], got
            if errors and _raised_unexpectedly(problem, cases_mod, case, got):
                err = errors[0]
                return "runtime_error", f"{err.name}: {err.message}\n{err.traceback}", got
            return "wrong_answer", reason, got
        for i, arg_index in enumerate(case.get("check_args", [])):
            if i >= len(got_args):
                return "runtime_error", "returned a malformed result", got
            if compare(case["args"][arg_index], got_args[i], 0.0, 0.0):
                return (
                    "wrong_answer",
                    f"modified its argument {arg_index} (inputs must be left unchanged)",
                    got,
                )
        return "accepted", "", got


def _parts(case: dict) -> list[dict]:
    """A case of several calls (`calls`, function problems) or fresh objects (`runs`), as one
    case per call or object; [] for an ordinary case."""
    rest = {k: v for k, v in case.items() if k not in ("calls", "runs")}
    if "calls" in case:
        return [dict(rest, args=args) for args in case["calls"]]
    return [dict(rest, ops=ops) for ops in case.get("runs", [])]


def _raised_unexpectedly(problem, cases_mod, case, got) -> bool:
    if problem.validator:  # a rejected result that holds an exception: report the exception
        several = isinstance(got, list) and (problem.kind != "function" or "calls" in case)
        return any(isinstance(g, Raises) for g in (got if several else [got]))
    want = cases_mod.expected(case)
    if problem.kind == "function":
        return isinstance(got, Raises) and not isinstance(want, Raises)
    return any(
        isinstance(g, Raises) and not (i < len(want) and isinstance(want[i], Raises))
        for i, g in enumerate(got if isinstance(got, list) else [])
    )


def _name_op(case, reason: str) -> str:
    """`result[3]: ...` becomes `op 3 average(): ...` for class problems."""
    if reason.startswith("result["):
        try:
            i = int(reason[len("result[") : reason.index("]")])
            name, args = case["ops"][i]
            shown = ", ".join(describe(a, 60) for a in args)
            return f"op {i} {name}({shown}){reason[reason.index(']') + 1 :]}"
        except (ValueError, IndexError):
            pass
    return reason


def _show(case, problem, cases_mod, got) -> str:
    if "calls" in case or "runs" in case:
        parts = _parts(case)
        gots = got if isinstance(got, list) and len(got) == len(parts) else [got] * len(parts)
        return "".join(
            f"\n[{n + 1} of {len(parts)}]" + _show(part, problem, cases_mod, g)
            for n, (part, g) in enumerate(zip(parts, gots, strict=True))
        )
    if problem.kind == "function":
        shown = "input: " + ", ".join(describe(a, 300) for a in case.get("args", []))
    else:
        calls = ", ".join(
            f"{n}({', '.join(describe(a, 60) for a in args)})" for n, args in case["ops"]
        )
        shown = "ops: " + (calls if len(calls) <= 600 else calls[:597] + "...")
    if not problem.validator:
        shown += "\nexpected: " + describe(cases_mod.expected(case), 600)
    return f"\n{shown}\ngot: {describe(got, 600)}"


def _hidden_message(case: dict, verdict: str) -> str:
    """What a failed hidden test says: the kind of failure and the case's note, both the
    judge's own data. Never an exception's name or text, a limit's detail or a value: any
    of those could carry the hidden input out to the candidate."""
    note = str(case.get("note", "")).strip()
    what = verdict_info(verdict).long.lower()
    return f"hidden test ({note}): {what}" if note else f"hidden test: {what}"
