"""Export all recorded data as one JSON document, and merge such a document into a database.

The document (`"format": "mockint-export"`, `"version": 1`) holds every session with its
stages, events, notes, answers, code snapshots and runs (and, for a pair round, its `pair`
part: the roles, the interviewer's private notes and rubric with the notes' history, both
sides' feedback), the story bank and the saved plan. Derived tables (summaries, repetition log, cards) are left out: they are rebuilt
from the sessions after an import, so the history, the reports and the due list come out
the same.

Importing remaps every id. A session is the same session in two databases when its start
time and scenario id are equal; one that is already there is skipped, or replaced when the
file holds a later state of it (a larger `alive_at`). A story is the same when its title
and creation time are. So importing the same file twice adds nothing.
"""

from __future__ import annotations

import json
import time
from typing import Any

from mockint.store.sessions import Store

FORMAT = "mockint-export"
VERSION = 1

SESSION_COLS = (
    "scenario_id",
    "title",
    "pace",
    "mode",
    "status",
    "current_stage",
    "created_at",
    "alive_at",
    "finished_at",
)
STAGE_COLS = (
    "idx",
    "stage_id",
    "kind",
    "title",
    "planned_s",
    "state",
    "elapsed_s",
    "skipped",
    "started_at",
    "finished_at",
)
EVENT_COLS = ("stage_idx", "kind", "at", "elapsed_s")
NOTE_COLS = ("stage_idx", "body", "updated_at")
ANSWER_COLS = ("stage_idx", "question_id", "position", "started_at", "updated_at", "done")
SNAPSHOT_COLS = ("stage_idx", "problem", "at", "elapsed_s", "code", "cursor_row", "cursor_col")
RUN_COLS = (
    "stage_idx",
    "problem",
    "kind",
    "started_at",
    "finished_at",
    "elapsed_s",
    "code",
    "verdict",
    "passed",
    "total",
)


PAIR_ROUND_COLS = ("room", "round", "interviewer", "candidate", "created_at")
PAIR_PRIVATE_COLS = ("author", "kind", "body", "updated_at")
PAIR_FEEDBACK_COLS = ("author", "role", "body", "submitted_at")
PAIR_NOTE_COLS = ("author", "stage_idx", "at", "elapsed_s", "body")
# table -> columns of a pair round's rows (bodies kept as the stored JSON text)
PAIR_TABLES = {
    "private": ("pair_private", PAIR_PRIVATE_COLS),
    "feedback": ("pair_feedback", PAIR_FEEDBACK_COLS),
    "note_history": ("pair_note_history", PAIR_NOTE_COLS),
}


class TransferError(Exception):
    """A file that is not a usable export; the message says where and what."""


def export_data(store: Store, now: float | None = None, only: int | None = None) -> dict[str, Any]:
    """Everything, or with `only` one session alone (no stories, no plan)."""
    from mockint.store.migrations import LATEST

    conn = store.conn
    one = "" if only is None else f" WHERE session_id = {int(only)}"

    def rows(sql: str, args: tuple[Any, ...] = ()) -> list[dict[str, Any]]:
        return [dict(r) for r in conn.execute(sql, args)]

    def by_session(table: str, order: str) -> dict[int, list[dict[str, Any]]]:
        out: dict[int, list[dict[str, Any]]] = {}
        for r in rows(f"SELECT * FROM {table}{one} ORDER BY session_id, {order}"):
            out.setdefault(r.pop("session_id"), []).append(r)
        return out

    stages = by_session("stages", "idx")
    events = by_session("events", "id")
    notes = by_session("notes", "stage_idx")
    answers = by_session("answers", "stage_idx, position")
    snaps = by_session("code_snapshots", "id")
    runs = by_session("grading_runs", "id")
    pair_rounds = {r.pop("session_id"): r for r in rows(f"SELECT * FROM pair_rounds{one}")}
    pair_rows = {key: by_session(table, "rowid") for key, (table, _cols) in PAIR_TABLES.items()}
    sessions = []
    picked = "" if only is None else f" WHERE id = {int(only)}"
    for s in rows(f"SELECT * FROM sessions{picked} ORDER BY created_at, id"):
        sid = s["id"]
        entry = {k: s[k] for k in ("id", *SESSION_COLS)}
        entry["scenario"] = json.loads(s["scenario_json"])
        entry["stages"] = [{k: r[k] for k in STAGE_COLS} for r in stages.get(sid, [])]
        entry["events"] = [
            {k: r[k] for k in EVENT_COLS} | {"data": json.loads(r["data"])}
            for r in events.get(sid, [])
        ]
        entry["notes"] = [{k: r[k] for k in NOTE_COLS} for r in notes.get(sid, [])]
        entry["answers"] = [
            {k: r[k] for k in ANSWER_COLS}
            | {
                f: json.loads(r[f])
                for f in ("fields", "seconds", "ratings", "self_check", "disputed")
            }
            | {"probed": r["probed"]}
            for r in answers.get(sid, [])
        ]
        entry["code_snapshots"] = [{k: r[k] for k in SNAPSHOT_COLS} for r in snaps.get(sid, [])]
        entry["grading_runs"] = [
            {k: r[k] for k in RUN_COLS}
            | {"result": json.loads(r["result_json"]) if r["result_json"] else None}
            for r in runs.get(sid, [])
        ]
        if sid in pair_rounds:
            pair: dict[str, Any] = {k: pair_rounds[sid][k] for k in PAIR_ROUND_COLS}
            for key, (_table, cols) in PAIR_TABLES.items():
                pair[key] = [{k: r[k] for k in cols} for r in pair_rows[key].get(sid, [])]
            entry["pair"] = pair
        sessions.append(entry)
    stories = [
        {
            "id": r["id"],
            "title": r["title"],
            "competencies": json.loads(r["competencies"]),
            "fields": json.loads(r["fields"]),
            "created_at": r["created_at"],
            "updated_at": r["updated_at"],
            "session_id": r["session_id"],
        }
        for r in rows("SELECT * FROM stories ORDER BY created_at, id")
        if only is None
    ]
    plan = conn.execute("SELECT start_day, weeks, until_day FROM review_plan").fetchone()
    if only is not None:
        plan = None
    return {
        "format": FORMAT,
        "version": VERSION,
        "schema": LATEST,
        "exported_at": time.time() if now is None else now,
        "sessions": sessions,
        "stories": stories,
        "plan": dict(plan) if plan else None,
    }


def check(doc: Any) -> None:
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise TransferError('not a mockint export (no "format": "mockint-export")')
    version = doc.get("version")
    if not isinstance(version, int):
        raise TransferError("version: missing or not a number")
    if version > VERSION:
        raise TransferError(
            f"version: {version} is newer than this mockint reads ({VERSION}); upgrade mockint"
        )
    for key in ("sessions", "stories"):
        if not isinstance(doc.get(key), list):
            raise TransferError(f"{key}: missing or not a list")
    for n, st in enumerate(doc["stories"]):
        _row(st, f"stories[{n}]", ("id", "title", "created_at", "updated_at"))
        _kinds(st, f"stories[{n}]", competencies=list, fields=dict)
    for n, s in enumerate(doc["sessions"]):
        _session(s, f"sessions[{n}]")
    plan = doc.get("plan")
    if plan is not None:
        _row(plan, "plan", ("start_day", "weeks"))


# Every row of a session's tables, with the columns its INSERT reads and the kinds of its
# JSON parts: checked before any database is opened, so a damaged file changes nothing.
SESSION_PARTS: dict[str, tuple[tuple[str, ...], dict[str, type | tuple[type, ...]]]] = {
    "stages": (STAGE_COLS, {}),
    "events": (EVENT_COLS, {"data": dict}),
    "notes": (NOTE_COLS, {}),
    "answers": (ANSWER_COLS, {"fields": dict, "seconds": dict, "ratings": dict}),
    "code_snapshots": (SNAPSHOT_COLS, {}),
    "grading_runs": (RUN_COLS, {"result": (dict, type(None))}),
}
NUMBERS = {"created_at", "alive_at", "at", "updated_at", "started_at", "finished_at"}


def _row(row: Any, where: str, cols: tuple[str, ...]) -> None:
    if not isinstance(row, dict):
        raise TransferError(f"{where}: not an object")
    for col in cols:
        if col not in row:
            raise TransferError(f"{where}: missing field '{col}'")
        value = row[col]
        if isinstance(value, (dict, list)):
            raise TransferError(f"{where}.{col}: not a plain value")
        if col in NUMBERS and not (value is None or _number(value)):
            raise TransferError(f"{where}.{col}: not a number")
        if (col == "id" or col.endswith("idx")) and not (value is None or _int(value)):
            raise TransferError(f"{where}.{col}: not a whole number")


def _kinds(row: dict[str, Any], where: str, **kinds: type | tuple[type, ...]) -> None:
    for key, kind in kinds.items():
        if not isinstance(row.get(key), kind):
            raise TransferError(f"{where}.{key}: missing or of the wrong kind")


def _number(x: Any) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def _int(x: Any) -> bool:
    return isinstance(x, int) and not isinstance(x, bool)


def _session(s: Any, where: str) -> None:
    from mockint.scenario.serialize import scenario_from_dict

    _row(s, where, ("id", *SESSION_COLS))
    if s["id"] is None:
        raise TransferError(f"{where}.id: missing")
    if not isinstance(s.get("scenario"), dict):
        raise TransferError(f"{where}.scenario: missing or not an object")
    try:
        scenario_from_dict(s["scenario"])
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        what = f"{type(exc).__name__}: {exc}"
        raise TransferError(f"{where}.scenario: not a scenario ({what})") from None
    for part, (cols, kinds) in SESSION_PARTS.items():
        rows = s.get(part)
        if not isinstance(rows, list):
            raise TransferError(f"{where}.{part}: missing or not a list")
        for i, row in enumerate(rows):
            _row(row, f"{where}.{part}[{i}]", cols)
            _kinds(row, f"{where}.{part}[{i}]", **kinds)
    pair = s.get("pair")
    if pair is not None:
        _row(pair, f"{where}.pair", PAIR_ROUND_COLS)
        for key, (_table, cols) in PAIR_TABLES.items():
            rows = pair.get(key, [])
            if not isinstance(rows, list):
                raise TransferError(f"{where}.pair.{key}: not a list")
            for i, row in enumerate(rows):
                _row(row, f"{where}.pair.{key}[{i}]", cols)


def import_data(store: Store, doc: Any) -> dict[str, int]:
    """Merge an export into the store in one transaction; returns what was done."""
    check(doc)
    counts = {"added": 0, "replaced": 0, "skipped": 0, "stories_added": 0}
    where = "stories"
    try:
        with store.transaction() as c:
            story_map: dict[int, int] = {}
            story_owner: dict[int, Any] = {}
            for n, st in enumerate(doc["stories"]):
                where = f"stories[{n}]"
                found = c.execute(
                    "SELECT id FROM stories WHERE title = ? AND created_at = ?",
                    (st["title"], st["created_at"]),
                ).fetchone()
                if found is not None:
                    story_map[int(st["id"])] = found[0]
                    continue
                cur = c.execute(
                    "INSERT INTO stories (title, competencies, fields, created_at, updated_at)"
                    " VALUES (?, ?, ?, ?, ?)",
                    (
                        st["title"],
                        json.dumps(list(st["competencies"])),
                        json.dumps(dict(st["fields"])),
                        st["created_at"],
                        st["updated_at"],
                    ),
                )
                assert cur.lastrowid is not None
                story_map[int(st["id"])] = cur.lastrowid
                story_owner[cur.lastrowid] = st.get("session_id")
                counts["stories_added"] += 1
            session_map: dict[int, int] = {}
            for n, s in enumerate(doc["sessions"]):
                where = f"sessions[{n}]"
                found = c.execute(
                    "SELECT id, alive_at FROM sessions WHERE created_at = ? AND scenario_id = ?",
                    (s["created_at"], s["scenario_id"]),
                ).fetchone()
                if found is not None and found[1] >= s["alive_at"]:
                    session_map[int(s["id"])] = found[0]
                    counts["skipped"] += 1
                    continue
                if found is not None:
                    c.execute("DELETE FROM sessions WHERE id = ?", (found[0],))
                    counts["replaced"] += 1
                else:
                    counts["added"] += 1
                session_map[int(s["id"])] = _insert_session(c, s, story_map, where)
            for new_id, old_session in story_owner.items():
                if old_session is not None and int(old_session) in session_map:
                    c.execute(
                        "UPDATE stories SET session_id = ? WHERE id = ?",
                        (session_map[int(old_session)], new_id),
                    )
            plan = doc.get("plan")
            if isinstance(plan, dict) and c.execute("SELECT 1 FROM review_plan").fetchone() is None:
                where = "plan"
                c.execute(
                    "INSERT INTO review_plan (id, start_day, weeks, until_day, created_at)"
                    " VALUES (1, ?, ?, ?, ?)",
                    (plan["start_day"], int(plan["weeks"]), plan.get("until_day"), time.time()),
                )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        what = f"missing field {exc}" if isinstance(exc, KeyError) else str(exc)
        raise TransferError(f"{where}: {what}") from None
    return counts


def _insert_session(c: Any, s: dict[str, Any], story_map: dict[int, int], where: str) -> int:
    scenario = s["scenario"]
    cur = c.execute(
        "INSERT INTO sessions (scenario_id, title, scenario_json, pace, mode, status,"
        " current_stage, created_at, alive_at, finished_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            s["scenario_id"],
            s["title"],
            json.dumps(scenario),
            s["pace"],
            s["mode"],
            s["status"],
            s["current_stage"],
            s["created_at"],
            s["alive_at"],
            s["finished_at"],
        ),
    )
    sid = cur.lastrowid

    def many(table: str, cols: tuple[str, ...], items: list[tuple[Any, ...]]) -> None:
        if items:
            marks = ", ".join("?" for _ in range(len(cols) + 1))
            c.executemany(
                f"INSERT INTO {table} (session_id, {', '.join(cols)}) VALUES ({marks})",
                [(sid, *i) for i in items],
            )

    many("stages", STAGE_COLS, [tuple(r[k] for k in STAGE_COLS) for r in s["stages"]])
    many(
        "events",
        (*EVENT_COLS, "data"),
        [(*(r[k] for k in EVENT_COLS), json.dumps(r["data"])) for r in s["events"]],
    )
    many("notes", NOTE_COLS, [tuple(r[k] for k in NOTE_COLS) for r in s["notes"]])
    answers = []
    for r in s["answers"]:
        ratings = dict(r["ratings"])
        old = ratings.get("story_id")
        if isinstance(old, int):
            if old in story_map:
                ratings["story_id"] = story_map[old]
            else:
                ratings.pop("story_id")
        answers.append(
            (
                *(r[k] for k in ANSWER_COLS),
                json.dumps(r["fields"]),
                json.dumps(r["seconds"]),
                json.dumps(ratings),
                # Files exported before the self-check (migration 11) have none.
                json.dumps(r.get("self_check") or {}),
                json.dumps(r.get("disputed") or []),
                r.get("probed"),
            )
        )
    answer_cols = (*ANSWER_COLS, "fields", "seconds", "ratings", "self_check", "disputed", "probed")
    many("answers", answer_cols, answers)
    many(
        "code_snapshots",
        SNAPSHOT_COLS,
        [tuple(r[k] for k in SNAPSHOT_COLS) for r in s["code_snapshots"]],
    )
    many(
        "grading_runs",
        (*RUN_COLS, "result_json"),
        [
            (
                *(r[k] for k in RUN_COLS),
                json.dumps(r["result"]) if r["result"] is not None else None,
            )
            for r in s["grading_runs"]
        ],
    )
    pair = s.get("pair")
    if pair is not None:
        c.execute(
            f"INSERT INTO pair_rounds (session_id, {', '.join(PAIR_ROUND_COLS)})"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (sid, *(pair[k] for k in PAIR_ROUND_COLS)),
        )
        for key, (table, cols) in PAIR_TABLES.items():
            many(table, cols, [tuple(r[k] for k in cols) for r in pair.get(key, [])])
    return int(sid)
