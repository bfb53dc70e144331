"""STAR analysis of a behavioural answer: proportions, a number in the Result, "I" against
"we", time per part, and advice in plain words.

Cheap enough to run on every keystroke: one regex pass per field.

Decisions worth knowing:
- Shares are of the whole story, Reflection included, so they add up to 1.
- "I" counts only as the capital letter (a lone "i" is usually a loop variable in an ML
  story); "I'm", "I've", "I'd", "I'll", "me", "my", "mine", "myself" count too. "US" in
  capitals is the country, not "us".
- The "I" check looks at the Action only: Situation and Task naturally say "we", the
  Action is where an interviewer wants to hear what you did.
- "one" alone is not a number ("one of the reasons"); "two" and up, "zero", "half",
  "dozen", "twice", "doubled", "halved" and friends are.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from mockint.scoring.text import count_words

PARTS = ("situation", "task", "action", "result", "reflection")
TITLES = {p: p.capitalize() for p in PARTS}

# Thresholds for the checks, as shares of the whole story's words.
SITUATION_MAX_SHARE = 0.25
TASK_MAX_SHARE = 0.20
SETUP_MAX_TIME_SHARE = 0.35  # Situation + Task, of the time spent
MIN_WORDS_FOR_PROPORTIONS = 30  # below this the story is too short to judge its shape

_WRITTEN_NUMBERS = [
    "zero",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "million",
    "millions",
    "billion",
    "billions",
    "dozen",
    "dozens",
    "half",
    "halved",
    "halving",
    "doubled",
    "doubling",
    "tripled",
    "tripling",
    "quadrupled",
    "tenfold",
    "twofold",
    "threefold",
    "twice",
    "thrice",
    "percent",
]
_NUMBER = re.compile(
    r"[$€£¥]\s?\d|(?<![^\W_])\d|%|\b(?:" + "|".join(_WRITTEN_NUMBERS) + r")\b|\bper\s+cent\b",
    re.IGNORECASE,
)
# The whole number-ish phrase, for showing as evidence. Digits glued to a letter
# or digit ("p99", "F1", "v2") name things rather than count them.
_NUMBER_EVIDENCE = re.compile(
    r"(?:[$€£¥]\s?|(?<![^\W_]))\d[\d,.]*\s?(?:%|x|k|m|bn|ms|s)?(?![\w])|\b(?:"
    + "|".join(_WRITTEN_NUMBERS)
    + r")\b(?:\s+percent)?|\bper\s+cent\b",
    re.IGNORECASE,
)

_I_WORDS = re.compile(r"\bI(?:['\u2019](?:m|ve|d|ll))?\b")  # capital I only
_ME_WORDS = re.compile(r"\b(?:me|my|mine|myself)\b", re.IGNORECASE)
_WE_WORDS = re.compile(r"\b(?:we(?:['\u2019](?:re|ve|d|ll))?|our|ours|ourselves)\b", re.IGNORECASE)
_US = re.compile(r"\b(?:us|Us)\b")  # not "US"


def count_i(text: str) -> int:
    """First person singular: I, I'm, me, my, mine, myself."""
    return len(_I_WORDS.findall(text)) + len(_ME_WORDS.findall(text))


def count_we(text: str) -> int:
    """First person plural: we, we're, our, ours, us, ourselves."""
    return len(_WE_WORDS.findall(text)) + len(_US.findall(text))


def numbers_in(text: str) -> tuple[str, ...]:
    """The quantities a text states ("40%", "$2k", "three", "halved"); empty if none."""
    if not _NUMBER.search(text or ""):
        return ()
    found = tuple(m.group().strip().rstrip(".,") for m in _NUMBER_EVIDENCE.finditer(text))
    first = _NUMBER.search(text)
    return found or ((first.group(),) if first else ())


@dataclass(frozen=True)
class StarPart:
    name: str  # one of PARTS
    words: int
    share: float  # of all the story's words
    i_count: int
    we_count: int
    seconds: float | None = None
    time_share: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "words": self.words,
            "share": round(self.share, 4),
            "i": self.i_count,
            "we": self.we_count,
            "seconds": self.seconds,
            "time_share": None if self.time_share is None else round(self.time_share, 4),
        }


@dataclass(frozen=True)
class Advice:
    code: str  # stable, for tests and tools
    text: str  # for people

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class StarAnalysis:
    parts: tuple[StarPart, ...]
    result_numbers: tuple[str, ...]
    advice: tuple[Advice, ...]

    def part(self, name: str) -> StarPart:
        for p in self.parts:
            if p.name == name:
                return p
        raise KeyError(name)

    @property
    def total_words(self) -> int:
        return sum(p.words for p in self.parts)

    @property
    def shaped(self) -> bool:
        """Long enough for the proportion checks to mean something."""
        return self.total_words >= MIN_WORDS_FOR_PROPORTIONS

    @property
    def situation_short(self) -> bool:
        return self.part("situation").share <= SITUATION_MAX_SHARE

    @property
    def task_short(self) -> bool:
        return self.part("task").share <= TASK_MAX_SHARE

    @property
    def action_largest(self) -> bool:
        action = self.part("action").words
        return action > 0 and all(p.words < action for p in self.parts if p.name != "action")

    @property
    def result_has_number(self) -> bool:
        return bool(self.result_numbers)

    @property
    def says_i(self) -> bool:
        """The Action says "I" at least as often as "we" (and says one of them)."""
        a = self.part("action")
        return a.i_count > 0 and a.i_count >= a.we_count

    @property
    def has_reflection(self) -> bool:
        return self.part("reflection").words > 0

    @property
    def i_count(self) -> int:
        return sum(p.i_count for p in self.parts)

    @property
    def we_count(self) -> int:
        return sum(p.we_count for p in self.parts)

    def checks(self) -> dict[str, bool]:
        """The pass/fail checks the scorer counts, in a fixed order."""
        return {
            "situation_short": self.situation_short,
            "task_short": self.task_short,
            "action_largest": self.action_largest,
            "result_has_number": self.result_has_number,
            "says_i": self.says_i,
            "has_reflection": self.has_reflection,
        }

    @property
    def advice_lines(self) -> tuple[str, ...]:
        return tuple(a.text for a in self.advice)

    def to_dict(self) -> dict[str, Any]:
        return {
            "parts": [p.to_dict() for p in self.parts],
            "total_words": self.total_words,
            "checks": self.checks(),
            "result_numbers": list(self.result_numbers),
            "i": self.i_count,
            "we": self.we_count,
            "advice": [{"code": a.code, "text": a.text} for a in self.advice],
        }


def _pct(x: float) -> str:
    return f"{round(x * 100)}%"


def _clock(seconds: float) -> str:
    m, s = divmod(round(seconds), 60)
    return f"{m}:{s:02d}"


def analyse(fields: Mapping[str, str], seconds: Mapping[str, float] | None = None) -> StarAnalysis:
    """Analyse a STAR answer. `fields` and `seconds` are keyed by part name, any case;
    missing parts count as empty, unknown keys are ignored."""
    text = {p: "" for p in PARTS}
    for k, v in fields.items():
        if k.lower() in text:
            text[k.lower()] = v or ""
    secs: dict[str, float] = {}
    for k, sec in (seconds or {}).items():
        if k.lower() in text and sec is not None:
            if sec < 0:
                raise ValueError(f"seconds for {k} must not be negative")
            secs[k.lower()] = float(sec)

    words = {p: count_words(text[p]) for p in PARTS}
    total = sum(words.values())
    total_time = sum(secs.values())
    parts = tuple(
        StarPart(
            name=p,
            words=words[p],
            share=words[p] / total if total else 0.0,
            i_count=count_i(text[p]),
            we_count=count_we(text[p]),
            seconds=secs.get(p) if seconds is not None else None,
            time_share=(secs.get(p, 0.0) / total_time) if total_time else None,
        )
        for p in PARTS
    )
    draft = StarAnalysis(parts, numbers_in(text["result"]), ())
    return StarAnalysis(parts, draft.result_numbers, _advise(draft, total_time))


def _advise(a: StarAnalysis, total_time: float) -> tuple[Advice, ...]:
    out: list[Advice] = []

    def say(code: str, text: str) -> None:
        out.append(Advice(code, text))

    if a.total_words == 0:
        say("empty", "Start with one or two sentences of Situation, then say what you did.")
        return tuple(out)
    for name in ("situation", "task", "action", "result"):
        if a.part(name).words == 0:
            say(f"{name}_empty", f"The {TITLES[name]} is empty: every STAR part needs a line.")
    if a.shaped:
        s, t = a.part("situation"), a.part("task")
        if not a.situation_short:
            say(
                "situation_long",
                f"The Situation is {_pct(s.share)} of the story; keep it to about "
                f"{_pct(SITUATION_MAX_SHARE)} (two or three sentences of context).",
            )
        if not a.task_short:
            say(
                "task_long",
                f"The Task is {_pct(t.share)} of the story; state your goal in a sentence "
                f"or two (under {_pct(TASK_MAX_SHARE)}).",
            )
        if a.part("action").words and not a.action_largest:
            say(
                "action_small",
                "The Action should be the longest part: say step by step what you did and why.",
            )
    if a.part("result").words and not a.result_has_number:
        say(
            "result_no_number",
            'Give the Result a number: a percentage, time or money saved, a count, "halved".',
        )
    act = a.part("action")
    if act.words and act.we_count > act.i_count:
        say(
            "we_over_i",
            f'The Action says "we" {act.we_count} times and "I" {act.i_count}: '
            "say what you did yourself.",
        )
    elif act.words and act.i_count == 0:
        say("no_i", 'The Action never says "I": make your own part in it explicit.')
    if not a.has_reflection and a.part("result").words:
        say("no_reflection", "Add a Reflection: what you learned or would do differently.")
    if total_time > 0 and a.shaped:
        setup = sum(a.part(n).seconds or 0.0 for n in ("situation", "task"))
        if setup / total_time > SETUP_MAX_TIME_SHARE:
            say(
                "setup_slow",
                f"You spent {_clock(setup)} of {_clock(total_time)} on Situation and Task; "
                "get to the Action sooner.",
            )
    return tuple(out)
