"""The home screen's figures in one indexed query: kept apart from the rest of the review
package (no dataclasses, no json, no datetime) because the home screen imports it at start.
"""

from __future__ import annotations

import time
from typing import NamedTuple

from mockint.store.sessions import Store


class Figures(NamedTuple):
    unfinished: list[int]  # the three most recently active unfinished sessions
    due: int  # review items due before the end of the day
    last_id: int | None  # the most recent session
    last_created: float | None
    last_title: str | None
    last_overall: float | None  # its overall score, if summarised and scored
    last_summarised: bool = False  # False: its summary is still to be built
    last_finished: bool = True  # False: active (unfinished) or abandoned


# The latest session comes from the created_at index, the unfinished ones from the
# (status, alive_at) index, the due count from the cards' due index: no table scan.
SQL = """
SELECT
  (SELECT count(*) FROM review_cards WHERE due < ?) AS due,
  (SELECT group_concat(id || ' ' || alive_at) FROM (
     SELECT id, alive_at FROM sessions WHERE status = 'active' AND mode != 'pair'
     ORDER BY alive_at DESC LIMIT 3))
     AS open,
  s.id, s.created_at, s.title, r.overall, r.session_id IS NOT NULL, s.status
FROM (SELECT 1)
LEFT JOIN (SELECT id, created_at, title, status FROM sessions
           ORDER BY created_at DESC, id DESC LIMIT 1) s
LEFT JOIN review_summaries r ON r.session_id = s.id
"""


def end_of_day(now: float) -> float:
    """The next local midnight after `now` (as `queue.end_of_day`, without datetime)."""
    t = time.localtime(now)
    return time.mktime((t.tm_year, t.tm_mon, t.tm_mday + 1, 0, 0, 0, 0, 0, -1))


def figures(store: Store, now: float) -> Figures:
    row = store.conn.execute(SQL, (end_of_day(now),)).fetchone()
    # group_concat's order is not promised, so the pairs are ordered here.
    pairs = [x.split(" ") for x in (row[1] or "").split(",") if x]
    ids = [int(i) for i, _ in sorted(pairs, key=lambda p: -float(p[1]))]
    return Figures(
        ids, int(row[0]), row[2], row[3], row[4], row[5], bool(row[6]), row[7] in (None, "finished")
    )
