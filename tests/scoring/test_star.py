"""STAR analysis: shares, numbers in the Result, "I" against "we", time, advice."""

import time

import pytest

from mockint.scoring.star import analyse, count_i, count_we, numbers_in

GOOD = {
    "Situation": "Our ranking model was slow at peak hours.",  # 8 words
    "Task": "I owned cutting its latency.",  # 5 words
    "Action": (
        "I profiled the service and found we recomputed user embeddings on every request. "
        "I added a cache keyed by user and day, I batched the remaining calls, and I rolled "
        "the change out behind a flag while I watched error rates."
    ),  # 41 words
    "Result": "p99 latency fell from 800 ms to 240 ms.",  # 9 words
    "Reflection": "Next time I would profile before guessing.",  # 7 words
}


def codes(a):
    return [x.code for x in a.advice]


def test_words_and_shares():
    a = analyse(GOOD)
    words = {p.name: p.words for p in a.parts}
    assert words == {"situation": 8, "task": 5, "action": 41, "result": 9, "reflection": 7}
    assert a.total_words == 70
    assert a.part("action").share == pytest.approx(41 / 70)
    assert sum(p.share for p in a.parts) == pytest.approx(1.0)


def test_a_good_story_passes_every_check_and_gets_no_advice():
    a = analyse(GOOD)
    assert a.checks() == {
        "situation_short": True,
        "task_short": True,
        "action_largest": True,
        "result_has_number": True,
        "says_i": True,
        "has_reflection": True,
    }
    assert a.result_numbers == ("800 ms", "240 ms")
    assert a.advice == ()


def test_long_situation_and_small_action_are_flagged():
    story = dict(GOOD, Situation=" ".join(["context"] * 60), Action="I fixed it.")
    a = analyse(story)
    assert not a.situation_short
    assert not a.action_largest
    assert "situation_long" in codes(a) and "action_small" in codes(a)
    line = a.advice[codes(a).index("situation_long")].text
    assert "Situation" in line and "%" in line


def test_long_task_is_flagged():
    a = analyse(dict(GOOD, Task=" ".join(["goal"] * 30)))
    assert not a.task_short and "task_long" in codes(a)


def test_action_tied_with_another_part_is_not_largest():
    a = analyse({"situation": "a b c d", "action": "I did x y"})
    assert a.part("situation").words == a.part("action").words == 4
    assert not a.action_largest


@pytest.mark.parametrize(
    "result, evidence",
    [
        ("Latency dropped by 40%.", ("40%",)),
        ("We saved $12,000 a year.", ("$12,000",)),
        ("It saved £2k.", ("£2k",)),
        ("Throughput doubled.", ("doubled",)),
        ("Errors halved within a week.", ("halved",)),
        ("Three teams adopted it.", ("Three",)),
        ("A 3x speed-up.", ("3x",)),
        ("Down by ten per cent.", ("ten", "per cent")),
        ("Zero incidents since.", ("Zero",)),
    ],
)
def test_result_with_a_number(result, evidence):
    assert numbers_in(result) == evidence
    assert analyse(dict(GOOD, Result=result)).result_has_number


@pytest.mark.parametrize(
    "result",
    [
        "It went much better.",
        "One of the best launches we had.",  # "one" alone is a pronoun here
        "Our F1 and p99 improved a lot.",  # metric names are not quantities
        "Users were happier.",
    ],
)
def test_result_without_a_number(result):
    a = analyse(dict(GOOD, Result=result))
    assert not a.result_has_number
    assert a.result_numbers == ()
    assert "result_no_number" in codes(a)


def test_i_is_case_aware_and_us_is_not_the_country():
    assert count_i("I think i was right; I'm sure my lead told me so, myself.") == 5
    assert count_we("We shipped our fix; the US team helped us. We're done, ours.") == 5
    assert count_i("Item, Ireland, iPhone") == 0
    assert count_we("Wendy, user, ourselvesx") == 0


def test_we_over_i_in_the_action_gives_advice():
    story = dict(GOOD, Action="We profiled it. We added a cache and we batched calls. I helped.")
    a = analyse(story)
    act = a.part("action")
    assert (act.i_count, act.we_count) == (1, 3)
    assert not a.says_i
    line = a.advice[codes(a).index("we_over_i")].text
    assert '"we" 3 times' in line and '"I" 1' in line


def test_we_in_the_situation_alone_is_fine():
    story = dict(GOOD, Situation="We had a slow service, we all knew it.")
    a = analyse(story)
    assert a.we_count > a.part("action").we_count
    assert "we_over_i" not in codes(a)


def test_missing_parts_and_reflection():
    a = analyse({"Situation": "We had an outage.", "Result": "Fixed in two hours."})
    assert "action_empty" in codes(a) and "task_empty" in codes(a)
    assert "no_reflection" in codes(a)
    assert not a.has_reflection


def test_empty_story():
    a = analyse({})
    assert a.total_words == 0
    assert all(p.share == 0 for p in a.parts)
    assert codes(a) == ["empty"]


def test_time_per_part_and_slow_setup():
    secs = {"situation": 120, "task": 30, "action": 90, "result": 30, "reflection": 30}
    a = analyse(GOOD, secs)
    assert a.part("situation").seconds == 120
    assert a.part("situation").time_share == pytest.approx(120 / 300)
    assert "setup_slow" in codes(a)
    assert "2:30 of 5:00" in a.advice[codes(a).index("setup_slow")].text
    quick = analyse(GOOD, dict(secs, situation=20, task=10))
    assert "setup_slow" not in codes(quick)


def test_without_seconds_times_are_none():
    a = analyse(GOOD)
    assert all(p.seconds is None and p.time_share is None for p in a.parts)


def test_negative_seconds_are_refused():
    with pytest.raises(ValueError):
        analyse(GOOD, {"action": -1})


def test_to_dict_shape():
    d = analyse(GOOD).to_dict()
    assert [p["name"] for p in d["parts"]] == [
        "situation",
        "task",
        "action",
        "result",
        "reflection",
    ]
    assert d["checks"]["action_largest"] is True
    assert d["result_numbers"] == ["800 ms", "240 ms"]
    assert d["advice"] == []


def test_fast_enough_for_live_use():
    story = {k: v * 60 for k, v in GOOD.items()}  # about 4,000 words
    t0 = time.perf_counter()
    for _ in range(10):
        a = analyse(story)
    assert (time.perf_counter() - t0) / 10 < 0.05
    assert a.total_words > 4000


def test_a_specific_reflection_field_makes_the_reflection_point():
    """The STAR form's Reflection is where the candidate reflects: a specific one makes the
    reflection key point in any words; a token one does not; nothing asks for "STAR"."""
    from mockint.scenario.bank_load import bank_for_kind
    from mockint.scoring.answer_text import cover_answer
    from mockint.tui.widgets.review import review_text

    bank = bank_for_kind("behavioural")
    q = bank.question("disagreement-with-peer")
    fields = {
        "situation": "Our ranking team was about to ship a new model.",
        "task": "I had to decide with a teammate whether the launch could wait.",
        "action": "I ran a two day benchmark on last month's traffic and shared it.",
        "result": "We found a 3% drop for new users and fixed it before launch.",
    }
    for reflection in (
        "I now bring a proposed experiment to a disagreement instead of an opinion.",
        "Looking back, I should have shared the benchmark before the first meeting.",
    ):
        cov = cover_answer("behavioural", {**fields, "reflection": reflection}, q)
        point = next(p for p in cov.points if p.id == "reflection")
        assert point.covered, reflection
        review = review_text(q, cov, 4).plain
        lines = review.splitlines()
        at = next(i for i, line in enumerate(lines) if "Reflects on" in line)
        assert lines[at].lstrip().startswith("✓")
        assert "only generic words" not in lines[at + 1]
    for token in ("Learned a lot.", ""):
        cov = cover_answer("behavioural", {**fields, "reflection": token}, q)
        assert not next(p for p in cov.points if p.id == "reflection").covered
    for question in bank.questions:
        assert "STAR" not in question.terminology, question.id
