-- Supervision Journal schema, version 1. Dates are ISO-8601 text (YYYY-MM-DD), times UTC ISO.

CREATE TABLE client (
    id            INTEGER PRIMARY KEY,
    pseudonym     TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(pseudonym)) > 0),
    started_on    TEXT,
    status        TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'closed')),
    closed_on     TEXT,
    retention_years INTEGER CHECK (retention_years IS NULL OR retention_years BETWEEN 1 AND 100),
    retention_reason TEXT,
    created_at    TEXT NOT NULL
);

CREATE TABLE client_tag (
    client_id INTEGER NOT NULL REFERENCES client(id) ON DELETE CASCADE,
    tag       TEXT NOT NULL,
    PRIMARY KEY (client_id, tag)
) WITHOUT ROWID;

-- Identity is kept apart from the client row: shown only on an explicit "reveal", never in
-- search results, titles, exports or logs. Every term feeds the export leak guard.
CREATE TABLE identity_term (
    id        INTEGER PRIMARY KEY,
    client_id INTEGER NOT NULL REFERENCES client(id) ON DELETE CASCADE,
    kind      TEXT NOT NULL CHECK (kind IN ('full_name', 'alias', 'identifier')),
    term      TEXT NOT NULL CHECK (length(trim(term)) > 0),
    role      TEXT,
    position  INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX identity_term_client ON identity_term(client_id);

CREATE TABLE session (
    id               INTEGER PRIMARY KEY,
    client_id        INTEGER NOT NULL REFERENCES client(id) ON DELETE CASCADE,
    date             TEXT NOT NULL,
    duration_minutes INTEGER NOT NULL DEFAULT 50 CHECK (duration_minutes BETWEEN 0 AND 1440),
    modality         TEXT NOT NULL DEFAULT 'in_person'
                     CHECK (modality IN ('in_person', 'video', 'phone')),
    template         TEXT NOT NULL DEFAULT 'standard' CHECK (template IN ('standard', 'free')),
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);
CREATE INDEX session_client_date ON session(client_id, date, id);
CREATE INDEX session_date ON session(date);

CREATE TABLE session_tag (
    session_id INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,
    tag        TEXT NOT NULL,
    PRIMARY KEY (session_id, tag)
) WITHOUT ROWID;
CREATE INDEX session_tag_tag ON session_tag(tag);

CREATE TABLE section (
    id         INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,
    key        TEXT NOT NULL CHECK (key IN ('presenting', 'process', 'interventions',
                   'relationship', 'countertransference', 'hypotheses', 'ethics', 'plan',
                   'supervision_questions', 'private', 'body')),
    text       TEXT NOT NULL DEFAULT '',
    UNIQUE (session_id, key)
);

-- An approval pins the SHA-256 of the approved text: an edit afterwards makes the hash differ,
-- which revokes it (the row stays, so the UI can say "changed since approval").
CREATE TABLE approval (
    section_id  INTEGER PRIMARY KEY REFERENCES section(id) ON DELETE CASCADE,
    sha256      TEXT NOT NULL,
    approved_at TEXT NOT NULL
);
CREATE TRIGGER approval_never_private BEFORE INSERT ON approval
WHEN (SELECT key FROM section WHERE id = NEW.section_id) = 'private'
BEGIN SELECT RAISE(ABORT, 'private sections cannot be approved'); END;

CREATE TABLE reflection (
    id          INTEGER PRIMARY KEY,
    client_id   INTEGER REFERENCES client(id) ON DELETE CASCADE,
    session_id  INTEGER REFERENCES session(id) ON DELETE CASCADE,
    prompt_id   TEXT,
    text        TEXT NOT NULL DEFAULT '',
    is_question INTEGER NOT NULL DEFAULT 0 CHECK (is_question IN (0, 1)),
    approved_sha256 TEXT,
    approved_at TEXT,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX reflection_session ON reflection(session_id);
CREATE INDEX reflection_client ON reflection(client_id);

CREATE TABLE activity (
    id               INTEGER PRIMARY KEY,
    kind             TEXT NOT NULL,
    date             TEXT NOT NULL,
    minutes          INTEGER NOT NULL CHECK (minutes >= 0),
    format           TEXT,
    group_size       INTEGER CHECK (group_size IS NULL OR group_size >= 1),
    facilitated      INTEGER CHECK (facilitated IS NULL OR facilitated IN (0, 1)),
    modality         TEXT,
    title            TEXT NOT NULL DEFAULT '',
    provider         TEXT NOT NULL DEFAULT '',
    accredited       INTEGER CHECK (accredited IS NULL OR accredited IN (0, 1)),
    learning         TEXT NOT NULL DEFAULT '',
    impact           TEXT NOT NULL DEFAULT '',
    created_at       TEXT NOT NULL
);
CREATE INDEX activity_date ON activity(date);

CREATE TABLE activity_category (
    activity_id INTEGER NOT NULL REFERENCES activity(id) ON DELETE CASCADE,
    category    TEXT NOT NULL,
    PRIMARY KEY (activity_id, category)
) WITHOUT ROWID;

CREATE TABLE evidence (
    id          INTEGER PRIMARY KEY,
    activity_id INTEGER NOT NULL REFERENCES activity(id) ON DELETE CASCADE,
    filename    TEXT NOT NULL,
    mime        TEXT NOT NULL,
    data        BLOB NOT NULL,
    added_at    TEXT NOT NULL
);
CREATE INDEX evidence_activity ON evidence(activity_id);

CREATE TABLE supervision_session (
    id               INTEGER PRIMARY KEY,
    date             TEXT NOT NULL,
    supervisor       TEXT NOT NULL DEFAULT '',
    format           TEXT NOT NULL CHECK (format IN ('individual', 'group', 'peer')),
    group_size       INTEGER CHECK (group_size IS NULL OR group_size >= 1),
    modality         TEXT,
    duration_minutes INTEGER NOT NULL CHECK (duration_minutes BETWEEN 0 AND 1440),
    questions        TEXT NOT NULL DEFAULT '',
    learning         TEXT NOT NULL DEFAULT '',
    actions          TEXT NOT NULL DEFAULT '',
    -- the ledger entry this session created: one and only one, kept in step on edit
    activity_id      INTEGER UNIQUE REFERENCES activity(id) ON DELETE SET NULL,
    created_at       TEXT NOT NULL
);

CREATE TABLE supervision_case (
    supervision_id INTEGER NOT NULL REFERENCES supervision_session(id) ON DELETE CASCADE,
    client_id      INTEGER NOT NULL REFERENCES client(id) ON DELETE CASCADE,
    position       INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (supervision_id, client_id)
) WITHOUT ROWID;

CREATE TABLE export_audit (
    id          INTEGER PRIMARY KEY,
    created_at  TEXT NOT NULL,
    kind        TEXT NOT NULL,
    recipient   TEXT NOT NULL DEFAULT '',
    format      TEXT NOT NULL DEFAULT '',
    items       TEXT NOT NULL DEFAULT '[]',
    sha256      TEXT NOT NULL DEFAULT ''
);

-- Preferences that describe the practice (retention, profiles, favourites) live in the vault,
-- never in QSettings.
CREATE TABLE setting (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

-- Full-text search inside the encrypted database. External-content FTS5 over section and
-- reflection, kept in step by triggers; 'secure-delete' overwrites deleted index entries.
CREATE VIRTUAL TABLE section_fts USING fts5(
    text, content='section', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
INSERT INTO section_fts(section_fts, rank) VALUES ('secure-delete', 1);
CREATE TRIGGER section_ai AFTER INSERT ON section BEGIN
    INSERT INTO section_fts(rowid, text) VALUES (NEW.id, NEW.text);
END;
CREATE TRIGGER section_ad AFTER DELETE ON section BEGIN
    INSERT INTO section_fts(section_fts, rowid, text) VALUES ('delete', OLD.id, OLD.text);
END;
CREATE TRIGGER section_au AFTER UPDATE OF text ON section BEGIN
    INSERT INTO section_fts(section_fts, rowid, text) VALUES ('delete', OLD.id, OLD.text);
    INSERT INTO section_fts(rowid, text) VALUES (NEW.id, NEW.text);
END;

CREATE VIRTUAL TABLE reflection_fts USING fts5(
    text, content='reflection', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
INSERT INTO reflection_fts(reflection_fts, rank) VALUES ('secure-delete', 1);
CREATE TRIGGER reflection_ai AFTER INSERT ON reflection BEGIN
    INSERT INTO reflection_fts(rowid, text) VALUES (NEW.id, NEW.text);
END;
CREATE TRIGGER reflection_ad AFTER DELETE ON reflection BEGIN
    INSERT INTO reflection_fts(reflection_fts, rowid, text) VALUES ('delete', OLD.id, OLD.text);
END;
CREATE TRIGGER reflection_au AFTER UPDATE OF text ON reflection BEGIN
    INSERT INTO reflection_fts(reflection_fts, rowid, text) VALUES ('delete', OLD.id, OLD.text);
    INSERT INTO reflection_fts(rowid, text) VALUES (NEW.id, NEW.text);
END;
