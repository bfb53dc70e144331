"""Choosing a talking stage's questions: fill its time, vary topics, avoid recent repeats."""

from __future__ import annotations

import random
from dataclasses import dataclass


@dataclass(frozen=True)
class QuestionInfo:
    id: str
    minutes: float
    topic: str = ""


def choose_questions(
    questions: list[QuestionInfo], budget: float, recently_asked: set[str], rng: random.Random
) -> list[str]:
    """Ids that fit in `budget` minutes, in the bank's order (banks open with warm-ups).

    One question per topic first, then any that still fit; questions asked in recent sessions
    are used only when fresh ones run out. At least one question is always chosen.
    """
    if not questions:
        return []
    order = list(questions)
    rng.shuffle(order)
    order.sort(key=lambda q: q.id in recently_asked)  # stable: fresh ones first, still shuffled
    chosen: list[QuestionInfo] = []
    used = 0.0
    topics: set[str] = set()
    for first_pass in (True, False):
        for q in order:
            if q in chosen or used + q.minutes > budget + 1e-9:
                continue
            if first_pass and q.topic and q.topic in topics:
                continue
            chosen.append(q)
            used += q.minutes
            topics.add(q.topic)
    if not chosen:
        chosen = [min(order, key=lambda q: q.minutes)]
    position = {q.id: i for i, q in enumerate(questions)}
    return [q.id for q in sorted(chosen, key=lambda q: position[q.id])]
