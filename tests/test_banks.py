"""Question banks: the bundled ones are complete, malformed ones fail with one clear line."""

import json
import subprocess
import sys

import pytest

from mockint.paths import bundled_dir
from mockint.scenario.bank_commands import banks_list, banks_validate
from mockint.scenario.bank_load import (
    BANK_KINDS,
    DESIGN_PHASES,
    bank_for_kind,
    design_phase,
    discover_banks,
    load_bank,
)
from mockint.scenario.errors import ScenarioError

BANKS_DIR = bundled_dir("scenarios") / "banks"
STAGE_MINUTES = {  # default stage lengths of the bundled loop
    "phone_screen": 45,
    "ml_deep_dive": 90,
    "system_design": 60,
    "behavioural": 45,
    "hiring_manager": 30,
}


def all_banks():
    banks, errors = discover_banks()
    assert errors == []
    return banks


def bundled():
    """One bank per kind: the kind's own (`ml-deep-dive`, not `llm-deep-dive`)."""
    return {b.kind: b for b in all_banks() if b.id == b.kind.replace("_", "-")}


# --- the bundled banks --------------------------------------------------------------------


def test_every_bundled_file_loads_and_covers_each_talking_stage():
    files = sorted(BANKS_DIR.glob("*.toml"))
    assert len(files) == 6  # one per talking stage, plus the LLM deep dive
    for path in files:
        load_bank(path)
    banks = bundled()
    assert set(banks) == set(BANK_KINDS) == set(STAGE_MINUTES)
    for kind, bank in banks.items():
        found = bank_for_kind(kind)
        assert found is not None and found.id == bank.id
        # the kind's own questions first, then its other banks' (the LLM deep dive)
        assert found.questions[: len(bank.questions)] == bank.questions
        others = [q for b in all_banks() if b.kind == kind and b.id != bank.id for q in b.questions]
        assert found.questions[len(bank.questions) :] == tuple(others)
    assert bank_for_kind("coding") is None


def test_ids_are_unique():
    banks = all_banks()
    assert len({b.id for b in banks}) == len(banks)
    qids = [q.id for b in banks for q in b.questions]
    assert len(set(qids)) == len(qids), "question ids repeat across banks"
    for b in banks:
        for q in b.questions:
            kp = [p.id for p in q.key_points]
            assert len(set(kp)) == len(kp), q.id


def test_every_question_is_complete_and_fits_its_stage():
    for bank in all_banks():
        for q in bank.questions:
            where = f"{bank.id}/{q.id}"
            assert q.topic, where
            assert len(q.key_points) >= 3, where
            for kp in q.key_points:
                assert kp.claims, f"{where}/{kp.id}: no claims"
                assert kp.probe.endswith("?"), f"{where}/{kp.id}: the probe is a question"
            assert q.terminology and q.look_for and q.mistakes, where
            assert q.minutes <= STAGE_MINUTES[bank.kind], where
            # A concept that alone makes one point must not alone make another.
            bare = [
                c.property[0]
                for kp in q.key_points
                for c in kp.claims
                if not c.subject and not c.property_dir and len(c.property) == 1
            ]
            shared = sorted({n for n in bare if bare.count(n) > 1})
            assert not shared, f"{where}: one concept alone makes two key points: {shared}"
            minutes = [f.at_minute for f in q.follow_ups]
            assert minutes == sorted(minutes) and all(0 < m <= q.minutes for m in minutes)


EXAMPLE_FIGURES = {
    "{n}": "20",
    "{per-second}": "per second",
    "{per-day}": "a day",
    "{percent}": "%",
}


def example_of(term: str) -> str:
    """How a person might say `term`, placeholders filled with a figure."""
    for k, v in EXAMPLE_FIGURES.items():
        term = term.replace(k, v)
    return term


def test_every_term_can_be_matched_by_coverage():
    """Every wording of every concept a bank uses is found when said as written (a wording
    the lemmatiser reads differently from the answer would be dead weight)."""
    from mockint.scoring.claims import find
    from mockint.scoring.clauses import Text

    for bank in all_banks():
        for q in bank.questions:
            for name, wordings in q.concepts.items():
                for w in wordings:
                    said = Text(f"I said {example_of(w)} here.")
                    assert find(said, name, [w]), (bank.id, q.id, name, w)


def test_every_question_has_a_model_answer_outline():
    from mockint.scoring.text import count_words

    for bank in all_banks():
        for q in bank.questions:
            words = count_words(q.outline)
            assert 120 <= words <= 250, f"{bank.id}/{q.id}: outline of {words} words"


def test_every_outline_covers_its_key_points_and_contradicts_none():
    """A model answer that misses its own key points, or trips its own contradictions, is
    either a wrong outline or a wrong key point: this catches both."""
    from mockint.scoring.coverage import cover_question

    for bank in all_banks():
        for q in bank.questions:
            cov = cover_question(q.outline, q)
            assert not cov.contradicted, (q.id, [p.contradictions for p in cov.contradicted])
            assert not cov.missed, (q.id, [p.id for p in cov.missed])


def test_every_key_point_has_a_specific_term():
    """A concept that makes a point on its own has a wording that is not a generic word."""
    from mockint.scenario.bank_terms import is_generic

    for bank in all_banks():
        for q in bank.questions:
            for kp in q.key_points:
                for c in kp.claims:
                    if c.subject or c.property_dir:
                        continue
                    for name in c.property:
                        words = q.concepts[name]
                        assert any(not is_generic(w) for w in words), (q.id, kp.id, name)


BUZZWORDS = (
    "It is all about the trade-off. You have to compare models, think about the cost and "
    "the complexity, use the data well and keep learning from the results, so performance and "
    "accuracy improve over time. A simple model is cheap and a complex one is expensive, so it "
    "depends on the business goal, the customer, the metric and the team. I would communicate "
    "with stakeholders, decide, plan, track the impact, and scale the solution to help users "
    "and grow the product."
)


def test_a_buzzword_answer_covers_nothing_anywhere():
    from mockint.scoring.coverage import cover_question

    for bank in all_banks():
        for q in bank.questions:
            cov = cover_question(BUZZWORDS, q)
            assert not cov.covered, (q.id, [(p.id, p.evidence) for p in cov.covered])


@pytest.mark.parametrize(
    "question, point, answer",
    [
        ("realtime-recommendations", "capacity-traffic", "Peak is 20k requests a second."),
        ("realtime-recommendations", "capacity-traffic", "around 300,000 requests/s"),
        ("distributed-training", "high-level-parallelism", "We need model parallelism."),
        ("distributed-training", "high-level-parallelism", "Plain DDP will not fit."),
        ("vector-search", "capacity-shards", "Replication gives us availability."),
        (
            "bias-variance-explain",
            "diagnosis",
            "It does badly even on the data it was trained on.",
        ),
        ("serve-large-model", "capacity-weights", "the weights take 26 GB"),
        ("monitoring-retraining", "capacity-logging", "about 2 million predictions per day"),
    ],
)
def test_plain_words_and_figures_cover_their_point(question, point, answer):
    from mockint.scoring.coverage import cover_question

    q = next(q for b in all_banks() for q in b.questions if q.id == question)
    cov = {p.id: p for p in cover_question(answer, q).points}
    assert cov[point].covered, (answer, cov[point])


def test_seed_topics_the_guide_names_are_there():
    design = bundled()["system_design"]
    serving = {kp.id for kp in design.question("serve-large-model").key_points}
    assert {
        "deep-dive-hardware",
        "deep-dive-autoscaling",
        "trade-offs-versioning-retraining",
        "requirements-data-security",
    } <= serving
    recs = {kp.id for kp in design.question("realtime-recommendations").key_points}
    assert {
        "deep-dive-serving-scale",
        "trade-offs-versioning-retraining",
        "high-level-ingestion-security",
    } <= recs
    training = {kp.id for kp in design.question("distributed-training").key_points}
    assert "deep-dive-sync-async" in training
    words = " ".join(w for ws in design.question("serve-large-model").concepts.values() for w in ws)
    assert "int8 vs fp16" in words and "memory bandwidth" in words
    assert bundled()["ml_deep_dive"].question("architecture-choice").topic == "architecture"
    behavioural = bundled()["behavioural"]
    assert "values" in behavioural.question("company-values").competencies
    assert "hypothetical" in behavioural.question("hypothetical-unfair-model").prompt.lower()


def test_ml_fundamentals_count_as_technical():
    phone = bundled()["phone_screen"]
    for q in phone.questions:
        technical = q.topic in {"basic-ml", "llm-basics", "metrics", "data"}
        assert (q.area == "ml_deep_dive") is technical, q.id


def test_the_inverted_bias_variance_answer_loses_to_the_right_one():
    from mockint.scoring.coverage import cover_question

    q = bundled()["ml_deep_dive"].question("bias-variance-explain")
    inverted = (
        "Bias is the error from being too sensitive to the training sample, and variance is "
        "the error from overly simple assumptions. High bias means overfitting. High variance "
        "means underfitting. More capacity lowers variance but raises bias, so find the sweet "
        "spot. Some irreducible noise remains."
    )
    right = (
        "Bias is error from assumptions that are too simple; variance is error from "
        "sensitivity to the training sample. More capacity lowers bias and raises variance, "
        "so find the sweet spot. High bias is underfitting; high variance is overfitting. "
        "Some irreducible noise remains."
    )
    bad, good = cover_question(inverted, q), cover_question(right, q)
    assert {p.id for p in bad.contradicted} == {"definitions", "tradeoff", "diagnosis"}
    assert all(p.evidence for p in bad.contradicted)
    assert len(bad.covered) < len(good.covered)
    assert not good.contradicted


def test_phone_screen_topics():
    bank = bundled()["phone_screen"]
    assert len(bank.questions) >= 8
    topics = {q.topic for q in bank.questions}
    assert {"background", "role-expectations", "basic-ml"} <= topics
    assert sum(q.topic == "basic-ml" for q in bank.questions) >= 5


def test_ml_deep_dive_covers_each_topic_twice():
    bank = bundled()["ml_deep_dive"]
    assert len(bank.questions) >= 10
    for topic in (
        "model-selection",
        "bias-variance",
        "hyperparameter-tuning",
        "evaluation-metrics",
        "real-world-design",
    ):
        assert sum(q.topic == topic for q in bank.questions) >= 2, topic
    bv = bank.question("bias-variance-explain")
    assert {"bias", "variance", "underfitting", "overfitting"} <= set(bv.concepts)


def test_system_design_prompts_and_phases():
    bank = bundled()["system_design"]
    assert {q.topic for q in bank.questions} >= {
        "recommendation",
        "distributed-training",
        "vector-search",
        "model-serving",
        "feature-store",
        "monitoring",
    }
    for q in bank.questions:
        phases = {design_phase(kp.id) for kp in q.key_points}
        assert phases == set(DESIGN_PHASES), q.id
        assert len(q.components) >= 5, q.id
        assert any(f.kind == "curveball" for f in q.follow_ups), q.id
    serving = " ".join(w for ws in bank.question("serve-large-model").concepts.values() for w in ws)
    for word in ("quantization", "pruning", "distillation"):
        assert word in serving


def test_design_phase_prefix():
    assert design_phase("requirements-latency") == "requirements"
    assert design_phase("high-level-funnel") == "high-level"
    assert design_phase("trade-offs-cost") == "trade-offs"
    assert design_phase("requirements") is None
    assert design_phase("latency") is None


def test_behavioural_competencies():
    bank = bundled()["behavioural"]
    assert len(bank.questions) >= 12
    assert all(q.competencies for q in bank.questions)
    tags = {c for q in bank.questions for c in q.competencies}
    assert {
        "conflict",
        "ambiguity",
        "failure",
        "leadership",
        "influence",
        "tight-deadline",
        "ownership",
        "feedback",
        "prioritisation",
    } <= tags


def test_hiring_manager_prompts_and_questions_to_ask():
    bank = bundled()["hiring_manager"]
    assert len(bank.questions) >= 6
    assert {"depth", "motivation"} <= {q.topic for q in bank.questions}
    assert len(bank.questions_to_ask) >= 10
    assert len(set(bank.questions_to_ask)) == len(bank.questions_to_ask)
    assert all(q.endswith("?") for q in bank.questions_to_ask)


# --- malformed files ------------------------------------------------------------------------

GOOD = """\
id = "mini"
kind = "ml_deep_dive"
title = "Mini bank"

[[questions]]
id = "bias"
topic = "bias-variance"
minutes = 10
prompt = "Explain the bias-variance trade-off."
terminology = ["bias", "variance"]

[[questions.key_points]]
id = "tradeoff"
text = "Capacity trades bias for variance."
terms = ["trade-off", "tradeoff", "capacity"]

[[questions.follow_ups]]
at_minute = 5
kind = "curveball"
text = "What about double descent?"

[[questions]]
id = "metrics"
minutes = 8
prompt = "Which metric for fraud?"

[[questions.key_points]]
id = "pr"
text = "Use precision and recall."
terms = ["precision", "recall"]
"""


def sub(old, new):
    def change(text):
        assert old in text, old
        return text.replace(old, new, 1)

    return change


KINDS = "phone_screen, ml_deep_dive, system_design, behavioural, hiring_manager"

# (name, change to GOOD, line or None, field, exact message)
CASES = [
    (
        "bad-toml",
        sub('title = "Mini bank"', 'title = "Mini bank'),
        3,
        "toml",
        "invalid TOML: Illegal character '\\n'",
    ),
    (
        "unknown-top-key",
        sub('title = "Mini bank"', 'title = "Mini bank"\ncolour = "red"'),
        4,
        "colour",
        "unknown key (allowed: concepts, id, kind, questions, questions_to_ask, title)",
    ),
    (
        "unknown-question-key",
        sub("minutes = 8", "minutes = 8\nlevel = 3"),
        25,
        "questions[1].level",
        "unknown key (allowed: area, competencies, components, contrasts, follow_ups, id, "
        "key_points, look_for, minutes, mistakes, outline, prompt, terminology, topic)",
    ),
    (
        "mistake-by-not-speaker",
        sub(
            'prompt = "Which metric for fraud?"',
            'prompt = "Which metric for fraud?"\nmistakes = [{ text = "Accuracy.", point = "pr", '
            'claim = "accuracy -> good-metric", by = "anyone" }]',
        ),
        None,
        "questions[1].mistakes[0].by",
        'must be "speaker" (the only value)',
    ),
    (
        "minutes-wrong-type",
        sub("minutes = 10", 'minutes = "ten"'),
        8,
        "questions[0].minutes",
        "must be a number, got a string",
    ),
    (
        "minutes-negative",
        sub("minutes = 8", "minutes = -3"),
        24,
        "questions[1].minutes",
        "must be greater than 0, got -3",
    ),
    (
        "missing-prompt",
        sub('prompt = "Which metric for fraud?"\n', ""),
        22,
        "questions[1]",
        "missing required key 'prompt'",
    ),
    (
        "empty-prompt",
        sub('"Which metric for fraud?"', '"   "'),
        25,
        "questions[1].prompt",
        "must not be empty",
    ),
    (
        "duplicate-question-id",
        sub('id = "metrics"', 'id = "bias"'),
        23,
        "questions[1].id",
        "duplicate question id 'bias'",
    ),
    (
        "duplicate-key-point-id",
        lambda t: t + '\n[[questions.key_points]]\nid = "pr"\ntext = "Again."\nterms = ["f1"]\n',
        33,
        "questions[1].key_points[1].id",
        "duplicate key point id 'pr'",
    ),
    (
        "key-point-no-terms",
        sub('terms = ["precision", "recall"]', "terms = []"),
        30,
        "questions[1].key_points[0].terms",
        "must list at least one term",
    ),
    (
        "empty-term",
        sub('["precision", "recall"]', '["precision", " "]'),
        30,
        "questions[1].key_points[0].terms",
        "entry 1 must not be empty",
    ),
    (
        "term-not-string",
        sub('["precision", "recall"]', '["precision", 3]'),
        30,
        "questions[1].key_points[0].terms",
        "entry 1 must be a string, got an integer",
    ),
    (
        "duplicate-term",
        sub('["precision", "recall"]', '["precision", "Precision"]'),
        30,
        "questions[1].key_points[0].terms",
        "duplicate term 'Precision'",
    ),
    (
        "follow-up-minute-zero",
        sub("at_minute = 5", "at_minute = 0"),
        18,
        "questions[0].follow_ups[0].at_minute",
        "must be greater than 0, got 0",
    ),
    (
        "follow-up-beyond-budget",
        sub("at_minute = 5", "at_minute = 12.5"),
        18,
        "questions[0].follow_ups[0].at_minute",
        "minute 12.5 is beyond the question's budget of 10",
    ),
    (
        "follow-up-unknown-kind",
        sub('kind = "curveball"', 'kind = "ambush"'),
        19,
        "questions[0].follow_ups[0].kind",
        "unknown follow-up kind 'ambush' (known: follow_up, curveball)",
    ),
    (
        "unknown-stage-kind",
        sub('kind = "ml_deep_dive"', 'kind = "karaoke"'),
        2,
        "kind",
        f"unknown stage kind 'karaoke' (known: {KINDS})",
    ),
    (
        "coding-kind",
        sub('kind = "ml_deep_dive"', 'kind = "coding"'),
        2,
        "kind",
        "coding stages use problems, not a question bank",
    ),
    (
        "missing-kind",
        sub('kind = "ml_deep_dive"\n', ""),
        None,
        "(file)",
        "missing required key 'kind'",
    ),
    (
        "bad-id",
        sub('id = "mini"', 'id = "Mini Bank!"'),
        1,
        "id",
        "'Mini Bank!' is not a valid id (lower-case letters, digits, '-' and '_')",
    ),
    (
        "no-questions",
        lambda t: t.split("[[questions]]")[0] + "questions = []\n",
        5,
        "questions",
        "must list at least one question",
    ),
    (
        "to-ask-not-array",
        sub('title = "Mini bank"', 'title = "Mini bank"\nquestions_to_ask = "why?"'),
        4,
        "questions_to_ask",
        "must be an array, got a string",
    ),
    (
        "design-point-without-phase",
        sub('kind = "ml_deep_dive"', 'kind = "system_design"'),
        13,
        "questions[0].key_points[0].id",
        "'tradeoff' must start with a design phase and '-' "
        "(requirements, capacity, high-level, deep-dive, trade-offs)",
    ),
    (
        "behavioural-without-competency",
        sub('kind = "ml_deep_dive"', 'kind = "behavioural"'),
        5,
        "questions[0]",
        "a behavioural question needs at least one entry in 'competencies'",
    ),
    (
        "key-points-redefined",
        sub(
            'prompt = "Which metric for fraud?"',
            'prompt = "Which metric for fraud?"\nkey_points = "pr"',
        ),
        28,
        "toml",
        "invalid TOML: Cannot overwrite a value",
    ),
    (
        "key-points-not-array",
        sub(
            '[[questions.key_points]]\nid = "pr"\ntext = "Use precision and recall."\n'
            'terms = ["precision", "recall"]\n',
            'key_points = "pr"\n',
        ),
        27,
        "questions[1].key_points",
        "must be an array, got a string",
    ),
]


def expected(path, line, field, message):
    where = f"{path}:{line}" if line else str(path)
    return f"{where}: {field}: {message}"


@pytest.mark.parametrize("name,change,line,field,message", CASES, ids=[c[0] for c in CASES])
def test_malformed_bank_gets_one_exact_line(tmp_path, capsys, name, change, line, field, message):
    path = tmp_path / f"{name}.toml"
    text = change(GOOD)
    assert text != GOOD
    path.write_text(text)
    with pytest.raises(ScenarioError) as info:
        load_bank(path)
    err = str(info.value)
    assert err == expected(path, line, field, message)
    assert banks_validate([str(path)]) == 2
    out = capsys.readouterr()
    assert out.out == "" and out.err == err + "\n"


def test_good_bank_loads_with_sorted_follow_ups(tmp_path, capsys):
    path = tmp_path / "mini.toml"
    path.write_text(
        GOOD.replace(
            "[[questions.follow_ups]]",
            '[[questions.follow_ups]]\nat_minute = 8\ntext = "Later."\n\n[[questions.follow_ups]]',
            1,
        )
    )
    bank = load_bank(path)
    assert bank.id == "mini" and bank.kind == "ml_deep_dive" and bank.path == path
    q = bank.question("bias")
    assert [f.at_minute for f in q.follow_ups] == [5, 8]
    assert [f.kind for f in q.follow_ups] == ["curveball", "follow_up"]
    assert q.key_points[0].terms == ("trade-off", "tradeoff", "capacity")
    assert bank.question("metrics").topic == ""
    assert banks_validate([str(path)]) == 0
    assert capsys.readouterr().out == f"{path}: ok (mini, ml_deep_dive, 2 questions, 18 min)\n"


def test_validate_reports_every_file_and_fails_if_any_is_bad(tmp_path, capsys):
    good, bad = tmp_path / "good.toml", tmp_path / "bad.toml"
    good.write_text(GOOD)
    bad.write_text(GOOD.replace("minutes = 8", "minutes = 0"))
    assert banks_validate([str(bad), str(good), str(tmp_path / "nope.toml")]) == 2
    out = capsys.readouterr()
    assert out.out.startswith(f"{good}: ok (mini")
    assert out.err.splitlines() == [
        f"{bad}:24: questions[1].minutes: must be greater than 0, got 0",
        f"{tmp_path / 'nope.toml'}: (file): no such file",
    ]


def test_validate_with_no_paths_checks_the_bundled_banks(capsys):
    assert banks_validate([]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 7 and "lexicon.toml: ok (lexicon" in lines[0]  # lexicon + 6 banks


def test_module_entry_point_prints_one_line_and_no_traceback(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text(GOOD.replace('kind = "curveball"', 'kind = "ambush"'))
    res = subprocess.run(
        [sys.executable, "-m", "mockint.scenario.bank_commands", "validate", str(bad)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert res.returncode == 2
    assert (
        res.stderr == f"{bad}:19: questions[0].follow_ups[0].kind: unknown follow-up kind "
        "'ambush' (known: follow_up, curveball)\n"
    )
    res = subprocess.run(
        [sys.executable, "-m", "mockint.scenario.bank_commands", "list", "--json"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert res.returncode == 0, res.stderr
    assert next(b["id"] for b in json.loads(res.stdout)) == "phone-screen"


# --- finding banks: bundled and the user's ----------------------------------------------------


def test_user_bank_replaces_bundled_one_and_broken_ones_are_reported(isolated_data, capsys):
    folder = isolated_data / "mockint" / "banks"
    folder.mkdir(parents=True)
    (folder / "mine.toml").write_text(
        GOOD.replace('id = "mini"', 'id = "ml-deep-dive"').replace("Mini bank", "My deep dive")
    )
    extra = GOOD.replace('kind = "ml_deep_dive"', 'kind = "phone_screen"')
    (folder / "extra.toml").write_text(extra)
    (folder / "broken.toml").write_text("id = ")

    banks, errors = discover_banks()
    by_id = {b.id: b for b in banks}
    assert by_id["ml-deep-dive"].title == "My deep dive"
    assert by_id["ml-deep-dive"].path == folder / "mine.toml"
    assert bank_for_kind("ml_deep_dive").title == "My deep dive"
    # Another bank of a kind does not hide the default one of that kind.
    assert bank_for_kind("phone_screen").id == "phone-screen"
    assert [str(e) for e in errors] == [
        f"{folder / 'broken.toml'}:1: toml: invalid TOML: Invalid value (at end of document)"
    ]

    assert banks_list(as_json=True) == 2
    out = capsys.readouterr()
    listed = json.loads(out.out)
    assert [b["id"] for b in listed] == [
        "mini",
        "phone-screen",
        "llm-deep-dive",
        "ml-deep-dive",
        "system-design",
        "behavioural",
        "hiring-manager",
    ]
    mine = next(b for b in listed if b["id"] == "ml-deep-dive")
    assert mine["source"] == "user" and mine["questions"] == 2
    assert next(b for b in listed if b["id"] == "behavioural")["source"] == "bundled"
    assert out.err == str(errors[0]) + "\n"


def test_duplicate_ids_in_one_folder(isolated_data):
    folder = isolated_data / "mockint" / "banks"
    folder.mkdir(parents=True)
    (folder / "a.toml").write_text(GOOD)
    (folder / "b.toml").write_text("# the same bank again\n" + GOOD)
    banks, errors = discover_banks()
    assert [b.path for b in banks if b.id == "mini"] == [folder / "a.toml"]
    assert [str(e) for e in errors] == [
        f"{folder / 'b.toml'}:2: id: duplicate bank id 'mini' (also in {folder / 'a.toml'})"
    ]


def test_list_lines(capsys):
    assert banks_list(as_json=False) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines] == [
        "phone-screen",
        "llm-deep-dive",
        "ml-deep-dive",
        "system-design",
        "behavioural",
        "hiring-manager",
    ]
    assert all(line.endswith("(bundled)") for line in lines)


def test_loading_banks_imports_no_ui_or_numpy():
    code = (
        "import sys; import mockint.scenario.bank_load, mockint.scenario.bank_commands;"
        "mockint.scenario.bank_load.discover_banks();"
        "heavy = ('textual', 'rich', 'numpy', 'torch');"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in heavy))"
    )
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert res.returncode == 0, res.stderr
    assert res.stdout.strip() == "[]"


# --- example STAR stories -------------------------------------------------------------------

MAIN_COMPETENCIES = {
    "conflict": "disagreement-with-peer",
    "ambiguity": "ambiguous-project",
    "failure": "project-failure",
    "leadership": "lead-without-authority",
    "influence": "persuade-stakeholder",
    "tight-deadline": "tight-deadline",
    "ownership": "owned-beyond-role",
    "feedback": "hard-feedback",
    "prioritisation": "competing-priorities",
}


def test_example_stories_load_one_per_main_competency_and_pass_the_star_checks():
    from mockint.scenario.bank_stories import STORY_PARTS, load_examples
    from mockint.scoring.star import analyse

    stories = load_examples()
    assert len(stories) >= 8
    firsts = [s.competencies[0] for s in stories]
    assert set(MAIN_COMPETENCIES) <= set(firsts)
    for s in stories:
        checks = analyse(s.fields).checks()
        assert all(checks.values()), (s.id, checks)
        for p in STORY_PARTS:
            assert s.parts[p].text and len(s.parts[p].note.split()) >= 5, (s.id, p)


def test_each_example_story_covers_the_question_of_its_competency():
    from mockint.scenario.bank_stories import load_examples
    from mockint.scoring.answer_text import scored_text
    from mockint.scoring.coverage import cover_question

    bank = bundled()["behavioural"]
    for s in load_examples():
        q = bank.question(MAIN_COMPETENCIES[s.competencies[0]])
        cov = cover_question(scored_text("behavioural", s.fields), q)
        assert not cov.missed and not cov.contradicted, (s.id, [p.id for p in cov.missed])


def test_a_broken_example_file_is_one_line(tmp_path):
    from mockint.scenario.bank_stories import load_examples

    path = tmp_path / "stories.toml"
    parts = "".join(f'[stories.{p}]\ntext = "t"\nnote = "n"\n' for p in ("situation", "task"))
    path.write_text('[[stories]]\nid = "x"\ntitle = "T"\ncompetencies = ["conflict"]\n' + parts)
    with pytest.raises(ScenarioError) as err:
        load_examples(path)
    assert str(err.value) == f"{path}:1: stories[0]: missing required key 'action'"
    path.write_text('[[stories]]\nid = "x"\ntitle = "T"\ncompetencies = []\n')
    with pytest.raises(ScenarioError) as err:
        load_examples(path)
    assert "missing required key" in str(err.value) and "\n" not in str(err.value)


@pytest.mark.parametrize(
    "extra, says",
    [
        ('synonyms = [["token"]]', "synonyms: entry 0 must be two or more single words"),
        ('synonyms = [["a", "b"], ["b", "c"]]', "synonyms: entry 1: 'b' is already in a group"),
        ('[inverse]\nx = ["nope"]', "inverse.x: 'nope' is not a wording of 'x'"),
    ],
)
def test_a_bad_synonym_group_or_inverse_wording_is_one_line(tmp_path, extra, says):
    from mockint.scenario.lexicon import parse_lexicon

    base = '[relations.up]\nwords = ["up"]\nopposite = "down"\n'
    base += '[relations.down]\nwords = ["down"]\nopposite = "up"\n[concepts]\nx = ["yes"]\n'
    text = (extra + "\n" + base) if extra.startswith("synonyms") else (base + extra + "\n")
    path = tmp_path / "lexicon.toml"
    with pytest.raises(ScenarioError) as err:
        parse_lexicon(text, path)
    assert says in str(err.value) and "\n" not in str(err.value)


def test_a_mistake_text_with_several_claims_is_listed_once():
    """Two checked tables with one text are one mistake to the reader (FORMAT.md)."""
    from mockint.scenario.bank_load import bank_for_kind

    q = next(q for q in bank_for_kind("phone_screen").questions if q.id == "overfitting")
    text = "Offering training longer, a bigger model or weaker regularisation as a fix for overfitting."
    assert q.mistakes.count(text) == 1
    assert sum(m.text == text for m in q.checks) == 3
