-- Embedded store schema. Nodes and relationships keep their properties as JSON (the model table in Core says
-- what is allowed); indexes serve lookups by id, label and both endpoints.
CREATE TABLE IF NOT EXISTS nodes (
    id         TEXT PRIMARY KEY,
    label      TEXT NOT NULL,
    name       TEXT NOT NULL,
    aliases    TEXT NOT NULL,
    properties TEXT NOT NULL,
    sources    TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS nodes_by_label ON nodes (label, id);

CREATE TABLE IF NOT EXISTS relationships (
    id         TEXT PRIMARY KEY,
    type       TEXT NOT NULL,
    from_id    TEXT NOT NULL REFERENCES nodes (id),
    to_id      TEXT NOT NULL REFERENCES nodes (id),
    properties TEXT NOT NULL,
    sources    TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS relationships_by_from ON relationships (from_id, type);
CREATE INDEX IF NOT EXISTS relationships_by_to ON relationships (to_id, type);
CREATE INDEX IF NOT EXISTS relationships_by_type ON relationships (type);

-- Name search is answered from memory (SqliteNameIndex, built from the nodes table). Files written by earlier versions
-- kept an FTS5 table for it, which nothing reads any more.
DROP TABLE IF EXISTS node_names;

CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- Right of reply: replies, corrections and withholdings (reason and dates only) of the last import, one row per log
-- entry, looked up by fact id or relationship base id (without #key) and listed newest first.
CREATE TABLE IF NOT EXISTS fact_notes (
    key       TEXT PRIMARY KEY,
    kind      TEXT NOT NULL,
    date      TEXT NOT NULL,
    fact_id   TEXT,
    fact_base TEXT,
    entry     TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS fact_notes_by_fact ON fact_notes (fact_id);
CREATE INDEX IF NOT EXISTS fact_notes_by_base ON fact_notes (fact_base);
CREATE INDEX IF NOT EXISTS fact_notes_by_date ON fact_notes (date DESC, key);
