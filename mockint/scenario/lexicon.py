"""The shared domain lexicon (scenarios/lexicon/lexicon.toml): concepts with their wordings, and
relations (directions) with their opposites. The format is described in
scenarios/banks/FORMAT.md; errors are ScenarioError, one line `FILE[:LINE]: field: what`.

`contrasts` are groups of concepts set against each other in every question (a question
adds its own); `[[mistakes]]` are mistakes that are wrong in any answer ("tune on the test set"): every
question checks them, as errors of the answer rather than of one key point.

A bank may add concepts of its own, or more wordings for a lexicon concept, in a
top-level `[concepts]` table; `merge_concepts` does that.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from mockint.paths import bundled_dir
from mockint.scenario.bank import Mistake
from mockint.scenario.bank_terms import unknown_placeholders
from mockint.scenario.check import ID, Checker, Where, parse_toml, read_text, reflow
from mockint.scenario.claim_syntax import by_speaker, parse_claim


@dataclass(frozen=True)
class Relation:
    name: str
    words: tuple[str, ...]
    opposite: str


@dataclass(frozen=True)
class Lexicon:
    concepts: Mapping[str, tuple[str, ...]]
    relations: Mapping[str, Relation]
    path: Path | None = None
    # Mistakes wrong in any answer (tuning on the test set): checked for every question.
    mistakes: tuple[Mistake, ...] = ()
    # Concepts set against each other in any question (test set / validation set).
    contrasts: tuple[tuple[str, ...], ...] = ()
    # Groups of single words said for one another ("token"/"word"): matched as one word.
    synonyms: tuple[tuple[str, ...], ...] = ()
    # Wordings of a concept that measure it the other way round ("training accuracy" for
    # training-error): a direction said of them counts inverted.
    inverse: Mapping[str, frozenset[str]] = field(default_factory=dict)


def lexicon_path() -> Path:
    return bundled_dir("scenarios") / "lexicon" / "lexicon.toml"


def wordings(c: Checker, raw: Any, where: Where) -> tuple[str, ...]:
    """A non-empty array of non-empty, distinct wordings."""
    if not isinstance(raw, list) or not raw:
        raise c.fail(where, "must be a non-empty array of wordings")
    out: list[str] = []
    for k, w in enumerate(raw):
        if not isinstance(w, str) or not w.strip():
            raise c.fail(where, f"entry {k} must be a non-empty string")
        w = " ".join(w.split())
        bad = unknown_placeholders(w)
        if bad:
            raise c.fail(where, f"unknown placeholder '{{{bad[0]}}}' in '{w}'")
        if w.casefold() in (x.casefold() for x in out):
            raise c.fail(where, f"duplicate wording '{w}'")
        out.append(w)
    return tuple(out)


def concept_table(c: Checker, raw: Any, where: Where) -> dict[str, tuple[str, ...]]:
    """A `[concepts]` table: id -> wordings."""
    if not isinstance(raw, dict):
        raise c.fail(where, "must be a table of concept = [wordings]")
    out: dict[str, tuple[str, ...]] = {}
    for name, value in raw.items():
        if not ID.match(name):
            raise c.fail(where + (name,), f"'{name}' is not a valid concept name")
        out[name] = wordings(c, value, where + (name,))
    return out


def parse_lexicon(text: str, path: Path) -> Lexicon:
    c = Checker(path, text)
    top = c.table(
        parse_toml(text, path),
        (),
        {"concepts", "relations"},
        {"mistakes", "contrasts", "synonyms", "inverse"},
    )
    concepts = concept_table(c, top["concepts"], ("concepts",))
    raw_rel = top["relations"]
    if not isinstance(raw_rel, dict):
        raise c.fail(("relations",), "must be a table of relation tables")
    relations: dict[str, Relation] = {}
    for name, value in raw_rel.items():
        where: Where = ("relations", name)
        if not ID.match(name):
            raise c.fail(where, f"'{name}' is not a valid relation name")
        t = c.table(value, where, {"words", "opposite"}, set())
        relations[name] = Relation(name, wordings(c, t["words"], where + ("words",)), "")
        relations[name] = Relation(name, relations[name].words, c.string(t, "opposite", where))
    for name, rel in relations.items():
        back = relations.get(rel.opposite)
        if back is None or back.opposite != name:
            raise c.fail(
                ("relations", name, "opposite"),
                f"'{rel.opposite}' must be a relation whose opposite is '{name}'",
            )
    mistakes: list[Mistake] = []
    for k, item in enumerate(c.array(top, "mistakes", ()) if "mistakes" in top else []):
        where = ("mistakes", k)
        t = c.table(item, where, {"text", "claim"}, {"by"})
        claim = parse_claim(c, c.string(t, "claim", where), where + ("claim",), concepts, relations)
        text = reflow(c.string(t, "text", where))
        mistakes.append(Mistake(text, "", claim, by_speaker(c, t, where)))
    contrasts: list[tuple[str, ...]] = []
    for k, group in enumerate(c.array(top, "contrasts", ()) if "contrasts" in top else []):
        if not isinstance(group, list) or len(group) < 2 or not all(g in concepts for g in group):
            raise c.fail(("contrasts",), f"entry {k} must name two or more known concepts")
        contrasts.append(tuple(group))
    synonyms = synonym_groups(c, top.get("synonyms", []))
    inverse = concept_table(c, top.get("inverse", {}), ("inverse",))
    for name, words in inverse.items():
        missing = [w for w in words if w not in concepts.get(name, ())]
        if missing:
            raise c.fail(("inverse", name), f"'{missing[0]}' is not a wording of '{name}'")
    return Lexicon(
        concepts,
        relations,
        path,
        tuple(mistakes),
        tuple(contrasts),
        synonyms,
        {n: frozenset(ws) for n, ws in inverse.items()},
    )


def synonym_groups(c: Checker, raw: Any) -> tuple[tuple[str, ...], ...]:
    """`synonyms`: groups of two or more single words, no word in two groups."""
    if not isinstance(raw, list):
        raise c.fail(("synonyms",), "must be an array of arrays of words")
    seen: set[str] = set()
    out = []
    for k, group in enumerate(raw):
        ok = isinstance(group, list) and len(group) >= 2
        ok = ok and all(isinstance(w, str) and w.isalpha() for w in group)
        if not ok:
            raise c.fail(("synonyms",), f"entry {k} must be two or more single words")
        again = [w for w in group if w.casefold() in seen]
        if again:
            raise c.fail(("synonyms",), f"entry {k}: '{again[0]}' is already in a group")
        seen.update(w.casefold() for w in group)
        out.append(tuple(w.casefold() for w in group))
    return tuple(out)


@cache
def load_lexicon(path: Path | None = None) -> Lexicon:
    """The lexicon at `path` (the bundled one by default), read once per process."""
    path = path or lexicon_path()
    return parse_lexicon(read_text(path), path)


def merge_concepts(
    lexicon: Lexicon, own: Mapping[str, tuple[str, ...]]
) -> dict[str, tuple[str, ...]]:
    """The lexicon's concepts with a bank's own: a shared name gets both sets of wordings."""
    out = dict(lexicon.concepts)
    for name, words in own.items():
        out[name] = tuple(dict.fromkeys((*out.get(name, ()), *words)))
    return out
