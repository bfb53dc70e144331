"""Stated complexity: parsing big-O as people type it, and the comparison sentences."""

import pytest

from mockint.scoring.complexity import compare_claim, parse_big_o


@pytest.mark.parametrize(
    "a, b",
    [
        ("O(n*m)", "O(m n)"),
        ("O(n^2)", "O(n²)"),
        ("O(n**2 d)", "O(d n^2)"),
        ("O(n log n)", "O(nlogn)"),
        ("O(n log k)", "n log(k)"),
        ("O(1) per call", "O(1)"),
        ("O(V * k * L)", "O(L k V)"),
    ],
)
def test_the_same_claim_written_differently(a, b):
    assert parse_big_o(a).same_as(parse_big_o(b))


@pytest.mark.parametrize("a, b", [("O(n)", "O(n log n)"), ("O(n^2)", "O(n)"), ("O(1)", "O(k)")])
def test_different_claims(a, b):
    assert not parse_big_o(a).same_as(parse_big_o(b))
    assert parse_big_o(a).degree != parse_big_o(b).degree


def test_unreadable_or_empty():
    assert parse_big_o("") is None
    assert parse_big_o("fast") is None
    said = compare_claim("fast", "", "O(n)", None)
    assert said == ["Your time claim 'fast' is not a big-O expression I can read."]
    assert "did not state the complexity" in compare_claim("", "", "O(n)", "O(1)")[0]


def test_claim_matches_reference_and_measurement():
    said = compare_claim("O(n log k)", "O(k)", "O(n log k)", "O(k)", 1.05, 1.0, 1.02)
    assert said[0] == "Time: you said O(n log k), the same as the reference solution."
    assert "your code matches your claim" in said[1]
    assert said[2] == "Space: you said O(k), the same as the reference solution."


def test_right_claim_but_slow_code_is_explained():
    said = compare_claim("O(1) per call", "", "O(1) per call", None, 1.95, 1.0, 1.0)
    assert "slower than you claimed" in said[1] and "list.pop(0)" in said[1]


def test_claim_too_high_for_fine_code():
    said = compare_claim("O(n^2)", "", "O(n)", None, 1.0, 1.0, 1.0)
    assert "(yours is higher)" in said[0]
    assert "faster than your claim" in said[1]


def test_claim_too_low_for_slow_code():
    said = compare_claim("O(n)", "", "O(n)", None, 2.0, 1.0, 1.0)
    assert "slower than you claimed" in said[1]
    said = compare_claim("O(log n)", "", "O(n)", None, 2.0, 1.0, 1.0)
    assert "slower than both your claim and the target O(n)" in said[1]


def test_honest_claim_of_a_slow_approach():
    said = compare_claim("O(n^2)", "", "O(n)", None, 2.0, 1.0, 1.0)
    assert "your claim describes your code, but the target is O(n)" in said[1]


@pytest.mark.parametrize(
    "a, b",
    [("batch * in * out", "O(out * batch * in)"), ("out * in", "O(in * out)")],
)
def test_products_of_named_sizes(a, b):
    """Every name in a product counts, even one that is also an English word ("in")."""
    assert parse_big_o(a) is not None
    assert parse_big_o(a).same_as(parse_big_o(b))
    assert parse_big_o("batch * in * out").degree == 3


def test_a_match_says_by_which_rule():
    said = compare_claim("O(n)", "", "O(n)", None, 1.3, 1.0, None)
    assert said[1] == (
        "Measured: about n^1.3 as n grows (the target means n^1): at most 0.35 above n^1, "
        "the margin for timing noise, so your code matches your claim."
    )
    said = compare_claim("O(n)", "", "O(n)", None, 1.5, 1.0, 1.3)
    assert "at most 0.35 above the reference solution's own measured n^1.3" in said[1]
