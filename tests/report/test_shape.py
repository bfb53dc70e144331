"""shape.py tells the truth: every report built here has exactly the keys and value types its
TypedDicts declare (mypy checks the code that reads them, this checks the data), and every
stage kind names a section builder that exists."""

from __future__ import annotations

import inspect
import types
from typing import (
    Any,
    Literal,
    NotRequired,
    Union,
    get_args,
    get_origin,
    get_type_hints,
    is_typeddict,
)

import pytest

from mockint.kinds import STAGE_KINDS, StageKind
from mockint.report import shape, talking
from mockint.report.collect import build_report, section_for
from mockint.scenario.serialize import scenario_to_dict
from mockint.store.answers import AnswerRow, save_answer
from mockint.store.sessions import Store
from tests.report import scripted

CONTENT = {
    "coding": shape.CodingContent,
    "behavioural": shape.BehaviouralContent,
    "system_design": shape.DesignContent,
}


def mismatches(value: Any, tp: Any, path: str = "report") -> list[str]:
    """Where `value` differs from type `tp`; TypedDicts are closed (no extra keys)."""
    if tp is Any:
        return []
    origin = get_origin(tp)
    if is_typeddict(tp):
        if not isinstance(value, dict):
            return [f"{path}: {type(value).__name__}, not a {tp.__name__}"]
        hints = get_type_hints(tp, include_extras=True)
        optional = {k for k, t in hints.items() if get_origin(t) is NotRequired}
        out = [f"{path}: {tp.__name__} has no key {k!r}" for k in set(value) - set(hints)]
        out += [f"{path}: missing {k!r}" for k in set(hints) - optional - set(value)]
        for k, t in hints.items():
            if k in value:
                inner = get_args(t)[0] if get_origin(t) is NotRequired else t
                out += mismatches(value[k], inner, f"{path}.{k}")
        return out
    if origin in (Union, types.UnionType):
        tries = [mismatches(value, t, path) for t in get_args(tp)]
        return [] if any(not t for t in tries) else min(tries, key=len)
    if origin is Literal:
        return [] if value in get_args(tp) else [f"{path}: {value!r} not in {get_args(tp)}"]
    if origin is list:
        if not isinstance(value, list):
            return [f"{path}: not a list"]
        (item,) = get_args(tp)
        return [m for i, v in enumerate(value) for m in mismatches(v, item, f"{path}[{i}]")]
    if origin is dict:
        if not isinstance(value, dict):
            return [f"{path}: not a dict"]
        kt, vt = get_args(tp)
        out = [m for k in value for m in mismatches(k, kt, f"{path} key")]
        return out + [m for k, v in value.items() for m in mismatches(v, vt, f"{path}[{k!r}]")]
    if tp is type(None):
        return [] if value is None else [f"{path}: {value!r} is not None"]
    if tp is float:  # an int is a float too (PEP 484), a bool is not
        ok = isinstance(value, int | float) and not isinstance(value, bool)
    elif tp is int:
        ok = isinstance(value, int) and not isinstance(value, bool)
    else:
        ok = isinstance(value, tp)
    return [] if ok else [f"{path}: {value!r} is not {tp.__name__}"]


def _report(store, sid, **kw):
    kw.setdefault("bank_for", scripted.BANKS.get)
    kw.setdefault("problem_title", scripted.TITLES.get)
    return build_report(store, sid, **kw)


def _check(report) -> None:
    assert mismatches(report, shape.Report) == []
    for i, st in enumerate(report["stages"]):
        content = CONTENT.get(st["kind"], shape.TalkingContent)
        assert mismatches(st["content"], content, f"stages[{i}].content") == []


@pytest.fixture
def store(tmp_path):
    store = Store(tmp_path / "shape.db")
    yield store
    store.close()


def test_the_scripted_session_has_the_declared_shape(store):
    sid = scripted.build(store)
    report = _report(store, sid)
    _check(report)
    kinds = {st["kind"] for st in report["stages"]}
    assert kinds == set(StageKind)  # every kind's content was checked


def test_answers_outside_the_bank_and_unreached_stages_have_the_declared_shape(store):
    sid = scripted.build(store)
    now = scripted.START + 50
    stray = [
        AnswerRow(0, "stray", 9, {"answer": "an answer"}, {"answer": 3.0}, {"clarity": 2}),
        AnswerRow(2, "stray-design", 9, {"requirements": "1k qps", "components": "a, b"}),
        AnswerRow(3, "stray-story", 9, {"situation": "we", "action": "I"}, {"action": 5.0}),
        AnswerRow(5, "rated-only", 0, {}, {}, {"depth": 4}),
    ]
    for row in stray:
        save_answer(store, sid, row, now)
    report = _report(store, sid)
    _check(report)
    entries = {q["id"]: q for st in report["stages"] for q in st["content"].get("questions", [])}
    assert entries["stray"]["coverage"] is None and entries["stray"]["in_bank"] is False
    assert entries["stray-design"]["components"]["extra"] == ["a", "b"]
    assert "star" in entries["stray-story"]
    assert entries["rated-only"]["status"] == "answered"  # a self-rating alone is an answer
    fresh = store.create_session(scenario_to_dict(scripted.SCENARIO), pace=1.0, now=now)
    _check(_report(store, fresh))


def test_the_checker_finds_a_wrong_shape(store):
    sid = scripted.build(store)
    report = _report(store, sid)
    report["session"]["extra"] = 1
    del report["times"]["used_s"]
    report["stages"][0]["status"] = "done"
    found = mismatches(report, shape.Report)
    assert len(found) == 3, found


@pytest.mark.parametrize("kind", list(StageKind))
def test_every_stage_kind_names_a_section_builder(kind):
    name = STAGE_KINDS[kind].report
    assert name.startswith("mockint.report.")
    builder = section_for(kind)
    assert callable(builder) and list(inspect.signature(builder).parameters) == ["ctx"]
    assert section_for(kind.value) is builder  # the stored kind is a plain string


def test_an_unknown_kind_reads_as_questions_and_answers():
    assert section_for("dance_off") is talking.section
