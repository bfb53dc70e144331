"""The preparation plan: pure week building on fixed dates, saved dates, done so far."""

import json
from datetime import date, datetime, timedelta

import pytest

from mockint.review import plan as pl

TODAY = date(2026, 3, 2)


def ts(d: date, hour=12) -> float:
    return datetime(d.year, d.month, d.day, hour).timestamp()


def test_spec_from_weeks_and_until():
    assert pl.make_spec(TODAY, 6, None) == (pl.Spec(TODAY, 6), None)
    spec, note = pl.make_spec(TODAY, 6, date(2026, 4, 27))
    assert spec == pl.Spec(date(2026, 3, 16), 6, date(2026, 4, 27)) and note is None
    spec, note = pl.make_spec(TODAY, 8, date(2026, 4, 1))  # does not fit: starts today
    assert spec.start == TODAY and "30 days" in note
    assert pl.make_spec(TODAY, None, date(2026, 4, 13))[0].weeks == 6  # weeks from the date
    with pytest.raises(ValueError, match="not after today"):
        pl.make_spec(TODAY, 6, TODAY)
    with pytest.raises(ValueError, match="between 1 and 26"):
        pl.make_spec(TODAY, 0, None)


def test_weeks_topics_due_items_and_done_so_far():
    spec = pl.Spec(TODAY - timedelta(days=8), 6)  # started last week: week 2 is current
    act = pl.Activity(
        sessions=[
            (ts(TODAY - timedelta(days=7)), "solo", "finished"),  # week 1 loop
            (ts(TODAY - timedelta(days=6)), "practice", "finished"),
            (ts(TODAY - timedelta(days=1)), "practice", "active"),  # week 2
            (ts(TODAY - timedelta(days=1)), "solo", "abandoned"),  # not a finished loop
        ],
        reviews=[(ts(TODAY - timedelta(days=1)), "problem:top-k")] * 2,
    )
    due = [
        (ts(TODAY - timedelta(days=3)), "Top k scores"),  # overdue: this week
        (ts(TODAY + timedelta(days=2)), "Edit distance"),  # this week
        (ts(TODAY + timedelta(days=20)), "Why this team?"),  # week 5
        (ts(TODAY + timedelta(days=200)), "Far away"),  # after the plan
    ]
    topics = ["numerics", "graphs", "conflict", "sparse matrices", "hashing", "metrics"]
    weeks = pl.build(spec, TODAY, topics, due, act)
    assert [w.status for w in weeks] == ["past", "current"] + ["future"] * 4
    assert weeks[0].done == {"loops": 1, "practice": 1, "reviews": 0}
    assert weeks[1].done == {"loops": 0, "practice": 1, "reviews": 1}
    assert weeks[1].due == ["Top k scores", "Edit distance"]
    assert weeks[1].targets["reviews"] == 2
    assert weeks[4].due == ["Why this team?"]
    assert weeks[0].focus == ["numerics", "graphs"] and weeks[2].focus == ["hashing", "metrics"]
    assert weeks[-1].focus == [] and weeks[-1].theme.startswith("Final week")
    assert weeks[-1].targets["loops"] == 2 and weeks[0].targets["loops"] == 1
    assert weeks[-1].end == spec.start + timedelta(days=42)


def test_cli_plan_saves_and_shows(cli, tmp_path):
    db = str(tmp_path / "p.db")
    res = cli("plan", "--weeks", "7", "--json", "--db", db)
    assert res.returncode == 0, res.stderr
    doc = json.loads(res.stdout)
    assert doc["weeks"] == 7 and len(doc["plan"]) == 7 and doc["plan"][0]["status"] == "current"
    res = cli("plan", "--db", db)  # the saved plan comes back
    assert res.returncode == 0 and res.stdout.startswith("Plan: 7 weeks from ")
    assert "> Week 1" in res.stdout and "(> this week; done/target)" in res.stdout
    res = cli("plan", "--until", "2020-01-01", "--db", db)
    assert res.returncode == 2 and "not after today" in res.stderr and "Traceback" not in res.stderr
    res = cli("plan", "--until", "soon", "--db", db)
    assert res.returncode == 2 and res.stderr.strip() == (
        "mockint: --until: not a date: 'soon' (use YYYY-MM-DD)"
    )
