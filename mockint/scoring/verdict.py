"""What a judged answer is made of: the words found (`Match`), each key point's verdict
(`PointCoverage`) and the whole (`Coverage`). Shared by the term matcher
(`mockint.scoring.coverage`) and the claim matcher (`mockint.scoring.points`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Match:
    """One place in the answer where a term was found."""

    term: str  # the term as written in the bank
    text: str  # the answer's words, as typed
    start: int  # character span in the answer: answer[start:end] == text
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"term": self.term, "text": self.text, "start": self.start, "end": self.end}


# What a key point said wrong costs, in key points: a wrong point earns nothing and takes
# this much more off, so it always costs more than leaving the point out.
WRONG_COST = 0.5
# A mistake found that no key point owns (one of the lexicon's, such as tuning on the test
# set) costs this much, in key points.
MISTAKE_COST = 1.0
STATUSES = ("made", "missing", "wrong")


@dataclass(frozen=True)
class PointCoverage:
    """One key point judged. `status` is "made", "missing" or "wrong"; `evidence` the
    sentence that decided it (None when missing); `why` says how a wrong point was
    wrong ("swap", "negated", "direction", or "mistake: TEXT"). For claim-based key points
    (`mockint.scoring.points`) `matches` are the words of the deciding clause and
    `contradictions` holds the wrong sentence; for legacy term lists they are the terms
    and contradiction phrases found."""

    id: str
    text: str
    matches: tuple[Match, ...]  # specific terms, in the order listed, then by position
    supporting: tuple[Match, ...] = ()  # generic terms found: shown, never covering
    contradictions: tuple[Match, ...] = ()  # statements of the opposite found
    verdict: str = ""  # set by the claim matcher; "" = from terms (see `status`)
    evidence: str | None = None
    why: str = ""
    probe: str = ""

    @property
    def status(self) -> str:
        if self.verdict:
            return self.verdict
        if self.contradictions:
            return "wrong"
        return "made" if self.matches else "missing"

    @property
    def said(self) -> bool:
        """A specific term was found (whether or not a contradiction cancels it)."""
        return bool(self.matches)

    @property
    def contradicted(self) -> bool:
        return self.status == "wrong"

    @property
    def covered(self) -> bool:
        return self.status == "made"

    @property
    def terms(self) -> tuple[str, ...]:
        """The key point's terms that were found, each once."""
        return tuple(dict.fromkeys(m.term for m in self.matches))

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "text": self.text,
            "covered": self.covered,
            "terms": list(self.terms),
            "matches": [m.to_dict() for m in self.matches],
            "supporting": [m.to_dict() for m in self.supporting],
            "contradictions": [m.to_dict() for m in self.contradictions],
            "status": self.status,
            "evidence": self.evidence,
        }


@dataclass(frozen=True)
class MistakeFound:
    """A mistake made in the answer that belongs to no key point."""

    text: str  # the mistake as the bank or lexicon words it
    evidence: str  # the sentence that makes it

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "evidence": self.evidence}


@dataclass(frozen=True)
class Coverage:
    points: tuple[PointCoverage, ...]
    terminology: tuple[Match, ...] = ()  # the question's terminology found in the answer
    terminology_listed: tuple[str, ...] = ()
    errors: tuple[MistakeFound, ...] = ()  # mistakes no key point owns

    @property
    def covered(self) -> tuple[PointCoverage, ...]:
        return tuple(p for p in self.points if p.covered)

    @property
    def missed(self) -> tuple[PointCoverage, ...]:
        return tuple(p for p in self.points if not p.covered)

    @property
    def contradicted(self) -> tuple[PointCoverage, ...]:
        return tuple(p for p in self.points if p.contradicted)

    @property
    def share(self) -> float:
        """Key points made, less WRONG_COST for each said wrong and MISTAKE_COST for each
        other mistake made, over all key points, never below 0.0 (0.0 when there are
        none). An answer with a point said wrong or a mistake can never reach 1.0."""
        if not self.points:
            return 0.0
        credit = (
            len(self.covered)
            - WRONG_COST * len(self.contradicted)
            - MISTAKE_COST * len(self.errors)
        )
        return max(0.0, credit) / len(self.points)

    @property
    def follow_up(self) -> PointCoverage | None:
        """The point an interviewer probes next: the first said wrong in the bank's order,
        else the first missing; None when every point was made."""
        wrong = [p for p in self.points if p.status == "wrong"]
        missing = [p for p in self.points if p.status == "missing"]
        first = wrong or missing
        return first[0] if first else None

    @property
    def terminology_used(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(m.term for m in self.terminology))

    @property
    def terminology_unused(self) -> tuple[str, ...]:
        used = set(self.terminology_used)
        return tuple(t for t in self.terminology_listed if t not in used)

    def to_dict(self) -> dict[str, Any]:
        return {
            "share": self.share,
            "covered": len(self.covered),
            "total": len(self.points),
            "points": [p.to_dict() for p in self.points],
            "terminology_used": list(self.terminology_used),
            "terminology_unused": list(self.terminology_unused),
            "terminology_matches": [m.to_dict() for m in self.terminology],
            "errors": [e.to_dict() for e in self.errors],
        }
