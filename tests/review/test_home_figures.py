"""The home screen's one query."""

from mockint.review import home, queue, summary
from tests.review.sessions import DAY, START, Step, coding_session, solve


def test_figures_of_an_empty_database(store):
    assert home.figures(store, START) == home.Figures([], 0, None, None, None, None)


def test_figures_unfinished_latest_and_due(store, clock, utc):
    a = coding_session(store, clock, "top-k", [Step(60, code="x")], finish=False)
    b = coding_session(store, clock, "edit-distance", [Step(60, code="y")], finish=False)
    store.conn.execute("UPDATE sessions SET alive_at = alive_at + 9999 WHERE id = ?", (a,))
    c = solve(store, clock, "bloom-filter", "wrong_answer")
    fig = home.figures(store, clock.now())
    assert fig.unfinished == [a, b]  # most recently alive first
    assert fig.last_id == c and fig.last_overall is None  # not summarised yet
    assert not fig.last_summarised and fig.last_finished
    queue.refresh_all(store)
    fig = home.figures(store, clock.now() + DAY)
    assert fig.last_overall is not None and fig.last_overall < 50 and fig.last_summarised
    assert fig.due == queue.due_count(store, clock.now() + DAY) == 1
    summary.refresh(store)


def test_end_of_day_agrees_with_the_queue(utc):
    for t in (START, START + 0.5 * DAY, START + 17.3 * DAY):
        assert home.end_of_day(t) == queue.end_of_day(t)
