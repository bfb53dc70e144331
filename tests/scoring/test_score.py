"""The scorer: known inputs give exact numbers, weights rescale, every point is traced."""

import math
import random

import pytest

from mockint.scenario.bank import KeyPoint
from mockint.scenario.model import MixArea
from mockint.scoring.coverage import cover
from mockint.scoring.score import (
    Answer,
    CodingResult,
    ProblemResult,
    Score,
    score_answer,
    score_coding_stage,
    score_overall,
    score_talking_stage,
)
from mockint.scoring.star import analyse

from .test_star import GOOD

MIX = (
    MixArea("coding", 40, ("coding",)),
    MixArea("system_design", 40, ("ml-deep-dive", "system-design")),
    MixArea("behavioural", 20, ("phone-screen", "behavioural", "hiring-manager")),
)


def stage(stage_id, value):
    """A talking stage whose single unrated answer covered `value` percent."""
    return score_talking_stage(stage_id, [Answer("q", value / 100)])


def assert_traceable(score: Score):
    """Each score is the sum of its parts' contributions, all the way down."""
    if score.value is None:
        assert all(p.contribution == 0 for p in score.parts)
        return
    assert score.value == pytest.approx(math.fsum(p.contribution for p in score.parts), abs=1e-9)
    weights = [p.weight for p in score.parts if p.weight]
    if weights and all(p.weight is not None for p in score.parts):
        assert math.fsum(weights) == pytest.approx(1.0)
    for p in score.parts:
        if p.weight is not None and p.value is not None and p.name != "correctness":
            assert p.contribution == pytest.approx(p.weight * p.value)
        if p.detail is not None:
            if p.value is not None:
                assert p.value == pytest.approx(p.detail.value)
            assert_traceable(p.detail)


# ---- answers ---------------------------------------------------------------------------


def test_rated_answer_is_70_coverage_30_rating():
    s = score_answer(Answer("q1", 0.5, (4,)))
    assert s.value == pytest.approx(57.5)  # 0.7 * 50 + 0.3 * 75
    assert [(p.name, p.value, p.weight) for p in s.parts] == [
        ("coverage", 50.0, 0.7),
        ("rating", 75.0, 0.3),
    ]
    assert s.part("coverage").contribution == pytest.approx(35.0)
    assert s.part("rating").contribution == pytest.approx(22.5)
    assert_traceable(s)


def test_unrated_answer_is_coverage_only():
    s = score_answer(Answer("q1", 0.75))
    assert s.value == pytest.approx(75.0)
    assert s.part("coverage").weight == 1.0
    assert any("rating" in n for n in s.notes)


@pytest.mark.parametrize(
    "ratings, expected", [((1,), 0.0), ((5,), 100.0), ((3, 5), 75.0), ((2,), 25.0)]
)
def test_rating_scale(ratings, expected):
    s = score_answer(Answer("q", None, ratings))
    assert s.value == pytest.approx(expected)


def test_coverage_object_is_explained():
    kps = [KeyPoint(k, k, (k,)) for k in ("latency", "cache", "shard", "replica")]
    cov = cover("Add a cache to cut latency.", kps)
    s = score_answer(Answer("q", cov, (5,)))
    assert s.value == pytest.approx(0.7 * 50 + 0.3 * 100)
    assert s.part("coverage").why == "2 of 4 key points made"


def test_behavioural_answer_weights():
    star = analyse(GOOD)  # all six checks pass
    s = score_answer(Answer("b1", 0.5, (3,), star))
    assert s.value == pytest.approx(0.4 * 50 + 0.3 * 100 + 0.3 * 50)  # 65
    assert s.part("star").detail.value == pytest.approx(100.0)
    assert_traceable(s)
    unrated = score_answer(Answer("b1", 0.5, (), star))
    assert unrated.value == pytest.approx((0.4 * 50 + 0.3 * 100) / 0.7)


def test_star_part_counts_checks():
    weak = analyse(
        {
            "Situation": "We had a slow model.",
            "Action": "We fixed it together.",
            "Result": "Better.",
        }
    )
    # passes: situation_short? no (4 of 12 words), task_short yes, action_largest no,
    # number no, says_i no, reflection no -> 1 of 6
    checks = weak.checks()
    assert sum(checks.values()) == 1 and checks["task_short"]
    s = score_answer(Answer("b", None, (), weak))
    assert s.value == pytest.approx(100 / 6)
    assert s.part("star").why == "1 of 6 STAR checks pass"


def test_nothing_to_score():
    s = score_answer(Answer("q"))
    assert s.value is None and s.parts == ()


@pytest.mark.parametrize(
    "bad", [Answer("q", 1.5), Answer("q", -0.1), Answer("q", 0.5, (0,)), Answer("q", 0.5, (6,))]
)
def test_out_of_range_inputs_are_refused(bad):
    with pytest.raises(ValueError, match="q"):
        score_answer(bad)


# ---- stages ----------------------------------------------------------------------------


def test_talking_stage_is_the_mean_of_scored_answers():
    s = score_talking_stage(
        "ml-deep-dive", [Answer("q1", 0.5, (4,)), Answer("q2", 1.0), Answer("q3")]
    )
    assert s.value == pytest.approx((57.5 + 100) / 2)
    assert [p.name for p in s.parts] == ["q1", "q2"]
    assert any(n.startswith("q3: not scored") for n in s.notes)
    assert_traceable(s)


def test_talking_stage_with_nothing_scored():
    assert score_talking_stage("hm", []).value is None
    assert score_talking_stage("hm", [Answer("q")]).value is None


def test_coding_stage_exact():
    s = score_coding_stage(
        "coding",
        CodingResult(
            [ProblemResult("two-sum", 3, 4), ProblemResult("linreg", 10, 10, True, hints=1)],
            seconds_used=4000,
            seconds_planned=3600,
        ),
    )
    # correctness (75 + 100) / 2 = 87.5; one hint -5; 11.1% over -> -5.56
    assert s.part("correctness").value == pytest.approx(87.5)
    assert s.part("hints").contribution == pytest.approx(-5.0)
    assert s.part("overtime").value == pytest.approx(400)
    assert s.part("overtime").contribution == pytest.approx(-0.5 * 400 / 36)
    assert s.value == pytest.approx(87.5 - 5 - 50 / 9)
    assert s.part("correctness").detail.part("two-sum").why == "3 of 4 tests passed; not accepted"
    assert_traceable(s)


def test_coding_penalties_are_capped():
    s = score_coding_stage(
        "coding", CodingResult([ProblemResult("p", 8, 8, True)], 7200, 3600, hints=10)
    )
    assert s.part("hints").contribution == -25.0
    assert s.part("overtime").contribution == -20.0
    assert s.value == pytest.approx(55.0)


def test_coding_within_time_costs_nothing():
    s = score_coding_stage("coding", CodingResult([ProblemResult("p", 1, 2)], 1000, 3600))
    assert s.part("overtime").contribution == 0
    assert s.value == pytest.approx(50.0)


def test_coding_is_bounded_at_zero_and_says_so():
    s = score_coding_stage("coding", CodingResult([ProblemResult("p", 0, 5)], hints=3))
    assert s.value == 0.0
    floor = s.part("bounded at 0")
    assert floor.contribution == pytest.approx(15.0)
    assert_traceable(s)


def test_coding_without_test_counts_uses_the_verdict():
    ok = score_coding_stage("c", CodingResult([ProblemResult("p", 0, 0, True)]))
    bad = score_coding_stage("c", CodingResult([ProblemResult("p", 0, 0, False)]))
    assert (ok.value, bad.value) == (100.0, 0.0)


def test_coding_refuses_impossible_counts_and_no_problems():
    with pytest.raises(ValueError):
        score_coding_stage("c", CodingResult([ProblemResult("p", 5, 4)]))
    assert score_coding_stage("c", CodingResult([])).value is None


# ---- overall ---------------------------------------------------------------------------


def test_overall_weighted_by_the_mix():
    stages = [
        stage("coding", 80),
        stage("ml-deep-dive", 70),
        stage("system-design", 60),
        stage("behavioural", 90),
    ]
    o = score_overall(MIX, stages)
    # areas: coding 80, system_design (70 + 60) / 2 = 65, behavioural 90
    assert o.part("system_design").value == pytest.approx(65)
    assert o.value == pytest.approx(0.4 * 80 + 0.4 * 65 + 0.2 * 90)  # 76
    assert [p.weight for p in o.parts] == pytest.approx([0.4, 0.4, 0.2])
    assert o.notes == ()
    assert_traceable(o)


def test_overall_rescales_when_an_area_has_no_scored_stage():
    not_run = Score("coding", None, (), "stage")
    o = score_overall(
        MIX,
        {
            "system-design": stage("system-design", 60),
            "behavioural": stage("behavioural", 90),
            "coding": not_run,
        },
    )
    assert o.value == pytest.approx(60 * 40 / 60 + 90 * 20 / 60)  # 70
    coding = o.part("coding")
    assert coding.value is None and coding.weight == 0 and coding.contribution == 0
    assert "left out" in coding.why
    assert o.part("system_design").weight == pytest.approx(2 / 3)
    assert any("rescaled" in n and "coding" in n for n in o.notes)
    assert_traceable(o)


def test_overall_area_notes_stages_not_run():
    o = score_overall(MIX, [stage("coding", 50), stage("behavioural", 100)])
    beh = o.part("behavioural").detail
    assert beh.value == 100
    assert any("phone-screen" in n for n in beh.notes)
    assert o.value == pytest.approx(50 * 40 / 60 + 100 * 20 / 60)


def test_overall_with_nothing_scored_is_none():
    o = score_overall(MIX, [])
    assert o.value is None
    assert all(p.contribution == 0 for p in o.parts)


def test_stage_outside_the_mix_is_noted_not_counted():
    o = score_overall(MIX, [stage("coding", 40), stage("warm-up", 100)])
    assert o.value == pytest.approx(40)
    assert any("warm-up" in n for n in o.notes)


def test_overall_takes_a_scenario():
    from mockint.scenario.catalog import find_scenario

    sc = find_scenario(None)
    o = score_overall(sc, [stage(s.id, 50) for s in sc.stages if s.kind != "coding"])
    assert o.value == pytest.approx(50)
    assert o.part("coding").value is None


def test_scores_stay_within_bounds_and_traceable():
    rng = random.Random(5)
    for _ in range(300):
        answers = [
            Answer(
                f"q{i}",
                rng.choice([None, rng.random()]),
                tuple(rng.randint(1, 5) for _ in range(rng.randint(0, 2))),
            )
            for i in range(rng.randint(0, 4))
        ]
        talk = score_talking_stage("ml-deep-dive", answers)
        problems = []
        for i in range(rng.randint(1, 3)):
            total = rng.randint(0, 10)
            problems.append(
                ProblemResult(
                    f"p{i}", rng.randint(0, total), total, rng.random() < 0.5, rng.randint(0, 4)
                )
            )
        code = score_coding_stage(
            "coding",
            CodingResult(
                problems, rng.uniform(0, 9000), rng.choice([None, 3600]), rng.randint(0, 3)
            ),
        )
        overall = score_overall(MIX, [talk, code])
        for s in (talk, code, overall):
            if s.value is not None:
                assert 0 <= s.value <= 100 + 1e-9
            assert_traceable(s)


def test_to_dict_is_rounded_and_nested():
    o = score_overall(MIX, [score_coding_stage("coding", CodingResult([ProblemResult("p", 2, 3)]))])
    d = o.to_dict()
    assert d["value"] == 66.67
    coding = d["parts"][0]
    assert set(coding) == {"name", "value", "weight", "contribution", "why", "detail"}
    assert coding["detail"]["parts"][0]["detail"]["parts"][0]["name"] == "correctness"
    assert d["parts"][1]["value"] is None
    assert o.to_dict(ndigits=None)["value"] == pytest.approx(200 / 3)


def test_answers_count_toward_their_question_area():
    from mockint.scoring.score import resolve_area, split_by_area, stage_area

    mix = [
        MixArea("coding", 40, ("coding",)),
        MixArea("system_design", 40, ("ml-deep-dive", "system-design")),
        MixArea("behavioural", 20, ("phone-screen", "behavioural")),
    ]
    kinds = {
        "coding": "coding",
        "ml-deep-dive": "ml_deep_dive",
        "system-design": "system_design",
        "phone-screen": "phone_screen",
        "behavioural": "behavioural",
    }
    # a stage kind or an area id; unknown or empty means the stage's own area
    assert resolve_area("ml_deep_dive", "phone-screen", mix, kinds) == "system_design"
    assert resolve_area("system_design", "phone-screen", mix, kinds) == "system_design"
    assert resolve_area("", "phone-screen", mix, kinds) is None
    assert resolve_area("marketing", "phone-screen", mix, kinds) is None
    home = stage_area("phone-screen", mix)
    assert home == "behavioural"

    background = Answer("background", 1.0)  # 100
    overfitting = Answer("overfitting", 0.5)  # 50, an ML fundamentals question
    portions = split_by_area(
        "phone-screen",
        [(score_answer(background), None), (score_answer(overfitting), "system_design")],
        home,
    )
    assert set(portions) == {"behavioural", "system_design"}
    assert portions["behavioural"].value == 100
    assert portions["system_design"].name == "phone-screen (system_design questions)"
    stages = {
        "phone-screen": score_talking_stage("phone-screen", [background, overfitting]),
        "ml-deep-dive": score_talking_stage("ml-deep-dive", [Answer("bv", 0.9)]),
    }
    overall = score_overall(mix, stages, {"phone-screen": portions})
    technical = overall.part("system_design").detail
    assert technical.value == pytest.approx((90 + 50) / 2)
    assert overall.part("behavioural").detail.value == 100
    # without the split the ML answer would have pulled the behavioural area down
    plain = score_overall(mix, stages)
    assert plain.part("behavioural").detail.value == 75
    assert plain.part("system_design").detail.value == 90


def test_no_split_when_every_answer_counts_at_home():
    from mockint.scoring.score import split_by_area

    answers = [(score_answer(Answer("a", 1.0)), None), (score_answer(Answer("b", 0.5)), "x")]
    assert split_by_area("s", answers, "x") == {}


def test_viewing_the_solution_before_solving_costs_points():
    from mockint.scoring.score import PEEK_PENALTY

    plain = score_coding_stage("c", CodingResult([ProblemResult("a", 4, 4, True)]))
    peeked = score_coding_stage("c", CodingResult([ProblemResult("a", 4, 4, True, peeked=True)]))
    assert plain.value - peeked.value == PEEK_PENALTY
    part = peeked.part("solution viewed")
    assert part.contribution == -PEEK_PENALTY and "before solving (a)" in part.why
    three = score_coding_stage(
        "c", CodingResult([ProblemResult(x, 1, 1, True, peeked=True) for x in "abc"])
    )
    assert three.part("solution viewed").contribution == -40


def test_a_question_area_finds_its_stage_kind_in_a_run_of_some_stages():
    """`run --stages phone-screen,coding,behavioural`: the phone screen's ML questions still
    count where the full loop puts the deep dive, also after the session's round trip."""
    from mockint.scenario.catalog import find_scenario
    from mockint.scenario.serialize import scenario_from_dict, scenario_to_dict
    from mockint.scoring.score import resolve_area, stage_area

    full = find_scenario("aiml-engineer")
    deep_area = stage_area("ml-deep-dive", full)
    assert deep_area is not None and deep_area != stage_area("phone-screen", full)
    sc = full.subset(["phone-screen", "coding", "behavioural"])
    sc = scenario_from_dict(scenario_to_dict(sc))
    kinds = {s.id: str(s.kind) for s in sc.stages}
    assert resolve_area("ml_deep_dive", "phone-screen", sc, kinds) == deep_area
