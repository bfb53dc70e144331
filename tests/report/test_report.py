"""The session report: golden Markdown and JSON of a scripted session, HTML escaping and
highlighting, traceable scores, explicit "not scored" stages, and the CLI hook's errors.

To regenerate the golden files after an intended change, run

    MOCKINT_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/report

and read the diff of tests/report/golden/ before committing it.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from mockint.engine.clock import FakeClock
from mockint.engine.session import Session
from mockint.recording import Recorder
from mockint.report.collect import build_report
from mockint.report.commands import report_command
from mockint.report.design import split_components
from mockint.report.html import render_html
from mockint.report.markdown import render_markdown
from mockint.scenario.serialize import scenario_to_dict
from mockint.store.sessions import Store
from tests.report import scripted

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("MOCKINT_UPDATE_GOLDEN") == "1"


@pytest.fixture
def session(tmp_path):
    store = Store(tmp_path / "report.db")
    sid = scripted.build(store)
    yield store, sid
    store.close()


def _report(store, sid):
    return build_report(store, sid, bank_for=scripted.BANKS.get, problem_title=scripted.TITLES.get)


def _golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"{path} missing: run with MOCKINT_UPDATE_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8"), (
        f"{name} changed (MOCKINT_UPDATE_GOLDEN=1 to accept)"
    )


def test_golden_markdown(session):
    _golden("report.md", render_markdown(_report(*session)))


def test_golden_json(session):
    _golden("report.json", json.dumps(_report(*session), indent=2, sort_keys=True) + "\n")


def test_report_is_deterministic_and_json_round_trips(session):
    a, b = _report(*session), _report(*session)
    assert a == b
    assert json.loads(json.dumps(a)) == a


def test_report_shape(session):
    r = _report(*session)
    assert set(r) == {
        "format",
        "session",
        "times",
        "stages",
        "overall",
        "key_points_missed",
        "common_mistakes",
        "contradictions",
        "unanswered",
    }
    by_id = {s["id"]: s for s in r["stages"]}
    assert [s["id"] for s in r["stages"]] == [s.id for s in scripted.SCENARIO.stages]
    coding = by_id["coding"]
    assert (coding["planned_s"], coding["used_s"], coding["overtime_s"]) == (1800.0, 1980.0, 180.0)
    topk, linreg = coding["content"]["problems"]
    assert topk["hints"] == 1 and topk["first_run_s"] == 300.0 and topk["accepted_s"] == 600.0
    assert topk["best_submit"]["verdict"] == "accepted" and topk["status"] == "accepted"
    assert linreg["status"] == "submitted" and linreg["unfinished"] == 1
    assert linreg["best_submit"]["advice"][0]["kind"] == "vectorized"
    phone = by_id["phone-screen"]
    assert phone["pauses"] == 1 and phone["used_s"] == 540.0  # the paused minute is not charged
    design = by_id["system-design"]["content"]["questions"][0]
    assert design["components"]["checked"][-1] == "parallelism plan (data, tensor, pipeline)"
    assert design["components"]["missed"] == ["feature store", "monitoring"]
    star = by_id["behavioural"]["content"]["questions"][0]["star"]
    assert star["result_numbers"] == ["3%", "half"] and not star["checks"]["says_i"]
    assert r["unanswered"] == [{"stage": "phone-screen", "question": "role-goals"}]


def test_contradictions_cost_the_point_and_are_listed(session):
    r = _report(*session)
    (c,) = r["contradictions"]
    assert c["stage"] == "phone-screen" and c["question"] == "metrics" and c["id"] == "pr"
    assert c["said"] == "accuracy is a good metric"
    metrics = next(s for s in r["stages"] if s["id"] == "phone-screen")["content"]["questions"][1]
    (pr,) = [p for p in metrics["coverage"]["points"] if p["id"] == "pr"]
    assert pr["matched"] and not pr["covered"]
    md = render_markdown(r)
    assert 'you said "accuracy is a good metric", which contradicts' in md
    assert '| said wrong: "accuracy is a good metric" | not checked |' in md
    assert pr["status"] == "wrong" and pr["evidence"] == "accuracy is a good metric"


def test_fundamentals_answers_count_as_technical_and_the_outline_is_shown(session):
    r = _report(*session)
    areas = {p["name"]: p for p in r["overall"]["score"]["parts"]}
    technical = [p["name"] for p in areas["system_design"]["detail"]["parts"]]
    behavioural = [p["name"] for p in areas["behavioural"]["detail"]["parts"]]
    assert "phone-screen (system_design questions)" in technical
    assert "phone-screen" in behavioural  # the metrics answer stays at home
    phone = next(s for s in r["stages"] if s["id"] == "phone-screen")
    assert phone["score"]["value"] is not None  # the stage score keeps every answer
    overfitting = phone["content"]["questions"][0]
    assert overfitting["area"] == "ml_deep_dive"
    assert overfitting["outline"].startswith("Define it as fitting noise.")
    md = render_markdown(r)
    assert "Model answer (an outline):\n\n> Define it as fitting noise.\n>\n> - Detect" in md


def test_unreached_and_skipped_stages_are_not_scored_as_zero(session):
    r = _report(*session)
    by_id = {s["id"]: s for s in r["stages"]}
    assert by_id["ml-deep-dive"]["status"] == "skipped"
    assert by_id["hiring-manager"]["status"] == "not_reached"
    for sid, why in (("ml-deep-dive", "skipped"), ("hiring-manager", "not reached")):
        st = by_id[sid]
        assert st["scored"] is False and st["score"]["value"] is None
        assert st["score"]["notes"][0] == why
    area = next(p for p in r["overall"]["score"]["parts"] if p["name"] == "behavioural")
    assert "hiring-manager: not run or not scored, left out" in area["detail"]["notes"]
    md = render_markdown(r)
    assert (
        "## 6. Hiring manager: not scored" in md
        and "| 6 | Hiring manager | 10:00 | 00:00 | - | not reached | not scored |" in md
    )


def _scores(node):
    if isinstance(node, dict):
        if {"kind", "value", "parts", "notes"} <= set(node):
            yield node
        for v in node.values():
            yield from _scores(v)
    elif isinstance(node, list):
        for v in node:
            yield from _scores(v)


def test_every_score_is_the_sum_of_its_parts(session):
    scores = list(_scores(_report(*session)))
    assert len(scores) > 15
    checked = 0
    for s in scores:
        if s["value"] is None:
            assert all(p["contribution"] == 0 for p in s["parts"])
            continue
        total = sum(p["contribution"] for p in s["parts"])
        # Each number is rounded to 2 places on its own; the sum may drift by that much.
        assert abs(total - s["value"]) <= 0.005 * (len(s["parts"]) + 1), s["name"]
        checked += 1
    assert checked > 15


def test_html_escapes_answers_and_highlights_code(session):
    page = render_html(_report(*session))
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert "<script" not in page.lower()
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; not a tag" in page
    assert '<div class="highlight">' in page
    assert '<span class="kn">import</span>' in page and '<span class="k">def</span>' in page
    assert ".highlight .k {" in page  # the style is embedded: the page stands alone


def test_markdown_keeps_candidate_html_inert(session):
    md = render_markdown(_report(*session))
    assert re.search(r"(?<!\\)<script", md) is None and "\\<script>" in md


def test_split_components():
    listed = ["feature store", "plan (data, tensor, pipeline)", "cache"]
    assert split_components("plan (data, tensor, pipeline), feature store, queue", listed) == (
        ["feature store", "plan (data, tensor, pipeline)"],
        ["queue"],
    )
    assert split_components("", listed) == ([], [])
    assert split_components("feature stores", listed) == ([], ["feature stores"])


def test_fresh_session_has_no_fake_zeros(tmp_path):
    store = Store(tmp_path / "fresh.db")
    sid = store.create_session(scenario_to_dict(scripted.SCENARIO), pace=1.0, now=scripted.START)
    r = _report(store, sid)
    assert all(s["status"] == "not_reached" and s["score"]["value"] is None for s in r["stages"])
    assert r["overall"]["score"]["value"] is None
    assert r["key_points_missed"] == [] and r["unanswered"] == []
    assert "## Overall score: not scored" in render_markdown(r)
    render_html(r)


def test_coding_stage_started_with_nothing_run_is_not_scored(tmp_path):
    store = Store(tmp_path / "c.db")
    clock = FakeClock(scripted.START)
    sid = store.create_session(scenario_to_dict(scripted.SCENARIO), pace=1.0, now=clock.now())
    session = Session(scripted.SCENARIO, clock)
    session.subscribe(Recorder(store, sid))
    session.skip_stage()
    session.start()
    clock.advance(120)
    session.finish_stage()
    coding = _report(store, sid)["stages"][1]
    assert coding["status"] == "finished" and coding["score"]["value"] is None
    assert coding["score"]["notes"] == ["nothing was run or submitted"]
    assert [p["status"] for p in coding["content"]["problems"]] == [
        "not_attempted",
        "not_attempted",
    ]


def test_stage_in_progress_after_a_crash(tmp_path):
    from mockint.recording import resume_session

    store = Store(tmp_path / "crash.db")
    clock = FakeClock(scripted.START)
    sid = store.create_session(scenario_to_dict(scripted.SCENARIO), pace=1.0, now=clock.now())
    session = Session(scripted.SCENARIO, clock)
    recorder = Recorder(store, sid)
    session.subscribe(recorder)
    session.start()
    clock.advance(90)
    recorder.heartbeat(session)
    clock.advance(300)  # the app is dead for five minutes
    resume_session(store, store.load(sid), clock)
    st = _report(store, sid)["stages"][0]
    assert st["status"] == "in_progress" and st["used_s"] == 90.0 and st["recovered_s"] == 300.0
    assert "recovered after a crash (05:00 not charged)" in render_markdown(_report(store, sid))


def test_default_lookups_use_the_installed_banks_and_problems(session):
    from mockint.grading.problems import load_problem
    from mockint.scenario.bank_load import bank_for_kind

    r = build_report(*session)
    coding = next(s for s in r["stages"] if s["id"] == "coding")
    assert [p["title"] for p in coding["content"]["problems"]] == [
        load_problem("top-k").title,
        load_problem("linear-regression").title,
    ]
    bundled = {q.id for q in bank_for_kind("phone_screen").questions}
    for q in r["stages"][0]["content"]["questions"]:
        assert q["in_bank"] == (q["id"] in bundled)
        if not q["in_bank"] and q["status"] == "answered":
            assert q["coverage"] is None and q["score"] is not None  # scored on the rating alone


# ---- the CLI hook ------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["md", "json", "html"])
def test_command_writes_each_format(session, tmp_path, fmt, capsys):
    store, sid = session
    out = tmp_path / f"r.{fmt}"
    assert report_command(sid, fmt, str(out), str(store.path)) == 0
    text = out.read_text(encoding="utf-8")
    if fmt == "json":
        assert json.loads(text)["session"]["id"] == sid
    elif fmt == "md":
        assert text.startswith("# Report test loop: session 1")
    else:
        assert "<html" in text
    assert capsys.readouterr().out == ""


def test_command_writes_to_stdout(session, capsys):
    store, sid = session
    assert report_command(sid, "json", None, str(store.path)) == 0
    assert json.loads(capsys.readouterr().out)["session"]["scenario_id"] == "report-loop"


def _one_line_error(capsys) -> str:
    cap = capsys.readouterr()
    assert cap.out == ""
    lines = cap.err.splitlines()
    assert len(lines) == 1, cap.err
    return lines[0]


def test_command_unknown_session(session, capsys):
    store, _ = session
    assert report_command(99, "md", None, str(store.path)) == 2
    assert _one_line_error(capsys) == f"mockint: no session 99 in {store.path}"


def test_command_missing_database_is_not_created(tmp_path, capsys):
    path = tmp_path / "nowhere.db"
    assert report_command(1, "md", None, str(path)) == 2
    assert _one_line_error(capsys) == f"mockint: no session 1 in {path}"
    assert not path.exists()


def test_command_broken_database(tmp_path, capsys):
    path = tmp_path / "junk.db"
    path.write_bytes(b"not a database at all " * 200)
    assert report_command(1, "json", None, str(path)) == 2
    line = _one_line_error(capsys)
    assert line.startswith("mockint: ") and str(path) in line


def test_command_damaged_session_row(session, capsys):
    store, sid = session
    store.conn.execute("UPDATE sessions SET scenario_json = '{not json' WHERE id = ?", (sid,))
    assert report_command(sid, "md", None, str(store.path)) == 2
    assert _one_line_error(capsys).startswith(f"mockint: {store.path}: cannot read session {sid}")


def test_command_unknown_format(session, capsys):
    store, sid = session
    assert report_command(sid, "pdf", None, str(store.path)) == 2
    assert "unknown report format" in _one_line_error(capsys)


def test_command_uses_mockint_db_by_default(session, monkeypatch, capsys):
    store, sid = session
    monkeypatch.setenv("MOCKINT_DB", str(store.path))
    assert report_command(sid, "md", None, None) == 0
    assert capsys.readouterr().out.startswith("# Report test loop")


def test_report_modules_import_no_textual_numpy_or_torch():
    code = textwrap.dedent("""
        import importlib, pkgutil, sys
        import mockint.report
        for m in pkgutil.iter_modules(mockint.report.__path__, "mockint.report."):
            importlib.import_module(m.name)
        assert "mockint.report.coding" in sys.modules and "mockint.report.html" in sys.modules
        bad = sorted(m for m in sys.modules if m.split(".")[0] in ("textual", "numpy", "torch", "sqlite_utils"))
        print(",".join(bad))
    """)
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert res.returncode == 0, res.stderr
    assert res.stdout.strip() == ""
