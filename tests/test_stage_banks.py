"""A talking stage can name the bank and the topics it asks from, so two loops share banks."""

import random
from dataclasses import replace

import pytest

from mockint.kinds import StageKind
from mockint.scenario import bank_load
from mockint.scenario.bank_load import (
    bank_for_kind,
    bank_for_stage,
    check_stage_banks,
    discover_banks,
)
from mockint.scenario.errors import ScenarioError
from mockint.scenario.model import Stage
from mockint.scenario.serialize import scenario_from_dict, scenario_to_dict
from tests.conftest import run_cli


@pytest.fixture
def two_deep_dive_banks(monkeypatch):
    """The bundled banks plus a second ml_deep_dive bank (`extra-dive`) made of the first
    bank's questions renamed, half of them on the topic `extra`."""
    banks, errors = discover_banks()
    assert not errors
    own = next(b for b in banks if b.id == "ml-deep-dive")
    extra_qs = tuple(
        replace(q, id=f"x-{q.id}", topic="extra" if i % 2 else q.topic)
        for i, q in enumerate(own.questions)
    )
    extra = replace(own, id="extra-dive", questions=extra_qs)
    monkeypatch.setattr(bank_load, "discover_banks", lambda: ([*banks, extra], []))
    return own, extra


def _stage(**kw):
    base = dict(id="dive", kind=StageKind.ML_DEEP_DIVE, title="Dive", minutes=60, expect="")
    return Stage(**{**base, **kw})


def test_a_stage_asks_from_its_own_bank_and_topics(two_deep_dive_banks):
    own, extra = two_deep_dive_banks
    assert bank_for_stage(_stage()).questions == own.questions
    assert bank_for_stage(_stage(bank="extra-dive")).questions == extra.questions
    narrowed = bank_for_stage(_stage(bank="extra-dive", topics=("EXTRA",)))
    assert narrowed.questions and {q.topic for q in narrowed.questions} == {"extra"}


def test_lookups_by_kind_find_every_bank_of_that_kind(two_deep_dive_banks):
    own, extra = two_deep_dive_banks
    merged = bank_for_kind("ml_deep_dive")
    assert merged.id == own.id
    # the kind's own bank first, then every other bank of the kind (the bundled LLM deep
    # dive, then the extra one) in discovery order
    others = [
        q.id
        for b in bank_load.discover_banks()[0]
        if b.kind == "ml_deep_dive" and b.id != own.id
        for q in b.questions
    ]
    assert "extra-dive" in {b.id for b in bank_load.discover_banks()[0]}
    assert [q.id for q in merged.questions] == [q.id for q in own.questions] + others
    assert others[-len(extra.questions) :] == [q.id for q in extra.questions]
    assert merged.question("x-" + own.questions[0].id).prompt == own.questions[0].prompt


def test_picked_questions_come_from_the_stage_bank(two_deep_dive_banks, tmp_path):
    from mockint.recording import resolve_content
    from mockint.scenario.catalog import find_scenario
    from mockint.store.sessions import Store

    sc = find_scenario(None)
    sc = replace(
        sc,
        stages=tuple(
            replace(s, bank="extra-dive", topics=("extra",)) if s.id == "ml-deep-dive" else s
            for s in sc.stages
        ),
    )
    store = Store(tmp_path / "db.sqlite")
    picked = resolve_content(sc, store, rng=random.Random(3)).stage("ml-deep-dive")
    assert picked.questions and all(q.startswith("x-") for q in picked.questions)
    # The stage keeps its bank and topics through the copy stored with the session.
    again = scenario_from_dict(scenario_to_dict(replace(sc, path=None))).stage("ml-deep-dive")
    assert (again.bank, again.topics) == ("extra-dive", ("extra",))


@pytest.mark.parametrize(
    ("stage", "says"),
    [
        (_stage(bank="no-such-bank"), "bank: no question bank with id 'no-such-bank'"),
        (_stage(bank="phone-screen"), "bank 'phone-screen' is for phone_screen stages"),
        (_stage(topics=("nothing-here",)), "topics: no question of bank 'ml-deep-dive'"),
    ],
)
def test_a_bad_bank_choice_is_one_clear_line(stage, says):
    with pytest.raises(ScenarioError) as err:
        bank_for_stage(stage)
    assert says in str(err.value) and "\n" not in str(err.value)


def test_scenarios_validate_checks_the_banks_a_stage_names(tmp_path):
    text = (bank_load.bundled_dir("scenarios") / "aiml-engineer.toml").read_text()
    bad = tmp_path / "bad.toml"
    bad.write_text(
        text.replace('kind = "ml_deep_dive"\n', 'kind = "ml_deep_dive"\nbank = "nope"\n', 1)
    )
    out = run_cli("scenarios", "validate", str(bad))
    assert out.returncode == 2
    assert out.stderr.strip() == f"{bad}: stages[2].bank: no question bank with id 'nope'"


def test_a_coding_stage_cannot_name_a_bank(tmp_path):
    text = (bank_load.bundled_dir("scenarios") / "aiml-engineer.toml").read_text()
    bad = tmp_path / "bad.toml"
    bad.write_text(text.replace('kind = "coding"\n', 'kind = "coding"\nbank = "x"\n', 1))
    out = run_cli("scenarios", "validate", str(bad))
    assert out.returncode == 2
    assert out.stderr.strip().endswith(
        "stages[1].bank: a coding stage picks problems, not bank questions"
    )


def test_every_bundled_scenario_finds_its_questions():
    from mockint.scenario.catalog import discover

    found, errors = discover()
    assert not errors
    for sc in found:
        check_stage_banks(sc)
