"""Choosing problems and questions for a session."""

import random

import pytest

from mockint.engine.clock import FakeClock
from mockint.engine.picks import Candidate, NoProblemError, choose
from mockint.engine.questions import QuestionInfo, choose_questions
from mockint.grading.problems import list_problems
from mockint.recording import resolve_content, start_session
from mockint.scenario.catalog import find_scenario
from mockint.scenario.model import ProblemPick
from mockint.store import coding as records
from mockint.store.sessions import Store

CANDIDATES = [
    Candidate("heap-a", ("heaps",), "easy"),
    Candidate("heap-b", ("heaps",), "medium"),
    Candidate("graph-a", ("graphs",), "hard"),
    Candidate("tensor-a", ("pytorch",), "easy"),
]


def test_picks_match_topic_and_difficulty_and_never_repeat_within_a_session():
    picks = (ProblemPick(topics=("heaps",), difficulty=("easy",)), ProblemPick(topics=("heaps",)))
    assert choose(picks, CANDIDATES, set(), random.Random(1)) == ["heap-a", "heap-b"]


def test_recently_solved_problems_are_avoided_while_others_match():
    pick = (ProblemPick(topics=("heaps",)),)
    for seed in range(20):
        assert choose(pick, CANDIDATES, {"heap-a"}, random.Random(seed)) == ["heap-b"]
    # When every match was solved recently, a solved one is still better than a wrong topic.
    assert choose(pick, CANDIDATES, {"heap-a", "heap-b"}, random.Random(0))[0] in {
        "heap-a",
        "heap-b",
    }


def test_choices_vary_across_sessions():
    seen = {tuple(choose((ProblemPick(),), CANDIDATES, set(), random.Random(s))) for s in range(30)}
    assert len(seen) >= 3


def test_fixed_slug_and_unknown_slug():
    assert choose((ProblemPick(slug="graph-a"),), CANDIDATES, set(), random.Random(0)) == [
        "graph-a"
    ]
    with pytest.raises(NoProblemError):
        choose((ProblemPick(slug="nope"),), CANDIDATES, set(), random.Random(0))


def test_default_loop_has_one_ml_or_tensor_problem_and_skips_a_solved_one(tmp_path):
    store = Store(tmp_path / "p.db")
    ml_topics = {"pytorch", "numpy", "tensors", "vectorization", "machine learning"}
    topics = {p.slug: set(p.topics) for p in list_problems()}
    sc = find_scenario("aiml-engineer")
    for seed in range(10):
        resolved = resolve_content(sc, store, rng=random.Random(seed))
        [coding] = [s for s in resolved.stages if s.kind == "coding"]
        slugs = [p.slug for p in coding.problems]
        assert len(slugs) == 2 and len(set(slugs)) == 2
        assert topics[slugs[1]] & ml_topics
    # Solve the ML problem of one session; the next sessions do not offer it again.
    resolved = resolve_content(sc, store, rng=random.Random(3))
    _session, recorder = start_session(store, resolved, FakeClock(), pace=1)
    solved = next(s for s in resolved.stages if s.kind == "coding").problems[1].slug
    run = records.start_run(
        store, recorder.session_id, 1, solved, kind="submit", at=1.0, elapsed=5.0, code="x"
    )
    records.finish_run(store, run, at=2.0, result={"passed": 3, "total": 3}, verdict="accepted")
    for seed in range(10):
        again = resolve_content(sc, store, rng=random.Random(seed))
        assert solved not in [
            p.slug for s in again.stages if s.kind == "coding" for p in s.problems
        ]

    # Unless asked: with repeat_solved the solved problem can come back.
    offered = {
        p.slug
        for seed in range(40)
        for s in resolve_content(sc, store, rng=random.Random(seed), repeat_solved=True).stages
        if s.kind == "coding"
        for p in s.problems
    }
    assert solved in offered


def test_questions_fill_the_time_with_varied_topics_in_bank_order():
    qs = [
        QuestionInfo("a", 10, "x"),
        QuestionInfo("b", 10, "x"),
        QuestionInfo("c", 10, "y"),
        QuestionInfo("d", 30, "z"),
    ]
    chosen = choose_questions(qs, 20, set(), random.Random(0))
    assert len(chosen) == 2 and "c" in chosen  # one per topic first
    assert chosen == sorted(chosen, key="abcd".index)
    assert choose_questions(qs, 5, set(), random.Random(0)) in (["a"], ["b"], ["c"])  # never empty
    fresh = choose_questions(qs, 10, {"a", "b"}, random.Random(0))
    assert fresh == ["c"]
