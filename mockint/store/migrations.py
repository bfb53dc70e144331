"""Numbered schema migrations. Append only: a released step is never edited."""

MIGRATIONS: list[tuple[int, str]] = [
    (
        1,
        """
        CREATE TABLE sessions (
            id INTEGER PRIMARY KEY,
            scenario_id TEXT NOT NULL,
            title TEXT NOT NULL,
            scenario_json TEXT NOT NULL,
            pace REAL NOT NULL DEFAULT 1,
            mode TEXT NOT NULL DEFAULT 'solo',
            status TEXT NOT NULL DEFAULT 'active',
            current_stage INTEGER NOT NULL DEFAULT 0,
            created_at REAL NOT NULL,
            alive_at REAL NOT NULL,
            finished_at REAL
        );
        CREATE TABLE stages (
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            stage_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            title TEXT NOT NULL,
            planned_s REAL NOT NULL,
            state TEXT NOT NULL DEFAULT 'not_started',
            elapsed_s REAL NOT NULL DEFAULT 0,
            skipped INTEGER NOT NULL DEFAULT 0,
            started_at REAL,
            finished_at REAL,
            PRIMARY KEY (session_id, idx)
        );
        CREATE TABLE events (
            id INTEGER PRIMARY KEY,
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            stage_idx INTEGER,
            kind TEXT NOT NULL,
            at REAL NOT NULL,
            elapsed_s REAL,
            data TEXT NOT NULL DEFAULT '{}'
        );
        CREATE INDEX events_session ON events(session_id, id);
        CREATE TABLE notes (
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            stage_idx INTEGER NOT NULL,
            body TEXT NOT NULL,
            updated_at REAL NOT NULL,
            PRIMARY KEY (session_id, stage_idx)
        );
        """,
    ),
    (
        2,
        """
        CREATE TABLE code_snapshots (
            id INTEGER PRIMARY KEY,
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            stage_idx INTEGER NOT NULL,
            problem TEXT NOT NULL,
            at REAL NOT NULL,
            elapsed_s REAL,
            code TEXT NOT NULL,
            cursor_row INTEGER NOT NULL DEFAULT 0,
            cursor_col INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX code_snapshots_by_problem ON code_snapshots(session_id, stage_idx, problem, id);
        CREATE TABLE grading_runs (
            id INTEGER PRIMARY KEY,
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            stage_idx INTEGER NOT NULL,
            problem TEXT NOT NULL,
            kind TEXT NOT NULL,
            started_at REAL NOT NULL,
            finished_at REAL,
            elapsed_s REAL,
            code TEXT NOT NULL,
            verdict TEXT,
            passed INTEGER,
            total INTEGER,
            result_json TEXT
        );
        CREATE INDEX grading_runs_by_problem ON grading_runs(session_id, stage_idx, problem, id);
        """,
    ),
    (
        3,
        """
        CREATE TABLE answers (
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            stage_idx INTEGER NOT NULL,
            question_id TEXT NOT NULL,
            position INTEGER NOT NULL,
            fields TEXT NOT NULL DEFAULT '{}',
            seconds TEXT NOT NULL DEFAULT '{}',
            ratings TEXT NOT NULL DEFAULT '{}',
            started_at REAL,
            updated_at REAL NOT NULL,
            done INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (session_id, stage_idx, question_id)
        );
        CREATE TABLE stories (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL,
            competencies TEXT NOT NULL DEFAULT '[]',
            fields TEXT NOT NULL DEFAULT '{}',
            created_at REAL NOT NULL,
            updated_at REAL NOT NULL,
            session_id INTEGER REFERENCES sessions(id) ON DELETE SET NULL
        );
        """,
    ),
    (
        4,
        # Who holds a session open for writing: one app instance at a time (store/locks.py).
        """
        CREATE TABLE session_holders (
            session_id INTEGER PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
            token TEXT NOT NULL,
            pid INTEGER NOT NULL,
            host TEXT NOT NULL,
            proc_start TEXT,
            since REAL NOT NULL
        );
        """,
    ),
    (
        6,
        """
        CREATE TABLE pair_rounds (
            session_id INTEGER PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
            room TEXT NOT NULL,
            round INTEGER NOT NULL DEFAULT 1,
            interviewer TEXT NOT NULL,
            candidate TEXT,
            created_at REAL NOT NULL
        );
        CREATE INDEX pair_rounds_by_room ON pair_rounds(room, round);
        CREATE TABLE pair_private (
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            author TEXT NOT NULL,
            kind TEXT NOT NULL,
            body TEXT NOT NULL,
            updated_at REAL NOT NULL,
            PRIMARY KEY (session_id, author, kind)
        );
        CREATE TABLE pair_feedback (
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            author TEXT NOT NULL,
            role TEXT NOT NULL,
            body TEXT NOT NULL,
            submitted_at REAL NOT NULL,
            PRIMARY KEY (session_id, author)
        );
        """,
    ),
]

LATEST = max(number for number, _ in MIGRATIONS)
