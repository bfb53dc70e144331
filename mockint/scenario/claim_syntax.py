"""The claim syntax, one line (scenarios/banks/FORMAT.md has examples):

    SUBJECT [DIRECTION] -> PROPERTY [DIRECTION]
    PROPERTY [DIRECTION]

SUBJECT and PROPERTY are concept names, alternatives joined by `|` ("bagging|random-forest");
DIRECTION is a relation name from the lexicon ("up", "down", "against", "before"). Every
name must be known. Errors are raised through the Checker, as `file: field: what is wrong`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from mockint.scenario.bank import Claim
from mockint.scenario.check import Checker, Where

ARROW = "->"


def _side(
    c: Checker,
    text: str,
    side: str,
    where: Where,
    concepts: Mapping[str, Any],
    relations: Mapping[str, Any],
) -> tuple[tuple[str, ...], str]:
    words = side.split()
    direction = ""
    if len(words) == 2:
        direction = words[1]
        if direction not in relations:
            known = ", ".join(sorted(relations))
            raise c.fail(where, f"'{text}': unknown direction '{direction}' (known: {known})")
    elif len(words) != 1:
        raise c.fail(
            where, f"'{text}': each side is CONCEPT or CONCEPT DIRECTION (got '{side.strip()}')"
        )
    names = tuple(words[0].split("|"))
    for name in names:
        if name not in concepts:
            raise c.fail(
                where,
                f"'{text}': unknown concept '{name}' (add it to the bank's [concepts] "
                "or to scenarios/lexicon/lexicon.toml)",
            )
    return names, direction


def parse_claim(
    c: Checker,
    text: str,
    where: Where,
    concepts: Mapping[str, Any],
    relations: Mapping[str, Any],
) -> Claim:
    text = " ".join(text.split())
    parts = text.split(ARROW)
    if len(parts) > 2 or not all(p.strip() for p in parts):
        raise c.fail(where, f"'{text}': write SUBJECT [DIRECTION] -> PROPERTY [DIRECTION]")
    prop, prop_dir = _side(c, text, parts[-1], where, concepts, relations)
    if len(parts) == 1:
        return Claim(text, prop, (), prop_dir)
    subj, subj_dir = _side(c, text, parts[0], where, concepts, relations)
    if set(subj) & set(prop):
        raise c.fail(where, f"'{text}': a concept cannot be both subject and property")
    return Claim(text, prop, subj, prop_dir, subj_dir)


def by_speaker(c: Checker, t: dict[str, Any], where: Where) -> bool:
    """A mistake's `by = "speaker"`: made only when the speaker is the one doing it (acting
    without telling anyone is a flag in "I didn't tell them", not in "they didn't tell us")."""
    if "by" not in t:
        return False
    if c.string(t, "by", where) != "speaker":
        raise c.fail(where + ("by",), 'must be "speaker" (the only value)')
    return True
