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
        5,
        # Review (mockint/review): cached per-session summaries, the spaced-repetition log
        # derived from them, the FSRS cards derived from that log, and the preparation plan.
        # Every table here is derived data except review_plan: a trigger drops a session's
        # summary as soon as anything it was computed from changes, and it is rebuilt on the
        # next read. The indexes serve the history list (date order) and the home screen.
        """
        CREATE INDEX sessions_by_created ON sessions(created_at);
        CREATE INDEX sessions_by_status ON sessions(status, alive_at);
        CREATE INDEX answers_by_session ON answers(session_id, stage_idx, position);
        CREATE INDEX events_by_kind ON events(kind, session_id);
        CREATE TABLE review_summaries (
            session_id INTEGER PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
            computed_at REAL NOT NULL,
            overall REAL,
            areas TEXT NOT NULL DEFAULT '{}',
            used_s REAL NOT NULL DEFAULT 0,
            planned_s REAL NOT NULL DEFAULT 0,
            search TEXT NOT NULL DEFAULT '',
            facts TEXT NOT NULL DEFAULT '{}'
        );
        CREATE INDEX review_summaries_by_overall ON review_summaries(overall);
        CREATE TABLE review_log (
            id INTEGER PRIMARY KEY,
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            item TEXT NOT NULL,
            kind TEXT NOT NULL,
            stage_kind TEXT NOT NULL,
            ref TEXT NOT NULL,
            title TEXT NOT NULL,
            topics TEXT NOT NULL DEFAULT '[]',
            at REAL NOT NULL,
            score REAL,
            rating INTEGER NOT NULL,
            why TEXT NOT NULL
        );
        CREATE INDEX review_log_by_item ON review_log(item, at, id);
        CREATE INDEX review_log_by_session ON review_log(session_id);
        CREATE INDEX review_log_by_at ON review_log(at);
        CREATE TABLE review_cards (
            item TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            stage_kind TEXT NOT NULL,
            ref TEXT NOT NULL,
            title TEXT NOT NULL,
            card TEXT NOT NULL,
            due REAL NOT NULL,
            reviews INTEGER NOT NULL,
            last_log_id INTEGER NOT NULL,
            last_rating INTEGER NOT NULL
        );
        CREATE INDEX review_cards_by_due ON review_cards(due);
        CREATE TABLE review_plan (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            start_day TEXT NOT NULL,
            weeks INTEGER NOT NULL,
            until_day TEXT,
            created_at REAL NOT NULL
        );
        CREATE TRIGGER review_stale_session AFTER UPDATE OF status, current_stage, finished_at,
            scenario_json ON sessions
        BEGIN DELETE FROM review_summaries WHERE session_id = NEW.id; END;
        CREATE TRIGGER review_stale_stage AFTER UPDATE ON stages
        BEGIN DELETE FROM review_summaries WHERE session_id = NEW.session_id; END;
        CREATE TRIGGER review_stale_answer_insert AFTER INSERT ON answers
        BEGIN DELETE FROM review_summaries WHERE session_id = NEW.session_id; END;
        CREATE TRIGGER review_stale_answer_update AFTER UPDATE ON answers
        BEGIN DELETE FROM review_summaries WHERE session_id = NEW.session_id; END;
        CREATE TRIGGER review_stale_run_insert AFTER INSERT ON grading_runs
        BEGIN DELETE FROM review_summaries WHERE session_id = NEW.session_id; END;
        CREATE TRIGGER review_stale_run_update AFTER UPDATE ON grading_runs
        BEGIN DELETE FROM review_summaries WHERE session_id = NEW.session_id; END;
        CREATE TRIGGER review_stale_event AFTER INSERT ON events
        BEGIN DELETE FROM review_summaries WHERE session_id = NEW.session_id; END
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
    (
        7,
        # The interviewer's private notes as they were typed (at most one row a second), so
        # a pair round's replay can show them beside the candidate's code. Kept apart from
        # `events`, which candidate-facing reports read.
        """
        CREATE TABLE pair_note_history (
            id INTEGER PRIMARY KEY,
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            author TEXT NOT NULL,
            stage_idx INTEGER,
            at REAL NOT NULL,
            elapsed_s REAL,
            body TEXT NOT NULL
        );
        CREATE INDEX pair_note_history_by_author ON pair_note_history(session_id, author, id);
        """,
    ),
    (
        10,
        # The live fields of a pair room (each field's text and cursor, as the hub holds
        # them), so a room whose server stopped mid-round can be opened again as it was.
        """
        CREATE TABLE pair_room_state (
            session_id INTEGER PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
            fields TEXT NOT NULL,
            updated_at REAL NOT NULL
        );
        """,
    ),
    (
        11,
        # A talking answer's self-check against the model answer (key point id -> right,
        # partly, missed or wrong), the points whose detected "said wrong" the candidate
        # disputes, and the key point the interviewer probed after the answer.
        """
        ALTER TABLE answers ADD COLUMN self_check TEXT NOT NULL DEFAULT '{}';
        ALTER TABLE answers ADD COLUMN disputed TEXT NOT NULL DEFAULT '[]';
        ALTER TABLE answers ADD COLUMN probed TEXT;
        """,
    ),
]

# Applied in number order whatever order the steps were written in; numbers are unique.
MIGRATIONS.sort(key=lambda step: step[0])
assert len({n for n, _ in MIGRATIONS}) == len(MIGRATIONS), "two migrations share a number"
LATEST = MIGRATIONS[-1][0]
