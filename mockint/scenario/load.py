"""Load a scenario from TOML and validate every field, failing with one clear line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mockint.kinds import StageKind
from mockint.scenario.check import ID as _ID
from mockint.scenario.check import Checker as _Checker
from mockint.scenario.check import Where as Path_
from mockint.scenario.check import kind_name as _kind
from mockint.scenario.check import parse_toml, read_text, reflow
from mockint.scenario.model import STAGE_KINDS, MixArea, Phase, ProblemPick, Scenario, Stage

__all__ = ["load_scenario", "parse_scenario", "reflow"]


def load_scenario(path: Path | str) -> Scenario:
    path = Path(path)
    return parse_scenario(read_text(path), path)


def parse_scenario(text: str, path: Path) -> Scenario:
    data = parse_toml(text, path)

    c = _Checker(path, text)
    top = c.table(
        data, (), {"id", "title", "stages", "mix"}, {"description", "difficulty", "preparation"}
    )
    sid = c.string(top, "id", (), _ID)
    title = c.string(top, "title", ())
    description = c.string(top, "description", ()) if "description" in top else ""
    difficulty = None
    if "difficulty" in top:
        difficulty = c.number(top, "difficulty", ())
        if not 1 <= difficulty <= 5:
            raise c.fail(("difficulty",), f"must be between 1 and 5, got {difficulty:g}")
    preparation = c.string(top, "preparation", ()) if "preparation" in top else ""

    raw_stages = c.array(top, "stages", ())
    if not raw_stages:
        raise c.fail(("stages",), "must list at least one stage")
    stages: list[Stage] = []
    seen: set[str] = set()
    for i, raw in enumerate(raw_stages):
        where: Path_ = ("stages", i)
        st = c.table(
            raw,
            where,
            {"id", "kind", "title", "minutes", "expect"},
            {"phases", "problems", "bank", "topics"},
        )
        stage_id = c.string(st, "id", where, _ID)
        if stage_id in seen:
            raise c.fail(where + ("id",), f"duplicate stage id '{stage_id}'")
        seen.add(stage_id)
        kind = c.string(st, "kind", where)
        if kind not in STAGE_KINDS:
            raise c.fail(
                where + ("kind",), f"unknown stage kind '{kind}' (known: {', '.join(STAGE_KINDS)})"
            )
        minutes = c.number(st, "minutes", where)
        phases = _phases(c, st, where, minutes) if "phases" in st else ()
        picks = _picks(c, st, where, kind) if "problems" in st else ()
        bank, topics = _bank_choice(c, st, where, kind)
        stages.append(
            Stage(
                id=stage_id,
                kind=StageKind(kind),
                title=c.string(st, "title", where),
                minutes=minutes,
                expect=reflow(c.string(st, "expect", where)),
                phases=phases,
                problems=picks,
                bank=bank,
                topics=topics,
            )
        )

    mix = _mix(c, top, seen)
    return Scenario(
        sid,
        title,
        reflow(description),
        tuple(stages),
        mix,
        path,
        difficulty=difficulty,
        preparation=preparation,
    )


def _phases(
    c: _Checker, st: dict[str, Any], where: Path_, stage_minutes: float
) -> tuple[Phase, ...]:
    raw_phases = c.array(st, "phases", where)
    phases: list[Phase] = []
    seen: set[str] = set()
    for j, raw in enumerate(raw_phases):
        pw = where + ("phases", j)
        ph = c.table(raw, pw, {"id", "title", "min_minutes", "max_minutes"}, set())
        pid = c.string(ph, "id", pw, _ID)
        if pid in seen:
            raise c.fail(pw + ("id",), f"duplicate phase id '{pid}'")
        seen.add(pid)
        lo = c.number(ph, "min_minutes", pw)
        hi = c.number(ph, "max_minutes", pw)
        if hi < lo:
            raise c.fail(pw + ("max_minutes",), f"{hi:g} is less than min_minutes {lo:g}")
        phases.append(Phase(pid, c.string(ph, "title", pw), lo, hi))
    low_total = sum(p.min_minutes for p in phases)
    if low_total > stage_minutes:
        raise c.fail(
            where + ("phases",),
            f"the phases need at least {low_total:g} minutes but the stage has {stage_minutes:g}",
        )
    return tuple(phases)


def _picks(c: _Checker, st: dict[str, Any], where: Path_, kind: str) -> tuple[ProblemPick, ...]:
    if kind != StageKind.CODING:
        raise c.fail(where + ("problems",), f"only a coding stage picks problems, not {kind}")
    picks: list[ProblemPick] = []
    for j, raw in enumerate(c.array(st, "problems", where)):
        pw = where + ("problems", j)
        pk = c.table(raw, pw, set(), {"slug", "topics", "difficulty"})
        slug = c.string(pk, "slug", pw, _ID) if "slug" in pk else None
        lists = {}
        for key in ("topics", "difficulty"):
            values = c.array(pk, key, pw) if key in pk else []
            for k, v in enumerate(values):
                if not isinstance(v, str) or not v.strip():
                    raise c.fail(pw + (key,), f"entry {k} must be a non-empty string")
            lists[key] = tuple(values)
        bad = [d for d in lists["difficulty"] if d not in ("easy", "medium", "hard")]
        if bad:
            raise c.fail(
                pw + ("difficulty",), f"unknown difficulty '{bad[0]}' (easy, medium, hard)"
            )
        picks.append(ProblemPick(slug, lists["topics"], lists["difficulty"]))
    return tuple(picks)


def _bank_choice(
    c: _Checker, st: dict[str, Any], where: Path_, kind: str
) -> tuple[str | None, tuple[str, ...]]:
    """`bank` and `topics` of a talking stage. Whether the bank exists and has that kind is
    checked when the stage's questions are picked (`scenarios validate` checks it too): the
    banks are not read here, so a bare start stays fast."""
    if kind == StageKind.CODING:
        for key in ("bank", "topics"):
            if key in st:
                raise c.fail(where + (key,), "a coding stage picks problems, not bank questions")
        return None, ()
    bank = c.string(st, "bank", where, _ID) if "bank" in st else None
    topics = c.array(st, "topics", where) if "topics" in st else []
    for k, v in enumerate(topics):
        if not isinstance(v, str) or not v.strip():
            raise c.fail(where + ("topics",), f"entry {k} must be a non-empty string")
    return bank, tuple(topics)


def _mix(c: _Checker, top: dict[str, Any], stage_ids: set[str]) -> tuple[MixArea, ...]:
    raw_mix = c.table(
        top["mix"], ("mix",), set(), set(top["mix"]) if isinstance(top["mix"], dict) else set()
    )
    if not raw_mix:
        raise c.fail(("mix",), "must name at least one assessment area")
    areas: list[MixArea] = []
    fed: dict[str, str] = {}
    for name, raw in raw_mix.items():
        where: Path_ = ("mix", name)
        if not _ID.match(name):
            raise c.fail(where, f"'{name}' is not a valid area name")
        area = c.table(raw, where, {"weight", "stages"}, set())
        weight = c.number(area, "weight", where, positive=False)
        feeds = c.array(area, "stages", where)
        for k, ref in enumerate(feeds):
            if not isinstance(ref, str):
                raise c.fail(
                    where + ("stages",), f"entry {k} must be a stage id string, got {_kind(ref)}"
                )
            if ref not in stage_ids:
                raise c.fail(where + ("stages",), f"unknown stage '{ref}'")
            if ref in fed:
                raise c.fail(where + ("stages",), f"stage '{ref}' already feeds '{fed[ref]}'")
            fed[ref] = name
        areas.append(MixArea(name, weight, tuple(feeds)))
    total = sum(a.weight for a in areas)
    if abs(total - 100) > 1e-9:
        raise c.fail(("mix",), f"weights must sum to 100, they sum to {total:g}")
    return tuple(areas)
