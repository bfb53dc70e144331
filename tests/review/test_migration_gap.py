"""Reserved migration numbers: a database that reached 6 before 5 existed still gets 5."""

import sqlite3

from mockint.store.db import statements
from mockint.store.migrations import MIGRATIONS
from mockint.store.sessions import Store


def test_a_skipped_reserved_migration_is_applied(tmp_path):
    path = tmp_path / "gap.db"
    raw = sqlite3.connect(path)
    for number, sql in MIGRATIONS:
        if number != 5:  # as a main branch without the review work would have left it
            for st in statements(sql):
                raw.execute(st)
    last = max(n for n, _ in MIGRATIONS)
    raw.execute(f"PRAGMA user_version={last}")
    raw.commit()
    raw.close()
    store = Store(path)
    names = {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master")}
    assert {"review_summaries", "review_log", "review_cards", "review_stale_event"} <= names
    assert store.conn.execute("PRAGMA user_version").fetchone()[0] == last
    store.close()
    Store(path).close()  # and opening it again changes nothing
