"""Score series and weak areas."""

import json

from mockint.review import progress, summary
from tests.report import scripted
from tests.review.sessions import DAY, mark_finished, solve


def test_series_topics_and_weak_areas(store, clock):
    solve(store, clock, "top-k", "accepted")  # heaps 100
    clock.advance(DAY)
    solve(store, clock, "edit-distance", "wrong_answer", hint=True)  # dynamic programming 33
    clock.advance(DAY)
    solve(store, clock, "edit-distance", "time_limit")
    mark_finished(store, scripted.build(store))  # oldest: missed key points and a hint
    lookups = summary.default_lookups(store)
    lookups.bank_for = scripted.BANKS.get
    summary.refresh(store, lookups=lookups)

    series = progress.score_series(store)
    assert len(series["overall"].points) == 4
    assert series["overall"].points[0][0] < series["overall"].points[-1][0]  # oldest first
    assert series["coding"].last == round(100 / 3, 2) or series["coding"].last < 50
    assert set(series) == {"overall", "coding", "system_design", "behavioural"}
    assert len(progress.score_series(store, limit=2)["overall"].points) == 2

    topics = {(t.group, t.topic): t for t in progress.topic_scores(store)}
    assert topics[("problem topics", "dynamic programming")].recent < 50
    assert topics[("problem topics", "heaps")].count == 2  # practice and the loop's top-k
    assert topics[("competencies", "conflict")].count == 1

    weak = progress.weak_areas(store, top=10)
    assert weak.topics[0].topic in ("dynamic programming", "sequences", "strings")
    assert weak.missed[0][1] >= 1 and any("Reads learning curves" in m for m, _ in weak.missed)
    verdicts = dict(weak.verdicts)
    assert verdicts["wrong_answer"] >= 2 and verdicts["time_limit"] == 2
    assert weak.hints == 2 and weak.sessions_with_hints == 2 and weak.sessions == 4
    json.dumps(weak.to_json())


def test_cli_next_json(store, clock, cli):
    solve(store, clock, "top-k", "wrong_answer")  # 2026-01-01: long overdue by now
    res = cli("next", "--json", "--db", str(store.path))
    assert res.returncode == 0, res.stderr
    doc = json.loads(res.stdout)
    assert doc["due_count"] == 1
    assert doc["due"][0]["item"] == "problem:top-k" and doc["due"][0]["last_rating"] == "again"
    res = cli("next", "--db", str(store.path))
    assert res.stdout.startswith("1 due today:") and "[problem] Top k scores" in res.stdout
