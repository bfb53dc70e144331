"""How well the scorer of talking answers tells right from wrong, on the blind corpus.

Scores every question's strong, wrong and plain answer in tests/scoring/corpus/ exactly as
`mockint assess` does, and prints per question (held-out questions only as part of their
totals), then as its last line:

    questions=N told_apart=F plain_credited=F heldout_told_apart=F heldout_plain_credited=F
        blind_told_apart=F blind_plain_credited=F

told apart: the wrong answer scores 30+ points below the strong one, or has an error (a
key point said wrong, or a mistake of the lexicon's made) while the strong one has none. plain credited: the plain answer scores 50+.
Also printed: the mean score of the strong answers (right answers must keep high scores).

Run: .venv/bin/python benchmarks/scoring.py
     .venv/bin/python benchmarks/scoring.py --pin   # rewrite tests/scoring/corpus_pins.json
     .venv/bin/python benchmarks/scoring.py --seen  # the seen questions only
     .venv/bin/python benchmarks/scoring.py --corpus DIR   # another folder of answers

The blind figures come from tests/scoring/blind_corpus/, a second set of answers to every
question that is held out as a whole: only its totals are printed.

`--pin` and `--seen` never read the held-out answers (their figures print as `-`): the
held-out and blind figures come from a full run only, so that they cannot steer the rules.

`--corpus DIR` scores DIR/<question-id>/{strong,wrong,plain}.txt the same way, every
question printed and none held out (the held-out figures print as `-`); a folder counts
once its `errors.txt` is written (answers written by several hands arrive one by one).

`--pin` records, for every question NOT held out, each answer's status per key point and
its mistakes: tests/scoring/test_corpus.py checks the scorer still gives exactly those.
Held-out questions are never pinned.
"""

from __future__ import annotations

import json
import statistics
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mockint.scenario.bank_load import discover_banks  # noqa: E402
from mockint.scoring.assess import Assessment, assess, find_question  # noqa: E402

CORPUS = ROOT / "tests" / "scoring" / "corpus"
BLIND = ROOT / "tests" / "scoring" / "blind_corpus"  # all held out; totals only
PINS = ROOT / "tests" / "scoring" / "corpus_pins.json"
GAP = 30.0
PLAIN_MIN = 50.0


@dataclass
class Row:
    question: str
    heldout: bool
    strong: Assessment
    wrong: Assessment
    plain: Assessment | None

    @property
    def told_apart(self) -> bool:
        s, w = self.strong.score or 0.0, self.wrong.score or 0.0
        return s - w >= GAP or (errors(self.wrong) > 0 and errors(self.strong) == 0)

    @property
    def plain_credited(self) -> bool:
        return self.plain is not None and (self.plain.score or 0.0) >= PLAIN_MIN


def errors(a: Assessment) -> int:
    """Key points said wrong plus mistakes made that no key point owns."""
    return len(a.coverage.contradicted) + len(a.coverage.errors)


def heldout_ids() -> set[str]:
    path = CORPUS / "HELDOUT"
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    return {x.strip() for x in lines if x.strip() and not x.startswith("#")}


def rows(corpus: Path = CORPUS, seen_only: bool = False) -> list[Row]:
    """Every question's answers scored; `seen_only` leaves the held-out ones unread."""
    banks, _ = discover_banks()
    own = corpus == CORPUS
    held = heldout_ids() if own else set()
    out = []
    for folder in sorted(p for p in corpus.iterdir() if p.is_dir()):
        if seen_only and folder.name in held:
            continue
        found = find_question(banks, folder.name)
        if found is None or not (folder / "strong.txt").exists():
            continue
        if not own and not (folder / "errors.txt").exists():
            continue  # still being written
        q, bank = found

        def run(name: str, q=q, bank=bank, folder=folder) -> Assessment | None:
            f = folder / f"{name}.txt"
            return assess(q, bank.kind, f.read_text(encoding="utf-8")) if f.exists() else None

        strong, wrong = run("strong"), run("wrong")
        if strong is None or wrong is None:
            continue
        out.append(Row(folder.name, folder.name in held, strong, wrong, run("plain")))
    return out


def pin(a: Assessment) -> dict[str, object]:
    """What a test pins of one scored answer."""
    return {
        "points": {p.id: p.status for p in a.coverage.points},
        "mistakes": sorted(e.text for e in a.coverage.errors),
    }


def write_pins(rs: list[Row]) -> None:
    pins = {
        r.question: {
            kind: pin(a)
            for kind, a in (("strong", r.strong), ("wrong", r.wrong), ("plain", r.plain))
            if a is not None
        }
        for r in rs
        if not r.heldout
    }
    PINS.write_text(json.dumps(pins, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"pinned {len(pins)} questions in {PINS.relative_to(ROOT)}")


def _totals(name: str, group: list[Row]) -> None:
    mean = statistics.fmean(r.strong.score or 0.0 for r in group)
    print(
        f"{name}: {len(group)} questions, strong mean {mean:.1f}, wrong mean "
        f"{statistics.fmean(r.wrong.score or 0.0 for r in group):.1f}, strong answers "
        f"with an error {sum(errors(r.strong) > 0 for r in group)}"
    )


def _share(flags: list[bool]) -> float:
    return sum(flags) / len(flags) if flags else 0.0


def _corpus(args: list[str]) -> Path | None:
    """The folder after `--corpus`; None for the project's own corpus."""
    if "--corpus" not in args:
        return None
    k = args.index("--corpus")
    if k + 1 >= len(args) or not Path(args[k + 1]).is_dir():
        sys.exit("--corpus needs a folder of <question-id>/ answer folders")
    return Path(args[k + 1]).resolve()


def main() -> None:
    args = sys.argv[1:]
    other = _corpus(args)
    if other is not None and "--pin" in args:
        sys.exit("--pin pins the project's own corpus only; drop --corpus")
    # Held-out answers are read on a full run only: pinning and development runs leave them
    # out, so their figures cannot steer the rules.
    seen_only = other is None and bool({"--pin", "--seen"} & set(args))
    rs = rows(other or CORPUS, seen_only)
    if "--pin" in args:
        write_pins(rs)
    for r in rs:
        if r.heldout:
            continue
        p = "-" if r.plain is None else f"{r.plain.score or 0:.0f}"
        wrong = [x.id for x in r.wrong.coverage.contradicted] + [
            "mistake" for _ in r.wrong.coverage.errors
        ]
        print(
            f"{r.question:<28} strong {r.strong.score or 0:5.1f}  wrong {r.wrong.score or 0:5.1f}"
            f"  plain {p:>4}  told_apart={int(r.told_apart)}  wrong_points={wrong}"
        )
    seen = [r for r in rs if not r.heldout]
    held = [r for r in rs if r.heldout]
    for name, group in (("seen" if other is None else "all", seen), ("heldout", held)):
        if group:
            _totals(name, group)
    none = other is not None or seen_only
    blind = [] if none or not BLIND.is_dir() else rows(BLIND)
    if blind:
        _totals("blind", blind)
    print(
        f"questions={len(rs)} told_apart={_share([r.told_apart for r in rs]):.2f} "
        f"plain_credited={_share([r.plain_credited for r in rs]):.2f} "
        f"heldout_told_apart={_fig(held, none, 'told_apart')} "
        f"heldout_plain_credited={_fig(held, none, 'plain_credited')} "
        f"blind_told_apart={_fig(blind, none, 'told_apart')} "
        f"blind_plain_credited={_fig(blind, none, 'plain_credited')}"
    )


def _fig(group: list[Row], none: bool, name: str) -> str:
    """A held-out share, or '-' on a run that must not read held-out answers."""
    return "-" if none or not group else f"{_share([getattr(r, name) for r in group]):.2f}"


if __name__ == "__main__":
    main()
