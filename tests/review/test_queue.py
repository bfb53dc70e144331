"""FSRS scheduling from recorded sessions, on a fake clock."""

from datetime import UTC, datetime

from mockint.review import queue
from mockint.review.rating import AGAIN, EASY, GOOD, HARD
from tests.review.sessions import DAY, START, Step, coding_session, solve


def due_items(store, at):
    queue.refresh_all(store)
    return [d.item for d in queue.due(store, at)]


def test_a_series_of_sessions_gives_the_expected_due_list_on_given_dates(store, clock, utc):
    # Day 0 (2026-01-01): one easy solve, one failure, one solve with a hint.
    solve(store, clock, "moving-average", "accepted", after=300)  # Easy: fast, first submit
    solve(store, clock, "top-k", "wrong_answer")  # Again
    solve(store, clock, "edit-distance", "accepted", hint=True)  # Hard
    ratings = dict(store.conn.execute("SELECT item, rating FROM review_log").fetchall())
    assert ratings == {}  # nothing is summarised until something reads the queue
    assert due_items(store, START + 3600) == []  # nothing due later on day 0
    ratings = dict(store.conn.execute("SELECT item, rating FROM review_log").fetchall())
    assert ratings == {
        "problem:moving-average": EASY,
        "problem:top-k": AGAIN,
        "problem:edit-distance": HARD,
    }
    # Day 1: the failure and the hinted solve come back, most overdue first.
    assert due_items(store, START + DAY) == ["problem:top-k", "problem:edit-distance"]
    assert queue.due_count(store, START + DAY) == 2
    # Solving top-k properly on day 1 moves it out by days, not hours.
    clock.advance(DAY)
    solve(store, clock, "top-k", "accepted", after=900)  # Good: accepted, not fast
    assert due_items(store, clock.now()) == ["problem:edit-distance"]
    top_k = next(d for d in queue.all_cards(store) if d.item == "problem:top-k")
    assert top_k.reviews == 2 and top_k.last_rating == GOOD
    assert datetime.fromtimestamp(top_k.due, UTC).date().isoformat() == "2026-01-04"
    # Day 8 evening: the easy one is due again too (8 days after an Easy first review).
    assert due_items(store, START + 7 * DAY) == ["problem:edit-distance", "problem:top-k"]
    assert due_items(store, START + 8 * DAY) == [
        "problem:edit-distance",
        "problem:top-k",
        "problem:moving-average",
    ]


def test_a_changed_session_is_rescored_and_a_deleted_one_leaves_the_queue(store, clock, utc):
    from mockint.review.history import delete

    sid = solve(store, clock, "top-k", "wrong_answer")
    assert due_items(store, START + DAY) == ["problem:top-k"]
    delete(store, sid)
    assert due_items(store, START + DAY) == []
    assert queue.all_cards(store) == []


def test_an_unfinished_round_only_counts_accepted_problems(store, clock, utc):
    coding_session(
        store,
        clock,
        "top-k",
        [Step(60, code="x", run="submit", verdict="wrong_answer")],
        finish=False,
    )
    assert due_items(store, START + 30 * DAY) == []  # still being worked on
    coding_session(store, clock, "edit-distance", [Step(60, code="y", run="submit")], finish=False)
    assert due_items(store, START + 30 * DAY) == ["problem:edit-distance"]


def test_the_card_is_the_fsrs_replay_of_the_log():
    reviews = [(START, AGAIN), (START + DAY, GOOD), (START + 4 * DAY, GOOD)]
    card = queue.replay_card(reviews)
    import fsrs

    sched = fsrs.Scheduler(learning_steps=(), relearning_steps=(), enable_fuzzing=False)
    ref = fsrs.Card(card_id=1, due=datetime.fromtimestamp(START, UTC))
    for at, r in reviews:
        ref, _ = sched.review_card(ref, fsrs.Rating(r), datetime.fromtimestamp(at, UTC))
    assert card.due == ref.due and card.stability == ref.stability
    assert card.due > datetime.fromtimestamp(START + 5 * DAY, UTC)


def test_due_loop_is_a_short_scenario_of_the_due_items(store, clock, utc):
    for slug in ("top-k", "edit-distance", "bloom-filter"):
        solve(store, clock, slug, "wrong_answer")
    queue.refresh_all(store)
    items = queue.due(store, START + DAY)
    sc = queue.due_loop(items, problem_minutes=lambda s: 10)
    assert sc.id == "review" and sc.title == "Review: 2 due items"
    (stage,) = sc.stages
    assert stage.kind == "coding" and stage.minutes == 20
    assert [p.slug for p in stage.problems] == ["top-k", "edit-distance"]  # two at most
    assert queue.due_loop([]) is None


def test_questions_not_answered_are_no_review_items(store):
    """The scripted loop leaves questions unanswered (never reached or passed over): they
    have no score to learn from, so no card, no weak topic."""
    from mockint.review import progress, summary
    from tests.report import scripted
    from tests.review.sessions import mark_finished

    sid = scripted.build(store)
    mark_finished(store, sid)  # every stage settled: the unanswered ones too
    lookups = summary.default_lookups(store)
    lookups.bank_for = scripted.BANKS.get
    summary.refresh(store, lookups=lookups)
    from mockint.report.collect import build_report

    report = build_report(store, sid, bank_for=scripted.BANKS.get)
    asked = [q for st in report["stages"] for q in st["content"].get("questions", [])]
    unanswered = {f"question:{q['id']}" for q in asked if q["status"] != "answered"}
    answered = {f"question:{q['id']}" for q in asked if q["status"] == "answered"}
    assert unanswered and answered
    logged = {r[0] for r in store.conn.execute("SELECT item FROM review_log")}
    assert not logged & unanswered
    assert answered <= logged
    topics = {t.topic for t in progress.topic_scores(store)}
    never = {q["topic"] for q in asked if q["status"] != "answered" and q["topic"]} - {
        q["topic"] for q in asked if q["status"] == "answered"
    }
    assert not topics & never


def test_the_plan_counts_only_items_practised_again_as_reviews(store, clock):
    from mockint.review import plan

    solve(store, clock, "top-k", "wrong_answer")
    solve(store, clock, "edit-distance", "accepted")
    queue.refresh_all(store)
    assert plan.activity(store, START - DAY).reviews == []  # first times, no review yet
    clock.advance(DAY)
    solve(store, clock, "top-k", "accepted")
    queue.refresh_all(store)
    assert [item for _, item in plan.activity(store, START - DAY).reviews] == ["problem:top-k"]


def test_a_due_llm_deep_dive_question_makes_a_review_stage(store):
    """Questions asked from the llm-deep-dive bank share the ml_deep_dive kind with the
    classic deep dive: when one is due, the due loop asks it, with its own length, and the
    talking screen finds it (it looks questions up across every bank of the kind)."""
    from mockint.recording import resolve_content
    from mockint.scenario.bank_load import bank_for_kind, discover_banks
    from mockint.tui.screens.next_up import available, question_minutes

    llm = next(b for b in discover_banks()[0] if b.id == "llm-deep-dive")
    q = llm.questions[0]
    due = queue.Due(f"question:{q.id}", "question", "ml_deep_dive", q.id, "t", START, 1, GOOD)
    assert available(due)
    sc = queue.due_loop([due], question_minutes=question_minutes)
    (stage,) = resolve_content(sc, store).stages
    assert stage.kind == "ml_deep_dive" and stage.questions == (q.id,)
    assert stage.minutes == q.minutes
    assert bank_for_kind("ml_deep_dive").question(q.id).prompt == q.prompt
