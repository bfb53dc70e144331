"""Review: history, replay, progress, spaced repetition and the preparation plan.

Queries and pure functions only (no Textual): the screens under `mockint/tui/screens/` and
the click commands in `mockint/review/commands.py` share them, so `mockint history --json`
and the history screen can never disagree.

- `summary`: one cached summary per session (scores, time, search text, weak-area facts)
  and the repetition log derived from it; rebuilt when the session changes.
- `history`: the session list with sort, filters and search; delete.
- `replay`: a coding round's timeline (snapshots, runs and submits, pastes).
- `rating`: how judge and scorer results map to FSRS ratings (the written-down mapping).
- `queue`: FSRS cards built from the repetition log; what is due.
- `progress`: score series and weak areas.
- `plan`: the week-by-week preparation plan.
- `transfer`: export to and import from one JSON document.
"""
