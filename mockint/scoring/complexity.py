"""A candidate's stated complexity, compared with the reference's and with the judge's
measurement, in plain sentences for the advice panel and the report.

Claims are big-O expressions as people type them: `O(n log k)`, `O(n^2 d)`, `O(n*m)`,
`O(1)`, `n log n`, `O(V * k)`, `O(n²)`. They are parsed into a product of factors
(variables with powers, logarithms, square roots) and compared as such, so `O(n*m)` and
`O(m n)` are the same claim. Constants and words after the bracket (`per call`, `amortised`)
are ignored.

Against the measurement: the judge fits the log-log slope of time against the size `n` of
its sized cases (`measured_slope`) and knows the slope the problem's target means
(`target_slope`). A claim is compared with the target by its overall degree (every variable
counting like `n`, a log a little more than a constant), which is enough to say "you
claimed more" or "less"; the measurement then says which side the code is really on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# The judge's tolerance on a log-log slope (mockint.grading.advice.SLOPE_SLACK).
SLOPE_SLACK = 0.35
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_TOKEN = re.compile(
    r"(?P<log>log(?:_?\d+)?\s*\(?\s*(?P<logarg>[A-Za-z][A-Za-z0-9_]*)?\s*\)?)"
    r"|(?P<sqrt>sqrt\s*\(\s*(?P<sqrtarg>[A-Za-z][A-Za-z0-9_]*)\s*\))"
    r"|(?P<var>[A-Za-z][A-Za-z0-9_]*)\s*(?:(?:\^|\*\*)\s*(?P<pow>\d+(?:\.\d+)?))?"
    r"|(?P<num>\d+(?:\.\d+)?)"
)
_IGNORED = {
    "o",
    "per",
    "call",
    "op",
    "operation",
    "amortised",
    "amortized",
    "average",
    "worst",
    "case",
    "time",
    "space",
    "extra",
    "each",
    "and",
    "in",
    "total",
}


@dataclass(frozen=True)
class BigO:
    """A product of factors: variable -> power, and log terms."""

    powers: tuple[tuple[str, float], ...]
    logs: tuple[str, ...]
    text: str

    @property
    def degree(self) -> float:
        """Growth if every variable grew like n: powers summed, a log counting 0.1."""
        return sum(p for _, p in self.powers) + 0.1 * len(self.logs)

    def same_as(self, other: BigO) -> bool:
        return self.powers == other.powers and sorted(self.logs) == sorted(other.logs)

    def __str__(self) -> str:
        return self.text


def parse_big_o(text: str) -> BigO | None:
    """A claim as a product of factors; None when nothing recognisable was written."""
    raw = (text or "").strip()
    if not raw:
        return None
    s = re.sub(r"([⁰¹²³⁴⁵⁶⁷⁸⁹]+)", lambda x: "^" + x.group(1).translate(_SUPERSCRIPTS), raw)
    m = re.search(r"O\s*\((.*)\)", s, re.IGNORECASE | re.DOTALL)
    body = m.group(1) if m else s
    powers: dict[str, float] = {}
    logs: list[str] = []
    # A name joined to another by `*` is a size, whatever it is called: `batch * in * out`.
    sizes = {x.lower() for x in re.findall(r"([A-Za-z][A-Za-z0-9_]*)\s*(?=\*(?!\*))", body)} | {
        x.lower() for x in re.findall(r"(?<!\*)\*\s*([A-Za-z][A-Za-z0-9_]*)", body)
    }
    for tok in _TOKEN.finditer(body):
        if tok.group("log"):
            logs.append((tok.group("logarg") or "n").lower())
        elif tok.group("sqrt"):
            key = tok.group("sqrtarg").lower()
            powers[key] = powers.get(key, 0.0) + 0.5
        elif tok.group("var"):
            name = tok.group("var").lower()
            if name in _IGNORED and name not in sizes:
                continue
            if (
                m is None
                and name not in sizes
                and len(name) > 3
                and not name.endswith(("logn", "logk"))
            ):
                return None  # a word, not a size: "fast", "linear"
            if re.fullmatch(r"(n|m|k|d)log(n|m|k|d)", name):  # "nlogn" typed as one word
                powers[name[0]] = powers.get(name[0], 0.0) + 1
                logs.append(name[-1])
                continue
            powers[name] = powers.get(name, 0.0) + float(tok.group("pow") or 1)
    if not powers and not logs and not re.search(r"\d", body):
        return None
    return BigO(tuple(sorted((k, v) for k, v in powers.items() if v)), tuple(logs), raw)


def compare_claim(
    claim_time: str,
    claim_space: str,
    ref_time: str | None,
    ref_space: str | None,
    measured_slope: float | None = None,
    target_slope: float | None = None,
    reference_slope: float | None = None,
) -> list[str]:
    """Sentences comparing a claim with the reference complexity and the measurement."""
    out: list[str] = []
    t = parse_big_o(claim_time)
    if claim_time.strip() and t is None:
        out.append(f"Your time claim '{claim_time.strip()}' is not a big-O expression I can read.")
    ref = parse_big_o(ref_time or "")
    if t is not None and ref is not None:
        if t.same_as(ref):
            out.append(f"Time: you said {t}, the same as the reference solution.")
        else:
            side = "higher" if t.degree > ref.degree else "lower"
            out.append(f"Time: you said {t}; the reference solution is {ref} (yours is {side}).")
    if t is not None and measured_slope is not None and target_slope is not None:
        by_target = measured_slope <= target_slope + SLOPE_SLACK
        by_reference = (
            reference_slope is not None and measured_slope <= reference_slope + SLOPE_SLACK
        )
        fits_target = by_target or by_reference
        where = f"about n^{measured_slope:.1f} as n grows (the target means n^{target_slope:g})"
        # The rule, said where it decides: timings are noisy, so a slope counts as the
        # target's when it is at most SLOPE_SLACK above it (or above the reference's own).
        if by_target:
            why = f"at most {SLOPE_SLACK:g} above n^{target_slope:g}, the margin for timing noise"
        else:
            why = (
                f"at most {SLOPE_SLACK:g} above the reference solution's own measured "
                f"n^{reference_slope or 0:.1f}"
            )
        if ref is not None and t.same_as(ref):
            if fits_target:
                out.append(f"Measured: {where}: {why}, so your code matches your claim.")
            else:
                out.append(
                    f"Measured: {where}: slower than you claimed. Look for hidden work in a "
                    "loop: list.pop(0) or insert(0, ...), `in` on a list, slicing or copying, "
                    "sorting again on every step."
                )
        elif ref is not None:
            if fits_target and t.degree > ref.degree:
                out.append(
                    f"Measured: {where}: {why}, so your code is faster than your claim; "
                    "recheck the analysis (which loop did you count twice?)."
                )
            elif fits_target:
                out.append(
                    f"Measured: {where}: {why}, so the code is fine; it is the claim that is "
                    "too low: count every loop, including the ones inside library calls."
                )
            elif t.degree >= ref.degree:
                out.append(
                    f"Measured: {where}: your claim describes your code, but the target is "
                    f"{ref}: there is a faster approach."
                )
            else:
                out.append(f"Measured: {where}: slower than both your claim and the target {ref}.")
    s = parse_big_o(claim_space)
    if claim_space.strip() and s is None:
        out.append(
            f"Your space claim '{claim_space.strip()}' is not a big-O expression I can read."
        )
    rs = parse_big_o(ref_space or "")
    if s is not None and rs is not None:
        if s.same_as(rs):
            out.append(f"Space: you said {s}, the same as the reference solution.")
        else:
            side = "higher" if s.degree > rs.degree else "lower"
            out.append(f"Space: you said {s}; the reference solution uses {rs} (yours is {side}).")
    if not claim_time.strip() and not claim_space.strip():
        out.append("You did not state the complexity; interviewers expect it with every solution.")
    return out
