"""The stage-kind and verdict registries: every entry is complete and resolves."""

from __future__ import annotations

import inspect

import pytest

from mockint.kinds import (
    STAGE_KINDS,
    VERDICTS,
    StageKind,
    Verdict,
    kind_info,
    resolve,
    verdict_info,
)
from mockint.scenario.model import STAGE_KINDS as SCENARIO_KINDS


@pytest.mark.parametrize("kind", list(StageKind))
def test_every_stage_kind_has_a_screen_and_a_scorer(kind):
    info = STAGE_KINDS[kind]
    screen = resolve(info.screen)
    assert inspect.isclass(screen) and callable(screen.for_stage)
    assert info.screen.startswith("mockint.tui.screens.")
    scorer = resolve(info.scorer)
    assert callable(scorer) and info.scorer.startswith("mockint.scoring.")


def test_kinds_are_the_ones_scenarios_may_name():
    assert set(SCENARIO_KINDS) == {k.value for k in StageKind} == set(STAGE_KINDS)
    assert kind_info("coding") is STAGE_KINDS[StageKind.CODING]
    with pytest.raises(ValueError):
        kind_info("dance_off")


def test_every_verdict_has_words_a_symbol_and_a_style():
    assert set(VERDICTS) == set(Verdict)
    for v, info in VERDICTS.items():
        assert info.word and info.long and info.short and info.symbol and info.style, v
    assert verdict_info("accepted").symbol == "✓"
    assert verdict_info("time_limit").short == "TLE"
    odd = verdict_info("judge_on_fire")
    assert odd.word == "Judge on fire" and odd.symbol == "?"
    assert verdict_info(None).word == "Unknown"
