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

-- Private notes can never be approved: guard updates too (0001 guards inserts).
CREATE TRIGGER approval_never_private_update BEFORE UPDATE OF section_id ON approval
WHEN (SELECT key FROM section WHERE id = NEW.section_id) = 'private'
BEGIN SELECT RAISE(ABORT, 'private sections cannot be approved'); END;
CREATE TRIGGER section_private_never_approved BEFORE UPDATE OF key ON section
WHEN NEW.key = 'private' AND EXISTS (SELECT 1 FROM approval WHERE section_id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'private sections cannot be approved'); END;
