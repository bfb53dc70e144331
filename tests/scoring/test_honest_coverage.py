"""Honest coverage: generic words never cover, contradictions cost the point, figures and
plain words count, and the review screen and the report score the same text."""

import pytest

from mockint.scenario.bank import KeyPoint, Question
from mockint.scenario.bank_terms import is_generic
from mockint.scoring.answer_text import scored_text
from mockint.scoring.coverage import cover, find_term
from mockint.scoring.score import Answer, score_answer

BIAS = KeyPoint(
    "diagnosis",
    "High bias underfits; high variance overfits.",
    ("underfit", "overfit", "trade-off", "learning"),
    ("high bias ... overfit", "high variance ... underfit", "overfit ... high bias"),
)


@pytest.mark.parametrize(
    "term, generic",
    [
        ("trade-off", True),
        ("trade-offs", True),
        ("the cost", True),
        ("learning", True),
        ("improved", True),
        ("my team", True),
        ("want to", True),
        ("learning curve", False),
        ("success metric", False),
        ("more data", False),
        ("weight decay", False),
        ("p99", False),
        ("{n} qps", False),
    ],
)
def test_generic_terms(term, generic):
    assert is_generic(term) is generic


def test_generic_words_alone_never_cover_a_point():
    c = cover("It is a trade-off, and we keep learning.", [BIAS])
    (p,) = c.points
    assert not p.covered and not p.said
    assert [m.text for m in p.supporting] == ["trade-off", "learning"]
    assert c.share == 0


def test_an_answer_about_learning_curves_does_not_cover_growth():
    growth = KeyPoint("growth", "Says what growth they want.", ("learning", "mentorship"))
    c = cover("I would plot learning curves for both models.", [growth])
    assert not c.points[0].covered


@pytest.mark.parametrize(
    "answer",
    [
        "High bias means the model overfits the training data.",
        "With high variance the model underfits.",
        "Overfitting is a sign of high bias.",
    ],
)
def test_a_contradiction_costs_the_point_and_is_listed(answer):
    (p,) = cover(answer, [BIAS]).points
    assert p.said, "the terms were there"
    assert p.contradicted and not p.covered
    assert p.contradictions[0].text.lower() in answer.lower()
    assert p.to_dict()["contradictions"]


@pytest.mark.parametrize(
    "answer",
    [
        "High bias means underfitting; high variance means overfitting.",
        "High bias does not mean overfitting: it means underfitting.",
        "High bias causes underfitting and high variance causes overfitting.",
        "High bias. Overfitting is the other failure.",
        "Overfitting comes from high variance, underfitting from high bias.",
        "High bias is about assumptions that are far too simple for the data, so overfitting "
        "is not the issue.",
    ],
)
def test_correct_statements_are_not_contradictions(answer):
    (p,) = cover(answer, [BIAS]).points
    assert not p.contradicted, p.contradictions
    assert p.covered


@pytest.mark.parametrize(
    "answer, text",
    [
        ("peak is 20k requests a second", "20k requests a second"),
        ("about 20,000 requests/s at peak", "20,000 requests/s"),
        ("1.5M requests per second", "1.5M requests per second"),
        ("maybe 3 million requests each second", "3 million requests each second"),
        ("a million requests a second", "a million requests a second"),
    ],
)
def test_rates_per_second_are_matched(answer, text):
    assert [m.text for m in find_term(answer, "{n} requests {per-second}")] == [text]


@pytest.mark.parametrize(
    "answer, term, text",
    [
        ("100M events per day", "{n} events {per-day}", "100M events per day"),
        ("5 billion events a day", "{n} events {per-day}", "5 billion events a day"),
        ("latency fell 30%", "{n} {percent}", "30%"),
        ("by 12 percent", "{n} {percent}", "12 percent"),
        ("about 3 TB of vectors", "{n} tb", "3 TB"),
        ("about 3TB of vectors", "{n} tb", "3TB"),
        ("at 800 qps", "{n} qps", "800 qps"),
        # A count in words, as plain answers say it.
        ("it caught problems on three days", "{n} days", "three days"),
        ("down to twenty minutes", "{n} minutes", "twenty minutes"),
    ],
)
def test_number_patterns(answer, term, text):
    assert [m.text for m in find_term(answer, term)] == [text]


@pytest.mark.parametrize(
    "answer, term",
    [
        ("requests per second matter", "{n} requests {per-second}"),
        ("v2 requests per second", "{n} requests {per-second}"),
        ("the 30 people in percent terms", "{n} {percent}"),
        ("a second request arrives", "{n} {per-second}"),
        ("a one-to-one every week", "{n} weeks"),  # not a count
    ],
)
def test_number_patterns_need_the_number(answer, term):
    assert find_term(answer, term) == ()


def test_score_counts_only_specific_uncontradicted_points():
    q = Question(
        "bv",
        "Explain bias and variance.",
        10,
        (
            BIAS,
            KeyPoint("noise", "Irreducible noise.", ("irreducible", "noise floor")),
        ),
    )
    right = "High bias underfits, high variance overfits; some error is irreducible."
    wrong = "High bias means overfitting. Some error is irreducible."
    generic = "It is a trade-off; keep learning."
    scores = {
        name: score_answer(Answer("bv", cover(text, q.key_points))).value
        for name, text in (("right", right), ("wrong", wrong), ("generic", generic))
    }
    # A point said wrong earns nothing and costs half a point more (WRONG_COST).
    assert scores == {"right": 100, "wrong": 25, "generic": 0}


def test_design_text_leaves_the_ticked_components_out():
    fields = {
        "requirements": "p99 under 50 ms",
        "deep-dive": "two-tower retrieval",
        "scratchpad": "qps = 10k",
        "components": "ANN index,Feature store",
    }
    text = scored_text("system_design", fields, ("requirements", "capacity", "deep-dive"))
    assert "ANN" not in text and "Feature store" not in text
    assert text.index("p99") < text.index("two-tower") < text.index("qps")


def test_star_text_joins_parts_in_order_without_merging_phrases():
    fields = {"result": "latency fell", "situation": "we had a model", "action": "I retrained"}
    text = scored_text("behavioural", fields)
    assert text.index("model") < text.index("retrained") < text.index("latency")
    assert find_term(text, "model I retrained") == ()


@pytest.mark.parametrize(
    "answer, contradicted",
    [
        ("Tune the thresholds on the test set.", True),
        ("Never tune on the test set.", False),
        ("More regularisation reduces bias.", True),
        ("Less regularisation reduces bias.", False),
        ("Step in the direction of the gradient.", True),
        ("Step in the opposite direction of the gradient.", False),
    ],
)
def test_a_negation_before_the_statement_undoes_it(answer, contradicted):
    kp = KeyPoint(
        "x",
        "A point.",
        ("zzz",),
        ("tune ... on the test set", "regularisation reduces bias", "direction of the gradient"),
    )
    assert cover(answer, [kp]).points[0].contradicted is contradicted
