"""Choosing the coding round's problems: by topic and difficulty, varied, not recently solved."""

from __future__ import annotations

import random
from dataclasses import dataclass

from mockint.scenario.model import ProblemPick


@dataclass(frozen=True)
class Candidate:
    slug: str
    topics: tuple[str, ...]
    difficulty: str


class NoProblemError(ValueError):
    pass


def _matches(pick: ProblemPick, c: Candidate) -> bool:
    if pick.difficulty and c.difficulty not in pick.difficulty:
        return False
    if pick.topics:
        wanted = {t.lower() for t in pick.topics}
        return any(t.lower() in wanted for t in c.topics)
    return True


def choose(
    picks: tuple[ProblemPick, ...],
    candidates: list[Candidate],
    recently_solved: set[str],
    rng: random.Random,
) -> list[str]:
    """One slug per pick, all different. Recently solved problems are used only when nothing
    else matches; a pick with no match at all falls back to any unused problem."""
    by_slug = {c.slug: c for c in candidates}
    chosen: list[str] = []
    for pick in picks:
        if pick.slug:
            if pick.slug not in by_slug:
                raise NoProblemError(f"unknown problem '{pick.slug}'")
            chosen.append(pick.slug)
            continue
        unused = [c for c in candidates if c.slug not in chosen]
        for pool in (
            [c for c in unused if _matches(pick, c) and c.slug not in recently_solved],
            [c for c in unused if _matches(pick, c)],
            [c for c in unused if c.slug not in recently_solved],
            unused,
        ):
            if pool:
                chosen.append(rng.choice(sorted(pool, key=lambda c: c.slug)).slug)
                break
        else:
            raise NoProblemError("not enough problems for this coding stage")
    return chosen
