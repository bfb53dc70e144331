"""The scorer on the blind corpus (tests/scoring/corpus/, see its README): each question
not held out keeps the statuses pinned in corpus_pins.json (rewrite them with
`benchmarks/scoring.py --pin` after a deliberate change, and read the diff), and no strong
answer is faulted. Held-out questions are only measured by the benchmark, never pinned."""

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))

import scoring as bench  # noqa: E402

PINS = json.loads(bench.PINS.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def rows():
    return {r.question: r for r in bench.rows()}


def test_every_question_has_a_corpus_and_the_held_out_third_is_not_pinned(rows):
    held = bench.heldout_ids()
    assert len(rows) >= 52 and held <= set(rows)
    assert not held & set(PINS)
    assert set(PINS) == set(rows) - held


@pytest.mark.parametrize("question", sorted(PINS))
def test_pinned_statuses(rows, question):
    row = rows[question]
    got = {
        kind: bench.pin(a)
        for kind, a in (("strong", row.strong), ("wrong", row.wrong), ("plain", row.plain))
        if a is not None
    }
    assert got == PINS[question]


def test_no_strong_answer_is_faulted(rows):
    faulted = [q for q, r in rows.items() if q in PINS and bench.errors(r.strong)]
    assert faulted == []
