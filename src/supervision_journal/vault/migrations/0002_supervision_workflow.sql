-- Supervision workflow: the questions queue and countertransference feelings per session.

-- A question for supervision is a non-empty 'supervision_questions' section or a reflection
-- marked as a question. Its queue state lives here (no row = open).
CREATE TABLE question_state (
    id             INTEGER PRIMARY KEY,
    section_id     INTEGER UNIQUE REFERENCES section(id) ON DELETE CASCADE,
    reflection_id  INTEGER UNIQUE REFERENCES reflection(id) ON DELETE CASCADE,
    status         TEXT NOT NULL DEFAULT 'open'
                   CHECK (status IN ('open', 'discussed', 'resolved')),
    supervision_id INTEGER REFERENCES supervision_session(id) ON DELETE SET NULL,
    answer         TEXT NOT NULL DEFAULT '',
    updated_at     TEXT NOT NULL,
    CHECK ((section_id IS NULL) <> (reflection_id IS NULL))
);

-- What the practitioner felt in a session (countertransference), from a small vocabulary, with
-- an intensity: the material of the "patterns over time" chart.
CREATE TABLE session_feeling (
    session_id INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,
    feeling    TEXT NOT NULL,
    intensity  INTEGER NOT NULL DEFAULT 2 CHECK (intensity BETWEEN 1 AND 3),
    PRIMARY KEY (session_id, feeling)
) WITHOUT ROWID;
