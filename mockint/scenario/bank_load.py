"""Load question banks from TOML, validate them, and find them (bundled and the user's).

A bank file holds the questions for one stage kind; the schema is in the docstring of
`parse_bank`. Errors are ScenarioError, one line `FILE[:LINE]: field: what is wrong`.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from mockint.kinds import STAGE_KINDS as STAGE_KINDS_INFO
from mockint.paths import bundled_dir, user_data_dir
from mockint.scenario.bank import FOLLOW_UP_KINDS, Bank, Claim, FollowUp, KeyPoint, Question
from mockint.scenario.bank_claims import parse_claims, parse_contrasts, parse_mistakes
from mockint.scenario.bank_terms import (
    CONTRADICTION_GAP,
    contradiction_parts,
    is_generic,
    unknown_placeholders,
)
from mockint.scenario.check import ID, Checker, Where, parse_toml, read_text, reflow
from mockint.scenario.errors import ScenarioError
from mockint.scenario.lexicon import Lexicon, concept_table, load_lexicon, merge_concepts
from mockint.scenario.lines import find_line
from mockint.scenario.model import Scenario, Stage

# The phases of the system design stage (ids as in the bundled loop); design key point ids
# start with one of them so the screen can group coverage by phase.
DESIGN_PHASES = ("requirements", "capacity", "high-level", "deep-dive", "trade-offs")
BANK_KINDS = tuple(k.value for k, info in STAGE_KINDS_INFO.items() if info.uses_bank)

_TOP_REQUIRED = {"id", "kind", "title", "questions"}
_TOP_OPTIONAL = {"questions_to_ask", "concepts"}
_Q_REQUIRED = {"id", "prompt", "minutes", "key_points"}
_Q_OPTIONAL = {
    "topic",
    "terminology",
    "look_for",
    "mistakes",
    "follow_ups",
    "competencies",
    "components",
    "area",
    "outline",
    "contrasts",
}


def load_bank(path: Path | str, lexicon: Lexicon | None = None) -> Bank:
    path = Path(path)
    text = read_text(path)
    lex = lexicon or load_lexicon()
    # Parsing is most of a session's start: every stage reads every bank. The same text
    # with the same lexicon gives the same Bank (immutable), so one parse per text is kept.
    key = (str(path), text, id(lex))
    hit = _PARSED.get(key)
    if hit is not None and hit[0] is lex:
        return hit[1]
    bank = parse_bank(text, path, lex)
    if len(_PARSED) >= _PARSED_MAX:
        _PARSED.pop(next(iter(_PARSED)))
    _PARSED[key] = (lex, bank)
    return bank


_PARSED: dict[tuple[str, str, int], tuple[Lexicon, Bank]] = {}
_PARSED_MAX = 32


def parse_bank(text: str, path: Path, lexicon: Lexicon | None = None) -> Bank:
    """Parse one bank file:

    id = "ml-deep-dive"              # lower-case id; a user file with the same id wins
    kind = "ml_deep_dive"            # a stage kind other than coding
    title = "ML deep dive"
    questions_to_ask = ["..."]       # optional (hiring manager)
    [concepts]                       # optional: name = [wordings], added to the lexicon's

    [[questions]]
    id, prompt, minutes              # required; minutes is the question's time budget
    topic, terminology, look_for, mistakes, competencies, components   # optional
    area                             # optional: mix area id or stage kind to score toward
    outline                          # optional: a model answer (paragraphs, "- " bullets)
    contrasts = [["l1", "l2"]]       # optional: concepts set against each other
    mistakes                         # strings, or tables {text, claim, point} (checked)

    [[questions.key_points]]         # at least one; id, text, claims and probe
                                     # (or, in older banks, terms and contradictions)
    [[questions.follow_ups]]         # optional; at_minute, text, kind

    Claims, contrasts and concepts are described in scenarios/banks/FORMAT.md.
    """
    c = Checker(path, text)
    top = c.table(parse_toml(text, path), (), _TOP_REQUIRED, _TOP_OPTIONAL)
    lex = lexicon or load_lexicon()
    own = concept_table(c, top["concepts"], ("concepts",)) if "concepts" in top else {}
    concepts = merge_concepts(lex, own)
    bank_id = c.string(top, "id", (), ID)
    kind = c.string(top, "kind", ())
    if kind == "coding":
        raise c.fail(("kind",), "coding stages use problems, not a question bank")
    if kind not in BANK_KINDS:
        raise c.fail(("kind",), f"unknown stage kind '{kind}' (known: {', '.join(BANK_KINDS)})")
    title = c.string(top, "title", ())
    to_ask = c.strings(top, "questions_to_ask", ())

    raw = c.array(top, "questions", ())
    if not raw:
        raise c.fail(("questions",), "must list at least one question")
    questions: list[Question] = []
    seen: set[str] = set()
    for i, item in enumerate(raw):
        q = _question(c, item, ("questions", i), kind, concepts, lex)
        if q.id in seen:
            raise c.fail(("questions", i, "id"), f"duplicate question id '{q.id}'")
        seen.add(q.id)
        questions.append(q)
    return Bank(bank_id, kind, title, tuple(questions), to_ask, path)


def _question(
    c: Checker,
    raw: object,
    where: Where,
    kind: str,
    concepts: dict[str, tuple[str, ...]],
    lex: Lexicon,
) -> Question:
    q = c.table(raw, where, _Q_REQUIRED, _Q_OPTIONAL)
    qid = c.string(q, "id", where, ID)
    prompt = reflow(c.string(q, "prompt", where))
    minutes = c.number(q, "minutes", where)
    topic = c.string(q, "topic", where, ID) if "topic" in q else ""
    area = c.string(q, "area", where, ID) if "area" in q else ""
    outline = reflow_outline(c.string(q, "outline", where)) if "outline" in q else ""
    competencies = c.strings(q, "competencies", where, ID)
    if kind == "behavioural" and not competencies:
        raise c.fail(where, "a behavioural question needs at least one entry in 'competencies'")

    raw_points = c.array(q, "key_points", where)
    if not raw_points:
        raise c.fail(where + ("key_points",), "must list at least one key point")
    points: list[KeyPoint] = []
    for j, item in enumerate(raw_points):
        kw = where + ("key_points", j)
        kp = _key_point(c, item, kw, kind, concepts, lex)
        if any(p.id == kp.id for p in points):
            raise c.fail(kw + ("id",), f"duplicate key point id '{kp.id}'")
        points.append(kp)

    follow_ups: list[FollowUp] = []
    for j, item in enumerate(c.array(q, "follow_ups", where) if "follow_ups" in q else []):
        follow_ups.append(_follow_up(c, item, where + ("follow_ups", j), minutes))
    follow_ups.sort(key=lambda f: f.at_minute)  # the order they interrupt in

    contrasts = parse_contrasts(c, q, where, concepts) + lex.contrasts
    checks = parse_mistakes(c, q, where, {p.id for p in points}, concepts, lex)
    claims = [cl for p in points for cl in p.claims] + [m.claim for m in checks if m.claim]
    own = {m.claim.text for m in checks if m.claim}
    universal = tuple(m for m in lex.mistakes if m.claim and m.claim.text not in own)
    claims += [m.claim for m in universal if m.claim]
    used = {n for cl in claims for n in (*cl.subject, *cl.property)}
    used |= {n for g in contrasts for n in g}
    return Question(
        id=qid,
        prompt=prompt,
        minutes=minutes,
        key_points=tuple(points),
        terminology=c.strings(q, "terminology", where),
        look_for=c.strings(q, "look_for", where),
        # One text for several claims is one mistake to the reader: listed once.
        mistakes=tuple(dict.fromkeys(m.text for m in checks)),
        follow_ups=tuple(follow_ups),
        topic=topic,
        competencies=competencies,
        components=c.strings(q, "components", where),
        area=area,
        outline=outline,
        contrasts=contrasts,
        checks=checks + universal,
        concepts={n: concepts[n] for n in sorted(used)},
    )


def _key_point(
    c: Checker,
    raw: object,
    where: Where,
    kind: str,
    concepts: dict[str, tuple[str, ...]],
    lex: Lexicon,
) -> KeyPoint:
    kp = c.table(raw, where, {"id", "text"}, {"terms", "contradictions", "claims", "probe"})
    kid = c.string(kp, "id", where, ID)
    if kind == "system_design" and design_phase(kid) is None:
        raise c.fail(
            where + ("id",),
            f"'{kid}' must start with a design phase and '-' ({', '.join(DESIGN_PHASES)})",
        )
    text = reflow(c.string(kp, "text", where))
    probe = reflow(c.string(kp, "probe", where)) if "probe" in kp else ""
    if "claims" in kp:
        for legacy in ("terms", "contradictions"):
            if legacy in kp:
                raise c.fail(
                    where + (legacy,), "not used with 'claims' (write the wordings as concepts)"
                )
        if not probe:
            raise c.fail(where, "missing required key 'probe' (the follow-up when it is missed)")
        claims: tuple[Claim, ...] = parse_claims(c, kp, where, concepts, lex)
        return KeyPoint(kid, text, claims=claims, probe=probe)
    if "terms" not in kp:
        raise c.fail(where, "missing required key 'claims'")
    terms = c.strings(kp, "terms", where)
    if not terms:
        raise c.fail(where + ("terms",), "must list at least one term")
    lowered = [t.lower() for t in terms]
    for k, t in enumerate(lowered):
        if t in lowered[:k]:
            raise c.fail(where + ("terms",), f"duplicate term '{terms[k]}'")
        bad = unknown_placeholders(t)
        if bad:
            raise c.fail(where + ("terms",), f"unknown placeholder '{{{bad[0]}}}' in '{terms[k]}'")
    if all(is_generic(t) for t in terms):
        raise c.fail(
            where + ("terms",),
            "needs at least one specific term: generic words alone "
            f"({', '.join(terms[:4])}) never cover a key point",
        )
    contradictions = c.strings(kp, "contradictions", where)
    for st in contradictions:
        if not all(contradiction_parts(st)) or unknown_placeholders(st):
            raise c.fail(
                where + ("contradictions",),
                f"'{st}' must be phrases joined by '{CONTRADICTION_GAP}', none empty",
            )
    return KeyPoint(kid, text, terms, contradictions, probe=probe)


def _follow_up(c: Checker, raw: object, where: Where, budget: float) -> FollowUp:
    fu = c.table(raw, where, {"at_minute", "text"}, {"kind"})
    at = c.number(fu, "at_minute", where)
    if at > budget:
        raise c.fail(
            where + ("at_minute",), f"minute {at:g} is beyond the question's budget of {budget:g}"
        )
    kind = c.string(fu, "kind", where) if "kind" in fu else "follow_up"
    if kind not in FOLLOW_UP_KINDS:
        raise c.fail(
            where + ("kind",),
            f"unknown follow-up kind '{kind}' (known: {', '.join(FOLLOW_UP_KINDS)})",
        )
    return FollowUp(at, reflow(c.string(fu, "text", where)), kind)


def reflow_outline(text: str) -> str:
    """Join hard-wrapped lines of an outline, keeping paragraphs and "- " or "1. " items."""
    out: list[str] = []
    for para in re.split(r"\n\s*\n", text.strip()):
        lines: list[str] = []
        for line in para.splitlines():
            line = line.strip()
            if lines and not _ITEM.match(line):
                lines[-1] += " " + line
            else:
                lines.append(line)
        out.append("\n".join(" ".join(x.split()) for x in lines))
    return "\n\n".join(out)


_ITEM = re.compile(r"^(?:[-*]|\d+[.)])\s")


def design_phase(key_point_id: str) -> str | None:
    """The design phase a system design key point belongs to, from its id prefix."""
    for phase in DESIGN_PHASES:
        if key_point_id.startswith(phase + "-") and len(key_point_id) > len(phase) + 1:
            return phase
    return None


def bank_dirs() -> list[Path]:
    """Bundled first, then the user's (`banks/` beside their `scenarios/`): later ids win."""
    return [bundled_dir("scenarios") / "banks", user_data_dir() / "banks"]


def discover_banks() -> tuple[list[Bank], list[ScenarioError]]:
    """Every loadable bank (sorted by kind order, then id) and the errors of those that are not."""
    found: dict[str, Bank] = {}
    errors: list[ScenarioError] = []
    for folder in bank_dirs():
        if not folder.is_dir():
            continue
        here: dict[str, Path] = {}
        for path in sorted(folder.glob("*.toml")):
            try:
                bank = load_bank(path)
            except ScenarioError as exc:
                errors.append(exc)
                continue
            if bank.id in here:
                line = find_line(read_text(path), ("id",))
                msg = f"duplicate bank id '{bank.id}' (also in {here[bank.id]})"
                errors.append(ScenarioError(path, "id", msg, line))
                continue
            here[bank.id] = path
            found[bank.id] = bank
    ordered = sorted(found.values(), key=lambda b: (BANK_KINDS.index(b.kind), b.id))
    return ordered, errors


def banks_for_kind(kind: str) -> list[Bank]:
    return [b for b in discover_banks()[0] if b.kind == kind]


def bank_for_kind(kind: str) -> Bank | None:
    """Every question of this kind, for looking questions up by id (reports, reviews, a
    resumed stage): the kind's own bank (the one whose id is the kind with '-', e.g.
    `phone-screen`, else the first by id) followed by the questions of the kind's other
    banks, so a loop that asks from `llm-deep-dive` is reviewed like one that asks from
    `ml-deep-dive`. None when there is no bank of this kind."""
    banks = banks_for_kind(kind)
    if not banks:
        return None
    own = next((b for b in banks if b.id == kind.replace("_", "-")), banks[0])
    others = [q for b in banks if b is not own for q in b.questions]
    if not others:
        return own
    return replace(own, questions=own.questions + tuple(others))


def bank_for_stage(stage: Stage) -> Bank | None:
    """The questions a talking stage asks from: its `bank` (else the kind's own bank),
    narrowed to its `topics` when it names some. Raises ScenarioError when the named bank is
    missing or of another kind, or when no question has those topics."""
    banks = banks_for_kind(stage.kind)
    if stage.bank is None:
        bank = next((b for b in banks if b.id == stage.kind.replace("_", "-")), None)
        bank = bank or (banks[0] if banks else None)
    else:
        bank = next((b for b in discover_banks()[0] if b.id == stage.bank), None)
        if bank is None:
            raise ScenarioError(
                f"stage {stage.id}", "bank", f"no question bank with id '{stage.bank}'"
            )
        if bank.kind != stage.kind:
            raise ScenarioError(
                f"stage {stage.id}",
                "bank",
                f"bank '{bank.id}' is for {bank.kind} stages, not {stage.kind}",
            )
    if bank is None or not stage.topics:
        return bank
    wanted = {t.lower() for t in stage.topics}
    chosen = tuple(q for q in bank.questions if q.topic.lower() in wanted)
    if not chosen:
        raise ScenarioError(
            f"stage {stage.id}",
            "topics",
            f"no question of bank '{bank.id}' has the topics {', '.join(stage.topics)}",
        )
    return replace(bank, questions=chosen)


def check_stage_banks(scenario: Scenario) -> None:
    """Every talking stage of the scenario finds questions to ask; the first that does not
    raises ScenarioError naming the scenario file and the stage's field."""
    for i, stage in enumerate(scenario.stages):
        if not STAGE_KINDS_INFO[stage.kind].uses_bank:
            continue
        try:
            bank = bank_for_stage(stage)
        except ScenarioError as exc:
            raise ScenarioError(
                scenario.path or scenario.id, f"stages[{i}].{exc.field}", exc.message
            ) from None
        if bank is None or not bank.questions:
            raise ScenarioError(
                scenario.path or scenario.id, f"stages[{i}]", f"no question bank for {stage.kind}"
            )
