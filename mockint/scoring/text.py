"""Words and their spans: the one tokeniser the scoring modules share."""

from __future__ import annotations

import re
from dataclasses import dataclass

# A word is a run of letters or digits, with inner apostrophes kept ("don't", "I'm").
_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")


@dataclass(frozen=True, slots=True)
class Token:
    text: str  # as typed
    start: int
    end: int

    @property
    def lower(self) -> str:
        return self.text.casefold().replace("\u2019", "'")


def tokenize(text: str) -> list[Token]:
    return [Token(m.group(), m.start(), m.end()) for m in _WORD.finditer(text or "")]


def count_words(text: str) -> int:
    return sum(1 for _ in _WORD.finditer(text or ""))
