"""Words reduced to one comparable key: spelling unified, then lemmatised.

Why simplemma: it is kept (releases in 2026), pure Python with no dependencies, and ships
its own English dictionary inside the wheel, so it works offline and needs no download at
run time (unlike NLTK's WordNet or spaCy models). It is imported on the first call, never
at the app's start-up: the home screen and the stage screens load without it.

British and American spellings count as one word: both sides of every comparison (the
lexicon's wordings and the answer) go through `spell` before the lemmatiser, so
"regularisation"/"regularization", "modelling"/"modeling" and "behaviour"/"behavior" meet.
The rules only ever rewrite a word into one American spelling; a rewrite that makes a
non-word ("noise" -> "noize") is harmless because both sides get the same one.
"""

from __future__ import annotations

import re
from functools import lru_cache
from types import ModuleType

_simplemma: ModuleType | None = None

# British -> American, applied in this order to a lower-case word.
_SPELLING = (
    (re.compile(r"isation(s?)$"), r"ization\1"),
    (re.compile(r"is(e|es|ed|ing|er|ers)$"), r"iz\1"),
    (re.compile(r"ys(e|es|ed|ing)$"), r"yz\1"),  # analyse
    (re.compile(r"([bcdfghkmnprstv])tre(s?)$"), r"\1ter\2"),  # centre, metre
    (re.compile(r"ogue(s?)$"), r"og\1"),  # catalogue
    (re.compile(r"ence$"), "ense"),  # defence, licence
)
_OUR_WORDS = frozenset(
    [
        "behaviour",
        "colour",
        "favour",
        "labour",
        "neighbour",
        "honour",
        "flavour",
        "humour",
        "rumour",
        "endeavour",
        "harbour",
        "vapour",
    ]
)
_OUR = re.compile(r"^(" + "|".join(sorted(_OUR_WORDS)) + r")(s|ed|ing|al|ally)?$")


def spell(word: str) -> str:
    """`word` lower-cased in one (American) spelling."""
    w = word.casefold().replace("\u2019", "'")
    m = _OUR.match(w)
    if m:
        return m.group(1)[:-2] + "r" + (m.group(2) or "")
    if len(w) > 4:
        for rx, repl in _SPELLING:
            w2 = rx.sub(repl, w)
            if w2 != w:
                return w2
    return w


def _lemmatiser() -> ModuleType:
    global _simplemma
    if _simplemma is None:
        import simplemma  # kept off the start-up path on purpose

        _simplemma = simplemma
    return _simplemma


# The lemmatiser gives "modell" for "modelling" and "labell" for "labelled": a lemma ending
# in -ll whose single-l spelling lemmatises to the same word less one l is that word.
_DOUBLE_L = re.compile(r"ll(ed|ing)$")


# Words whose "'s" is "is" or "us", not a possessive ("it's", "let's").
_CONTRACTED_TEXT = "it that there here what who he she let where how when why"
_CONTRACTED = frozenset(_CONTRACTED_TEXT.split())


@lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    """The comparable key of one word as typed ("Regularising" -> "regularize"):
    lemmatised, then spelled the one way (`spell`)."""
    w = word.casefold().replace("\u2019", "'")
    if w.endswith("'s") and w[:-2].isalpha() and w[:-2] not in _CONTRACTED:
        w = w[:-2]  # a possessive names the thing: "the judge's scores"
    if not w.isalpha():  # "l1", "p99", "0": numbers and codes stay as they are
        return w
    lemmatize = _lemmatiser().lemmatize
    out: str = lemmatize(w, lang="en").casefold()
    if out.endswith("ll") and _DOUBLE_L.search(w):
        single: str = lemmatize(_DOUBLE_L.sub(r"l\1", w), lang="en").casefold()
        if single == out[:-1]:
            out = single
    # A plural the dictionary lacks ("LLMs", "GPUs", "logits") is left as typed: its
    # singular is the word less its s, on both sides (the lexicon's "gpus" too).
    plural = out == w and len(w) > 3 and w.endswith("s") and not w.endswith("ss")
    if plural and not _lemmatiser().is_known(w, lang="en"):
        out = w[:-1]
    if out.endswith("xe") and w.endswith(("xes", "xed")):
        out = out[:-1]  # the lemmatiser gives "fixe" for "fixes"/"fixed", "mixe" for "mixed"
    return spell(out)


@lru_cache(maxsize=8)
def synonym_keys(groups: tuple[tuple[str, ...], ...]) -> dict[str, str]:
    """The lexicon's synonym groups as lemma -> the lemma of the group's first word, so a
    wording and an answer that use different words of one group still meet."""
    return {lemma(w): lemma(g[0]) for g in groups for w in g[1:]}
