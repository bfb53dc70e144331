"""Reading the claim parts of a bank: claims, contrasts and checkable mistakes (the claim
syntax itself is in `mockint.scenario.claim_syntax`). Errors are raised through the
Checker, as `file: field: what is wrong`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from mockint.scenario.bank import Claim, Mistake
from mockint.scenario.check import Checker, Where, reflow
from mockint.scenario.claim_syntax import by_speaker, parse_claim
from mockint.scenario.lexicon import Lexicon


def parse_claims(
    c: Checker, raw: dict[str, Any], where: Where, concepts: Mapping[str, Any], lex: Lexicon
) -> tuple[Claim, ...]:
    claims = c.strings(raw, "claims", where)
    if "claims" in raw and not claims:
        raise c.fail(where + ("claims",), "must list at least one claim")
    return tuple(parse_claim(c, t, where + ("claims",), concepts, lex.relations) for t in claims)


def parse_contrasts(
    c: Checker, raw: dict[str, Any], where: Where, concepts: Mapping[str, Any]
) -> tuple[tuple[str, ...], ...]:
    if "contrasts" not in raw:
        return ()
    out: list[tuple[str, ...]] = []
    for k, group in enumerate(c.array(raw, "contrasts", where)):
        w = where + ("contrasts",)
        if (
            not isinstance(group, list)
            or len(group) < 2
            or not all(isinstance(x, str) for x in group)
        ):
            raise c.fail(w, f"entry {k} must be an array of two or more concept names")
        for name in group:
            if name not in concepts:
                raise c.fail(w, f"entry {k}: unknown concept '{name}'")
        if len(set(group)) != len(group):
            raise c.fail(w, f"entry {k} names a concept twice")
        out.append(tuple(group))
    return tuple(out)


def parse_mistakes(
    c: Checker,
    raw: dict[str, Any],
    where: Where,
    point_ids: set[str],
    concepts: Mapping[str, Any],
    lex: Lexicon,
) -> tuple[Mistake, ...]:
    """`mistakes`: strings (shown only) or tables {text, claim, point} (checked)."""
    if "mistakes" not in raw:
        return ()
    out: list[Mistake] = []
    for k, item in enumerate(c.array(raw, "mistakes", where)):
        w = where + ("mistakes", k)
        if isinstance(item, str):
            if not item.strip():
                raise c.fail(where + ("mistakes",), f"entry {k} must not be empty")
            out.append(Mistake(reflow(item)))
            continue
        t = c.table(item, w, {"text"}, {"claim", "point", "by"})
        text = reflow(c.string(t, "text", w))
        if ("claim" in t) != ("point" in t):
            raise c.fail(w, "a checked mistake needs both 'claim' and 'point'")
        if "claim" not in t:
            out.append(Mistake(text))
            continue
        point = c.string(t, "point", w)
        if point not in point_ids:
            raise c.fail(w + ("point",), f"no key point '{point}' in this question")
        claim = parse_claim(c, c.string(t, "claim", w), w + ("claim",), concepts, lex.relations)
        out.append(Mistake(text, point, claim, by_speaker(c, t, w)))
    return tuple(out)
