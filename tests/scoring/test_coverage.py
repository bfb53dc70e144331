"""Key-point coverage: whole words, inflections, phrase variants, explanations."""

import pytest

from mockint.scenario.bank import KeyPoint, Question
from mockint.scoring.coverage import cover, cover_question, find_term


def texts(answer, term):
    return [m.text for m in find_term(answer, term)]


@pytest.mark.parametrize(
    "answer, term, expected",
    [
        ("Embeddings are stored", "embedding", ["Embeddings"]),
        ("one embedding per item", "embeddings", ["embedding"]),
        ("p99 latencies matter", "latency", ["latencies"]),
        ("rebuild the indexes", "index", ["indexes"]),
        ("rebuild the indices", "index", ["indices"]),
        ("the index is stale", "indices", ["index"]),
        ("we tuned it", "tune", ["tuned"]),
        ("careful tuning", "tune", ["tuning"]),
        ("it was embedded", "embed", ["embedded"]),
        ("the service queried it", "query", ["queried"]),
        ("the batches were large", "batch", ["batches"]),
        ("a biased model", "bias", ["biased"]),
        ("the model's weights", "model weights", ["model's weights"]),
        ("RAGs and more", "RAG", ["RAGs"]),
        ("one GPU is enough", "GPUs", ["GPU"]),
    ],
)
def test_inflections_match(answer, term, expected):
    assert texts(answer, term) == expected


@pytest.mark.parametrize("answer", ["LATENCY", "Latency", "latency", "LaTeNcY"])
def test_case_is_ignored(answer):
    assert texts(f"Watch the {answer}.", "Latency") == [answer]


@pytest.mark.parametrize(
    "answer",
    [
        "a trade-off",
        "a trade off",
        "a tradeoff",
        "the trade-offs",
        "the tradeoffs",
        "a trade\u2013off",
        "a trade\noff",
    ],
)
@pytest.mark.parametrize("term", ["trade-off", "trade off", "tradeoff"])
def test_hyphen_space_and_joined_variants(answer, term):
    (m,) = find_term(answer, term)
    assert answer[m.start : m.end] == m.text
    assert m.text.lower().replace("\u2013", "-").replace("\n", " ").startswith("trade")


def test_multiword_phrase_variants():
    assert texts("bias variance tradeoff", "bias-variance trade-off") == ["bias variance tradeoff"]
    assert texts("Hyper-parameter tuning", "hyperparameter tuning") == ["Hyper-parameter tuning"]
    assert texts("kmeans and K-Means", "k-means") == ["kmeans", "K-Means"]
    assert texts("A/B tests", "A/B test") == ["A/B tests"]


@pytest.mark.parametrize(
    "answer, term",
    [
        ("we start now", "art"),
        ("an unbiased estimate", "bias"),
        ("drag the slider", "RAG"),
        ("fragmented", "RAG"),
        ("ragged arrays", "RAG"),  # an acronym takes no -ed
        ("reindexing", "index"),
        ("multitask learning", "task"),
        ("the scalar value", "scala"),
        ("trade. Off we go", "trade off"),  # sentence punctuation breaks a phrase
        ("trade, off", "trade-off"),
        ("us", "used"),
        ("not now", "notes"),  # a plural is stripped to "note", not to "not"
        ("king means", "k-means"),  # one-letter words take no -ing
        ("", "latency"),
    ],
)
def test_no_match_inside_other_words_or_across_punctuation(answer, term):
    assert find_term(answer, term) == ()


def test_every_occurrence_with_spans():
    answer = "Recall first. Then recall again, and RECALL."
    ms = find_term(answer, "recall")
    assert [(m.start, m.end) for m in ms] == [(0, 6), (19, 25), (37, 43)]
    assert all(answer[m.start : m.end] == m.text for m in ms)


KPS = (
    KeyPoint(
        "bv",
        "Explains the bias-variance trade-off",
        ("bias-variance", "underfitting", "overfitting"),
    ),
    KeyPoint(
        "reg", "Names regularisation", ("regularization", "regularisation", "L2 penalty", "dropout")
    ),
    KeyPoint("cv", "Uses cross-validation", ("cross-validation", "k-fold")),
    KeyPoint("art", "Mentions the state of the art", ("art",)),
)


def test_cover_explains_which_points_and_words():
    answer = (
        "Start simple. A deep net overfits easily, so add Dropout and an L2-penalty; "
        "then compare with 5-fold CV and a K-fold split."
    )
    cov = cover(answer, KPS, terminology=("dropout", "ensemble", "overfit"))
    by_id = {p.id: p for p in cov.points}
    # A term written with -ing also stands for its base word: "overfitting" -> "overfits".
    assert by_id["bv"].terms == ("overfitting",)
    assert by_id["bv"].matches[0].text == "overfits"
    assert by_id["reg"].covered and by_id["reg"].terms == ("L2 penalty", "dropout")
    assert [m.text for m in by_id["reg"].matches] == ["L2-penalty", "Dropout"]
    assert by_id["cv"].terms == ("k-fold",) and by_id["cv"].matches[0].text == "K-fold"
    assert not by_id["art"].covered  # "Start" contains "art"
    assert cov.share == pytest.approx(0.75)
    assert [p.id for p in cov.missed] == ["art"]
    assert cov.terminology_used == ("dropout", "overfit")
    assert cov.terminology_unused == ("ensemble",)
    d = cov.to_dict()
    assert d["covered"] == 3 and d["total"] == 4
    assert d["points"][1]["matches"][0] == {
        "term": "L2 penalty",
        "text": "L2-penalty",
        "start": answer.index("L2"),
        "end": answer.index("L2") + len("L2-penalty"),
    }


def test_empty_answer_covers_nothing():
    cov = cover("", KPS, ("dropout",))
    assert cov.share == 0.0
    assert cov.covered == ()
    assert len(cov.missed) == 4
    assert cov.terminology_used == ()


def test_no_key_points_share_is_zero():
    assert cover("anything at all", ()).share == 0.0


def test_cover_question_uses_its_terminology():
    q = Question("q", "Explain bias and variance", 5.0, KPS[:1], terminology=("variance",))
    cov = cover_question("High variance means overfitting.", q)
    assert cov.share == 1.0
    assert cov.points[0].terms == ("overfitting",)
    assert cov.terminology_used == ("variance",)


def test_long_answer_is_fast():
    import time

    answer = "We used embeddings and an ANN index with sharding, caching and retries. " * 400
    terms = [f"term{i} phrase" for i in range(60)] + ["embedding", "trade-off", "ANN index"]
    kps = [KeyPoint(f"k{i}", "x", (t,)) for i, t in enumerate(terms)]
    t0 = time.perf_counter()
    cov = cover(answer, kps)
    assert time.perf_counter() - t0 < 0.5
    assert len(cov.covered) == 2
    assert len(cov.points[-1].matches) == 400
