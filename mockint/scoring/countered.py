"""What others are said to believe and the speaker then rejects ("People sometimes say
trees are scale-invariant, but in practice ..."): the claim inside such a report is the
speaker's opposite. A right claim reported and rejected is said wrong; a wrong one (or a
mistake) reported and rejected is not the speaker's, so it faults nothing."""

from __future__ import annotations

from dataclasses import replace

from mockint.scoring.clauses import Text
from mockint.scoring.mentions import Finding
from mockint.scoring.warned import first_token, last_token

# Who is reported ("people say", "some would argue", "the textbook answer is") ...
_OTHERS = frozenset(
    ["people", "some", "many", "others", "folks", "everyone", "textbooks", "textbook", "common"]
)
# ... by these verbs (lemmas), within three words of them ...
_REPORTING = frozenset(["say", "claim", "think", "believe", "argue", "assume", "tell", "wisdom"])
# ... and rejected by "but" (or "however") followed closely by one of these.
_REJECTING = frozenset(
    [
        "practice",
        "actually",
        "really",
        "reality",
        "truth",
        "fact",
        "myth",
        "wrong",
        "not",
        "untrue",
        "false",
        "misleading",
        "oversimplification",
    ]
)


def countered(t: Text, sentence: int, spans: tuple[tuple[int, int], ...]) -> bool:
    """The words that decided a finding sit in a report of what others say, which a
    "but"/"however" later in the sentence rejects."""
    lo, hi = t.sentences[sentence]
    first, last = first_token(t, spans), last_token(t, spans)
    reported = any(
        t.lower[k] in _OTHERS and any(t.keys[j] in _REPORTING for j in range(k + 1, min(hi, k + 4)))
        for k in range(lo, first)
    )
    if not reported:
        return _rejected_next(t, sentence)
    for k in range(last + 1, hi):
        if t.lower[k] in ("but", "however"):
            after = range(k + 1, min(hi, k + 5))
            return any(t.lower[j] in _REJECTING or t.lower[j].endswith("n't") for j in after)
    return False


_REFUSALS = frozenset({"wouldn't", "don't", "won't", "wouldn\u2019t", "don\u2019t", "won\u2019t"})


def _rejected_next(t: Text, sentence: int) -> bool:
    """Others open the sentence as who does it ("Some people treat the judge's score as
    ground truth.") and the next sentence opens by refusing it ("I wouldn't: ...")."""
    lo, hi = t.sentences[sentence]
    if not any(t.lower[k] in _OTHERS | {"teams"} for k in range(lo, min(hi, lo + 2))):
        return False
    if sentence + 1 >= len(t.sentences):
        return False
    a, b = t.sentences[sentence + 1]
    return b - a > 1 and t.lower[a] in ("i", "we") and t.lower[a + 1] in _REFUSALS


def countered_flip(t: Text, found: list[Finding]) -> list[Finding]:
    """Findings as the speaker means them: a claim made inside a rejected report is said
    wrong; one said wrong there is dropped."""
    out = []
    for f in found:
        if not countered(t, f.sentence, f.spans):
            out.append(f)
        elif f.status == "made":
            out.append(replace(f, status="wrong", why="countered"))
    return out
