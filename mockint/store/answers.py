"""Answers to the talking rounds (free text, STAR fields, design notes) and the story bank.

An answer is a dict of named text fields (`answer`, or `situation`/`task`/..., or one per
design phase plus `scratchpad`), seconds spent per field, and rubric ratings.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # an AnswerRow alone is used where no database is (a pair app process)
    from mockint.store.sessions import Store

STORY_KEY = "story_id"  # in AnswerRow.ratings: the story bank entry this answer uses


@dataclass
class AnswerRow:
    stage_idx: int
    question_id: str
    position: int
    fields: dict[str, str] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)
    ratings: dict[str, int] = field(default_factory=dict)
    started_at: float | None = None
    updated_at: float = 0.0
    done: bool = False
    self_check: dict[str, str] = field(default_factory=dict)  # key point id -> mark
    disputed: list[str] = field(default_factory=list)  # key points whose "said wrong" is disputed
    probed: str | None = None  # the key point the interviewer probed after the answer

    def self_ratings(self) -> tuple[float, ...]:
        """The candidate's 1-5 self-ratings; `ratings` also carries the id of a story
        linked from the story bank, which is not a rating."""
        return tuple(float(v) for k, v in sorted(self.ratings.items()) if k != STORY_KEY)


def save_answer(store: Store, session_id: int, row: AnswerRow, now: float) -> None:
    with store.transaction() as c:
        c.execute(
            "INSERT INTO answers (session_id, stage_idx, question_id, position, fields, seconds,"
            " ratings, started_at, updated_at, done, self_check, disputed, probed)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT(session_id, stage_idx, question_id) DO UPDATE SET"
            " position = excluded.position, fields = excluded.fields, seconds = excluded.seconds,"
            " ratings = excluded.ratings, updated_at = excluded.updated_at, done = excluded.done,"
            " self_check = excluded.self_check, disputed = excluded.disputed,"
            " probed = excluded.probed",
            (
                session_id,
                row.stage_idx,
                row.question_id,
                row.position,
                json.dumps(row.fields),
                json.dumps(row.seconds),
                json.dumps(row.ratings),
                row.started_at if row.started_at is not None else now,
                now,
                int(row.done),
                json.dumps(row.self_check),
                json.dumps(row.disputed),
                row.probed,
            ),
        )


def answers(store: Store, session_id: int, stage_idx: int | None = None) -> list[AnswerRow]:
    sql = "SELECT * FROM answers WHERE session_id = ?"
    args: list[Any] = [session_id]
    if stage_idx is not None:
        sql += " AND stage_idx = ?"
        args.append(stage_idx)
    out = []
    for r in store.conn.execute(sql + " ORDER BY stage_idx, position", args):
        out.append(
            AnswerRow(
                stage_idx=r["stage_idx"],
                question_id=r["question_id"],
                position=r["position"],
                fields=json.loads(r["fields"]),
                seconds=json.loads(r["seconds"]),
                ratings=json.loads(r["ratings"]),
                started_at=r["started_at"],
                updated_at=r["updated_at"],
                done=bool(r["done"]),
                self_check=json.loads(r["self_check"]),
                disputed=json.loads(r["disputed"]),
                probed=r["probed"],
            )
        )
    return out


@dataclass
class Story:
    id: int | None
    title: str
    competencies: list[str]
    fields: dict[str, str]
    updated_at: float = 0.0


def save_story(store: Store, story: Story, now: float, session_id: int | None = None) -> int:
    with store.transaction() as c:
        if story.id is None:
            cur = c.execute(
                "INSERT INTO stories (title, competencies, fields, created_at, updated_at, session_id)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (
                    story.title,
                    json.dumps(story.competencies),
                    json.dumps(story.fields),
                    now,
                    now,
                    session_id,
                ),
            )
            assert cur.lastrowid is not None
            return cur.lastrowid
        c.execute(
            "UPDATE stories SET title = ?, competencies = ?, fields = ?, updated_at = ? WHERE id = ?",
            (story.title, json.dumps(story.competencies), json.dumps(story.fields), now, story.id),
        )
        return story.id


def stories(store: Store) -> list[Story]:
    return [
        Story(
            r["id"],
            r["title"],
            json.loads(r["competencies"]),
            json.loads(r["fields"]),
            r["updated_at"],
        )
        for r in store.conn.execute("SELECT * FROM stories ORDER BY updated_at DESC")
    ]


def recently_asked(store: Store, last_sessions: int = 5) -> set[str]:
    rows = store.conn.execute(
        "SELECT DISTINCT question_id FROM answers WHERE session_id IN"
        " (SELECT id FROM sessions ORDER BY created_at DESC LIMIT ?)",
        (last_sessions,),
    ).fetchall()
    return {r["question_id"] for r in rows}
