-- Ordinary edits no longer use FTS5's per-token 'secure-delete': with the prefix indexes of
-- schema 3 an autosave of one section cost 60-180 ms on a 20,000-note vault (1-3 ms without),
-- and the GUI thread waits for it. Old index entries of edited text stay in FTS segments until
-- they are merged: encrypted like every page, readable only with the vault key. Erasing a
-- client (privacy/erasure.py) still purges them: FTS 'optimize', then VACUUM, with SQLite's
-- secure_delete on, and its tests decrypt every page to prove nothing is left.
INSERT INTO section_fts(section_fts, rank) VALUES ('secure-delete', 0);
INSERT INTO reflection_fts(reflection_fts, rank) VALUES ('secure-delete', 0);
