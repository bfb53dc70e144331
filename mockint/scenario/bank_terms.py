"""What a key point's terms may be: generic words, number patterns and contradictions.

A key point is covered by a *specific* term: a word or phrase that shows the point itself
("weight decay", "p99", "two-tower"). Generic words ("trade-off", "cost", "learning",
"improved", "data") can appear in any answer about anything, so they never cover a key
point on their own: they are shown as supporting words only. The bank loader rejects a key
point whose terms are all generic, so every point can be covered by something specific.

A term is generic when it is one generic word, give or take filler words ("cost", "the
trade-off", "want to", "my team"), or one of a few listed generic phrases. Other phrases
are specific even when made of common words: "learning curve", "success metric",
"data quality".

Number patterns: a term may hold placeholders, for answers whose evidence is a figure.

- `{n}` a number as people write it: `20k`, `20,000`, `1.5M`, `3 billion`, `a million`,
  `hundreds of thousands`.
- `{per-second}` `per second`, `a second`, `each second`, `/s`, `/sec`, `per sec`.
- `{per-day}` `per day`, `a day`, `each day`, `/day`, `daily`.
- `{percent}` `%`, `percent`, `per cent`, `pct`.

So `{n} requests {per-second}` matches "20k requests a second" and "20,000 requests/s".

Contradictions: statements that say the opposite of the key point. `...` between two
phrases means "the second follows the first in the same clause (no `.,;:!?` or
parenthesis between), at most eight words later, with no negation or contrast word and no
other claim about the point (one of its terms, a part of its contradictions) between
them, and no negation or reversed comparison ("never", "less", "opposite") in the three
words before it": `high bias ... overfit` matches "high bias means the model overfits"
but not "high bias does not mean overfitting", "high bias underfits, high variance
overfits" nor "high bias causes underfitting and high variance overfitting". Write them
narrowly: a wrong contradiction costs a candidate a point they earned.
"""

from __future__ import annotations

import re
from itertools import product

# Words that carry no evidence of any particular key point (base forms; inflections of
# them are generic too). Kept short on purpose: a word belongs here only if a buzzword
# answer to any question could contain it.
_GENERIC_WORDS_TEXT = """
    tradeoff cost costly expensive learn learning learnt compare comparison
    complexity complex simple simplicity data model result outcome improve improvement
    increase reduce impact problem product team grow growth small cheap fast faster better
    good best goal plan define decide decision change start stop build built project work
    want excited business customer user risk early late later value priority track step
    understand understood ask told tell inform agree share benefit help time people
    experience skill relevant fit bring contribute opportunity quality performance system
    process scale scalable important key approach solution strategy communicate
    communication collaborate collaboration stakeholder efficient efficiency optimize
    optimise accuracy metric analysis feature thing way issue success successful look
    """
GENERIC_WORDS = frozenset(_GENERIC_WORDS_TEXT.split())

# Phrases of two or more words that are still generic. Other phrases are specific: a
# phrase of generic words usually names something precise ("success metric").
GENERIC_PHRASES = frozenset({"trade off", "kind of work", "good result", "better result"})

# Words that never decide whether a term is generic: they are around everything.
_FILLER_WORDS_TEXT = """
    the a an of to in on for and or with my i we our is are be it this that at by as
    from very so its their them they you your me
    """
FILLER_WORDS = frozenset(_FILLER_WORDS_TEXT.split())

# Placeholders of number patterns and what each accepts (regular expressions, any case).
_SCALE = r"(?:hundred|thousand|million|billion|trillion)s?"
NUMBER = (
    r"(?:(?<![\w.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?<![\w.,])\d+(?:\.\d+)?)"
    r"(?:\s?(?:k|m|mm|mn|b|bn|" + _SCALE + r")(?![\w]))?"
    r"|(?<!\w)(?:a|one|two|three|four|five|six|seven|eight|nine|ten|a\s+few|several|"
    r"tens\s+of|hundreds\s+of|thousands\s+of)\s+" + _SCALE + r"(?!\w)"
    r"|(?<!\w)(?:tens|hundreds|thousands|millions|billions)\s+of(?!\w)"
    # A count said in words ("three bad days", "twenty minutes"): plain answers say them so.
    r"|(?<![\w-])(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
    r"thirty|forty|fifty|sixty|ninety)(?![\w-])"
)
PLACEHOLDERS = {
    "n": NUMBER,
    "per-second": r"(?:(?:per|a|an|each|every)\s+(?:second|sec)|/\s?(?:s|sec|second))(?!\w)",
    "per-day": r"(?:(?:per|a|an|each|every)\s+day|/\s?(?:day|d)|daily)(?!\w)",
    "percent": r"(?:%|percent|per\s?cent|pct)(?!\w)",
}
_PLACEHOLDER = re.compile(r"\{([a-z-]+)\}")
_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")
CONTRADICTION_GAP = "..."


def placeholders(term: str) -> list[str]:
    """The placeholder names a term uses, in order (`{n} qps` -> ["n"])."""
    return _PLACEHOLDER.findall(term)


def unknown_placeholders(term: str) -> list[str]:
    return [p for p in placeholders(term) if p not in PLACEHOLDERS]


def _bases(word: str) -> set[str]:
    w = word.casefold().replace("\u2019", "'").removesuffix("'s")
    out = {w}
    for suffix, repl in (
        ("ies", "y"),
        ("es", ""),
        ("s", ""),
        ("ed", ""),
        ("ed", "e"),
        ("d", ""),
        ("ing", ""),
        ("ing", "e"),
    ):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            out.add(w[: -len(suffix)] + repl)
    return out


def is_generic_word(word: str) -> bool:
    return bool(_bases(word) & GENERIC_WORDS)


def is_generic(term: str) -> bool:
    """True for a term that does not show any particular key point: one generic word
    (fillers aside: "the cost", "my team", "want to") or a listed generic phrase.
    Placeholders make a term specific."""
    if placeholders(term):
        return False
    words = [w.casefold() for w in _WORD.findall(term)]
    if any(" ".join(p) in GENERIC_PHRASES for p in product(*(sorted(_bases(w)) for w in words))):
        return True
    words = [w for w in words if w not in FILLER_WORDS]
    if len(words) > 1:
        return False
    return not words or is_generic_word(words[0])


def contradiction_parts(statement: str) -> list[str]:
    """`high bias ... overfit` -> ["high bias", "overfit"]; an empty part is an error."""
    return [p.strip() for p in statement.split(CONTRADICTION_GAP)]
