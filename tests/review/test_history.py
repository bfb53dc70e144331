"""The history: one query with sort, filters and search; delete; `mockint history --json`."""

import json

from mockint.review import history as h
from mockint.review import summary
from tests.report import scripted
from tests.review.sessions import DAY, START, mark_finished, solve


def fill(store, clock):
    a = solve(store, clock, "top-k", "accepted", after=300)  # coding 100
    clock.advance(DAY)
    b = solve(store, clock, "edit-distance", "wrong_answer", hint=True)  # 1 of 3 passed
    clock.advance(DAY)
    c = scripted.build(store)  # a full loop, on 2023-11-14 (the oldest)
    mark_finished(store, c)
    lookups = summary.default_lookups(store)
    lookups.bank_for = scripted.BANKS.get  # the scripted loop's own questions
    summary.refresh(store, lookups=lookups)
    return a, b, c


def test_rows_sort_filter_and_search(store, clock):
    a, b, c = fill(store, clock)
    rows = h.sessions(store)
    assert [r.id for r in rows] == [b, a, c]  # newest first
    assert [r.mode for r in rows] == ["practice", "practice", "solo"]
    assert rows[1].overall == 100.0 and rows[1].areas == {"coding": 100.0}
    assert rows[0].overall is not None and rows[0].overall < 50
    loop = rows[2]
    assert set(loop.areas) == {"coding", "system_design", "behavioural"}
    from mockint.report.collect import build_report

    report = build_report(store, c, bank_for=scripted.BANKS.get)
    assert loop.overall == report["overall"]["score"]["value"]
    assert loop.areas == {p["name"]: p["value"] for p in report["overall"]["score"]["parts"]}
    assert [r.id for r in h.sessions(store, h.Query(sort="score"))] == [a, c, b]
    assert [r.id for r in h.sessions(store, h.Query(sort="date", descending=False))] == [c, a, b]
    assert [r.id for r in h.sessions(store, h.Query(mode="solo"))] == [c]
    assert [r.id for r in h.sessions(store, h.Query(scenario="report"))] == [c]
    assert [r.id for r in h.sessions(store, h.Query(min_score=60))] == [a, c]
    assert [r.id for r in h.sessions(store, h.Query(max_score=60))] == [b]
    assert [r.id for r in h.sessions(store, h.Query(since=START + DAY / 2))] == [b]
    assert [r.id for r in h.sessions(store, h.Query(until=START))] == [c]
    # Search: a question's words, a problem's title, a topic, a STAR competency.
    assert [r.id for r in h.sessions(store, h.Query(search="fraud model"))] == [c]
    assert [r.id for r in h.sessions(store, h.Query(search="Edit distance"))] == [b]
    assert [r.id for r in h.sessions(store, h.Query(search="dynamic programming"))] == [b]
    assert [r.id for r in h.sessions(store, h.Query(search="heaps"))] == [a, c]
    assert [r.id for r in h.sessions(store, h.Query(search="conflict"))] == [c]
    assert h.sessions(store, h.Query(search="100%_")) == []  # LIKE wildcards are literal
    assert h.count(store, h.Query(mode="practice")) == 2


def test_delete_removes_the_session_and_all_it_recorded(store, clock):
    a, b, c = fill(store, clock)
    assert h.delete(store, b)
    assert [r.id for r in h.sessions(store)] == [a, c]
    for table in ("stages", "events", "code_snapshots", "grading_runs", "review_log"):
        n = store.conn.execute(f"SELECT count(*) FROM {table} WHERE session_id = ?", (b,))
        assert n.fetchone()[0] == 0, table
    assert not h.delete(store, b)


def test_a_summary_follows_changes_to_its_session(store, clock):
    sid = solve(store, clock, "top-k", "wrong_answer")
    summary.refresh(store)
    assert h.sessions(store)[0].overall < 100
    assert summary.missing(store) == []
    from mockint.store.coding import finish_run, start_run
    from tests.review.sessions import result

    run = start_run(store, sid, 0, "top-k", kind="submit", at=START + 999, elapsed=500, code="ok")
    assert summary.missing(store) == [sid]  # the trigger dropped it
    finish_run(
        store, run, at=START + 1000, result=result("top-k", "accepted", 3, 3), verdict="accepted"
    )
    summary.refresh(store)
    assert h.sessions(store)[0].overall == 100.0


def test_cli_history_json(store, clock, cli, tmp_path):
    a, b, c = fill(store, clock)
    env_db = str(store.path)
    res = cli("history", "--json", "--db", env_db)
    assert res.returncode == 0, res.stderr
    rows = json.loads(res.stdout)
    assert [r["id"] for r in rows] == [b, a, c]
    assert set(rows[0]) >= {
        "id",
        "started_at",
        "scenario",
        "mode",
        "status",
        "minutes_used",
        "overall",
        "areas",
    }
    assert rows[2]["scenario"] == "report-loop" and rows[2]["started_at"] == "2023-11-14T22:13:20Z"
    assert rows[2]["areas"]["coding"] == 77.5 and rows[2]["minutes_used"] == 68.3
    res = cli("history", "--mode", "practice", "--sort", "score", "--db", env_db)
    lines = res.stdout.splitlines()
    assert len(lines) == 2 and lines[0].split()[0] == str(a)
    res = cli("history", "--since", "2026-13-01", "--db", env_db)
    assert res.returncode == 2 and res.stderr.strip() == (
        "mockint: --since: not a date: '2026-13-01' (use YYYY-MM-DD)"
    )
    missing = tmp_path / "none.db"
    res = cli("history", "--json", "--db", str(missing))
    assert res.returncode == 0 and json.loads(res.stdout) == [] and not missing.exists()


def test_an_unfinished_session_has_no_overall_but_keeps_its_area_scores(store, clock):
    from mockint.review import progress
    from mockint.review.home import figures

    c = scripted.build(store)  # left active: deep dive skipped, hiring manager not reached
    lookups = summary.default_lookups(store)
    lookups.bank_for = scripted.BANKS.get
    summary.refresh(store, lookups=lookups)
    [row] = h.sessions(store)
    assert row.status == "active" and row.overall is None
    assert row.areas["coding"] is not None
    assert progress.score_series(store)["overall"].points == []
    fig = figures(store, START)
    assert fig.last_id == c and not fig.last_finished
    mark_finished(store, c)
    summary.refresh(store, lookups=lookups)
    assert h.sessions(store)[0].overall is not None
    assert figures(store, START).last_finished
