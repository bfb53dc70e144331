"""Example STAR stories: annotated templates the behavioural round's story picker offers.

They live in `scenarios/banks/examples/star-stories.toml` (a folder of their own, so the
bank loader never reads them as a question bank):

    [[stories]]
    id = "conflict-embedding-benchmark"      # lower-case id, unique
    title = "..."
    competencies = ["conflict", "communication"]   # at least one

    [stories.situation]                      # and task, action, result, reflection
    text = "..."                             # the example text of that part
    note = "..."                             # why it is written that way

Errors are ScenarioError, one line `FILE[:LINE]: field: what is wrong`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mockint.paths import bundled_dir
from mockint.scenario.check import ID, Checker, parse_toml, read_text, reflow
from mockint.scenario.errors import ScenarioError

STORY_PARTS = ("situation", "task", "action", "result", "reflection")


@dataclass(frozen=True)
class ExamplePart:
    text: str
    note: str


@dataclass(frozen=True)
class ExampleStory:
    id: str
    title: str
    competencies: tuple[str, ...]
    parts: dict[str, ExamplePart]

    @property
    def fields(self) -> dict[str, str]:
        """The STAR form's fields, as the story picker loads them."""
        return {p: self.parts[p].text for p in STORY_PARTS}


def examples_path() -> Path:
    return bundled_dir("scenarios") / "banks" / "examples" / "star-stories.toml"


def load_examples(path: Path | None = None) -> list[ExampleStory]:
    path = path or examples_path()
    text = read_text(path)
    c = Checker(path, text)
    top = c.table(parse_toml(text, path), (), {"stories"}, set())
    raw = c.array(top, "stories", ())
    out: list[ExampleStory] = []
    for i, item in enumerate(raw):
        where = ("stories", i)
        s = c.table(item, where, {"id", "title", "competencies", *STORY_PARTS}, set())
        sid = c.string(s, "id", where, ID)
        if any(x.id == sid for x in out):
            raise c.fail(where + ("id",), f"duplicate story id '{sid}'")
        competencies = c.strings(s, "competencies", where, ID)
        if not competencies:
            raise c.fail(where + ("competencies",), "must list at least one competency")
        parts = {}
        for p in STORY_PARTS:
            t = c.table(s[p], where + (p,), {"text", "note"}, set())
            parts[p] = ExamplePart(
                reflow(c.string(t, "text", where + (p,))),
                reflow(c.string(t, "note", where + (p,))),
            )
        out.append(ExampleStory(sid, reflow(c.string(s, "title", where)), competencies, parts))
    if not out:
        raise ScenarioError(path, "stories", "must list at least one story")
    return out
